// script/game.gd of godot-demo-projects' networking/websocket_multiplayer, ported.
import { randi, rpc, str } from "@wsport/godot-compat";
// TypeScript sees `method.rpc(...)` (Godot 4's Callable form) once a program opts in:
import type {} from "@wsport/godot-compat/rpc-callable";
import { type Button, Control, type ItemList, preload, type RichTextLabel } from "../stand-in/ui.js";

const _crown = preload("res://img/crown.png");

export class Game extends Control {
  // @onready var _list: ItemList = $HBoxContainer/VBoxContainer/ItemList
  get _list(): ItemList {
    return this.get_node("HBoxContainer/VBoxContainer/ItemList") as ItemList;
  }
  // @onready var _action: Button = $HBoxContainer/VBoxContainer/Action
  get _action(): Button {
    return this.get_node("HBoxContainer/VBoxContainer/Action") as Button;
  }

  static readonly ACTIONS = ["roll", "pass"];

  _players: number[] = [];
  _turn = -1;

  @rpc
  _log(message: string): void {
    (this.get_node("HBoxContainer/RichTextLabel") as RichTextLabel).add_text(`${message}\n`);
  }

  @rpc("any_peer")
  set_player_name(p_name: string): void {
    if (!this.is_multiplayer_authority()) {
      return;
    }
    const sender = this.multiplayer.get_remote_sender_id();
    this.update_player_name.rpc(sender, p_name);
  }

  @rpc("call_local")
  update_player_name(player: number, p_name: string): void {
    const pos = this._players.indexOf(player);
    if (pos !== -1) {
      this._list.set_item_text(pos, p_name);
    }
  }

  @rpc("any_peer")
  request_action(action: string): void {
    if (!this.is_multiplayer_authority()) {
      return;
    }
    const sender = this.multiplayer.get_remote_sender_id();
    if (this._players[this._turn] !== sender) {
      this._log.rpc(`Someone is trying to cheat! ${str(sender)}`);
      return;
    }
    if (!Game.ACTIONS.includes(action)) {
      this._log.rpc(`Invalid action: ${action}`);
      return;
    }

    this.do_action(action);
    this.next_turn();
  }

  do_action(action: string): void {
    const player_name = this._list.get_item_text(this._turn);
    const val = randi() % 100;
    this._log.rpc(`${player_name}: ${action}s ${val}`);
  }

  @rpc("call_local")
  set_turn(turn: number): void {
    this._turn = turn;
    if (turn >= this._players.length) {
      return;
    }

    for (let i = 0; i < this._players.length; i++) {
      if (i === turn) {
        this._list.set_item_icon(i, _crown);
      } else {
        this._list.set_item_icon(i, null);
      }
    }

    this._action.disabled = this._players[turn] !== this.multiplayer.get_unique_id();
  }

  @rpc("call_local")
  del_player(id: number): void {
    const pos = this._players.indexOf(id);

    if (pos === -1) {
      return;
    }

    this._players.splice(pos, 1);
    this._list.remove_item(pos);

    if (this._turn > pos) {
      this._turn -= 1;
    }

    if (this.multiplayer.is_server()) {
      this.set_turn.rpc(this._turn);
    }
  }

  @rpc("call_local")
  add_player(id: number, p_name = ""): void {
    this._players.push(id);
    if (p_name === "") {
      this._list.add_item("... connecting ...", null, false);
    } else {
      this._list.add_item(p_name, null, false);
    }
  }

  get_player_name(pos: number): string {
    if (pos < this._list.get_item_count()) {
      return this._list.get_item_text(pos);
    } else {
      return "Error!";
    }
  }

  next_turn(): void {
    this._turn += 1;
    if (this._turn >= this._players.length) {
      this._turn = 0;
    }
    this.set_turn.rpc(this._turn);
  }

  start(): void {
    this.set_turn(0);
  }

  stop(): void {
    this._players.length = 0;
    this._list.clear();
    this._turn = 0;
    this._action.disabled = true;
  }

  on_peer_add(id: number): void {
    if (!this.multiplayer.is_server()) {
      return;
    }

    for (let i = 0; i < this._players.length; i++) {
      this.add_player.rpc_id(id, this._players[i], this.get_player_name(i));
    }

    this.add_player.rpc(id);
    this.set_turn.rpc_id(id, this._turn);
  }

  on_peer_del(id: number): void {
    if (!this.multiplayer.is_server()) {
      return;
    }

    this.del_player.rpc(id);
  }

  _on_Action_pressed(): void {
    if (this.multiplayer.is_server()) {
      if (this._turn !== 0) {
        return;
      }
      this.do_action("roll");
      this.next_turn();
    } else {
      this.request_action.rpc_id(1, "roll");
    }
  }
}
