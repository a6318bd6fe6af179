// script/main.gd of godot-demo-projects' networking/websocket_multiplayer, ported.
import { print, str, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import {
  type AcceptDialog,
  type Button,
  Control,
  HORIZONTAL_ALIGNMENT_CENTER,
  type LineEdit,
  OS,
  VERTICAL_ALIGNMENT_CENTER,
} from "../stand-in/ui.js";
import type { Game } from "./game.js";

const DEF_PORT = 8080;
const PROTO_NAME = "ludus";

export class Main extends Control {
  // @onready var _host_btn: Button = $Panel/VBoxContainer/HBoxContainer2/HBoxContainer/Host (and the others)
  get _host_btn(): Button {
    return this.get_node("Panel/VBoxContainer/HBoxContainer2/HBoxContainer/Host") as Button;
  }
  get _connect_btn(): Button {
    return this.get_node("Panel/VBoxContainer/HBoxContainer2/HBoxContainer/Connect") as Button;
  }
  get _disconnect_btn(): Button {
    return this.get_node("Panel/VBoxContainer/HBoxContainer2/HBoxContainer/Disconnect") as Button;
  }
  get _name_edit(): LineEdit {
    return this.get_node("Panel/VBoxContainer/HBoxContainer/NameEdit") as LineEdit;
  }
  get _host_edit(): LineEdit {
    return this.get_node("Panel/VBoxContainer/HBoxContainer2/Hostname") as LineEdit;
  }
  get _game(): Game {
    return this.get_node("Panel/VBoxContainer/Game") as Game;
  }

  peer = WebSocketMultiplayerPeer.new();

  constructor() {
    super();
    this.peer.supported_protocols = [PROTO_NAME];
  }

  _ready(): void {
    this.multiplayer.peer_connected.connect(this._peer_connected);
    this.multiplayer.peer_disconnected.connect(this._peer_disconnected);
    this.multiplayer.server_disconnected.connect(this._close_network);
    this.multiplayer.connection_failed.connect(this._close_network);
    this.multiplayer.connected_to_server.connect(this._connected);

    (this.get_node("AcceptDialog") as AcceptDialog).get_label().horizontal_alignment =
      HORIZONTAL_ALIGNMENT_CENTER;
    (this.get_node("AcceptDialog") as AcceptDialog).get_label().vertical_alignment =
      VERTICAL_ALIGNMENT_CENTER;
    // Set the player name according to the system username. Fallback to the path.
    if (OS.has_environment("USERNAME")) {
      this._name_edit.text = OS.get_environment("USERNAME");
    } else {
      const desktop_path = OS.get_system_dir(OS.SYSTEM_DIR_DESKTOP).replaceAll("\\", "/").split("/");
      this._name_edit.text = desktop_path[desktop_path.length - 2]!;
    }
  }

  start_game(): void {
    this._host_btn.disabled = true;
    this._name_edit.editable = false;
    this._host_edit.editable = false;
    this._connect_btn.hide();
    this._disconnect_btn.show();
    this._game.start();
  }

  stop_game(): void {
    this._host_btn.disabled = false;
    this._name_edit.editable = true;
    this._host_edit.editable = true;
    this._disconnect_btn.hide();
    this._connect_btn.show();
    this._game.stop();
  }

  _close_network(): void {
    this.stop_game();
    (this.get_node("AcceptDialog") as AcceptDialog).popup_centered();
    (this.get_node("AcceptDialog") as AcceptDialog).get_ok_button().grab_focus();
    this.multiplayer.multiplayer_peer = null;
    this.peer.close();
  }

  _connected(): void {
    this._game.set_player_name.rpc(this._name_edit.text);
  }

  _peer_connected(id: number): void {
    this._game.on_peer_add(id);
  }

  _peer_disconnected(id: number): void {
    print(`Disconnected ${id}`);
    this._game.on_peer_del(id);
  }

  _on_Host_pressed(): void {
    this.multiplayer.multiplayer_peer = null;
    this.peer.create_server(DEF_PORT);
    this.multiplayer.multiplayer_peer = this.peer;
    this._game.add_player(1, this._name_edit.text);
    this.start_game();
  }

  _on_Disconnect_pressed(): void {
    this._close_network();
  }

  _on_Connect_pressed(): void {
    this.multiplayer.multiplayer_peer = null;
    this.peer.create_client(`ws://${this._host_edit.text}:${str(DEF_PORT)}`);
    this.multiplayer.multiplayer_peer = this.peer;
    this.start_game();
  }
}
