import { gamestate } from "./autoload.js";
import type { AcceptDialog, Button, ItemList, Label, LineEdit, Panel } from "./engine.js";
import { Control, is_valid_ip_address, OS, ProjectSettings } from "./engine.js";

export class Lobby extends Control {
  _ready(): void {
    // Called every time the node is added to the scene.
    gamestate.connection_failed.connect(this._on_connection_failed);
    gamestate.connection_succeeded.connect(this._on_connection_success);
    gamestate.player_list_changed.connect(this.refresh_lobby);
    gamestate.game_ended.connect(this._on_game_ended);
    gamestate.game_error.connect(this._on_game_error);
    // Set the player name according to the system username. Fallback to the path.
    if (OS.has_environment("USERNAME")) {
      (this.get_node("Connect/Name") as LineEdit).text = OS.get_environment("USERNAME");
    } else {
      const desktop_path = OS.get_system_dir(OS.SYSTEM_DIR_DESKTOP).replaceAll("\\", "/").split("/");
      (this.get_node("Connect/Name") as LineEdit).text = desktop_path[desktop_path.length - 2]!;
    }
  }

  _on_host_pressed(): void {
    if ((this.get_node("Connect/Name") as LineEdit).text === "") {
      (this.get_node("Connect/ErrorLabel") as Label).text = "Invalid name!";
      return;
    }

    (this.get_node("Connect") as Panel).hide();
    (this.get_node("Players") as Panel).show();
    (this.get_node("Connect/ErrorLabel") as Label).text = "";

    const player_name: string = (this.get_node("Connect/Name") as LineEdit).text;
    gamestate.host_game(player_name);
    this.get_window().title = `${ProjectSettings.get_setting("application/config/name")}: Server (${(this.get_node("Connect/Name") as LineEdit).text})`;
    this.refresh_lobby();
  }

  _on_join_pressed(): void {
    if ((this.get_node("Connect/Name") as LineEdit).text === "") {
      (this.get_node("Connect/ErrorLabel") as Label).text = "Invalid name!";
      return;
    }

    const ip: string = (this.get_node("Connect/IPAddress") as LineEdit).text;
    if (!is_valid_ip_address(ip)) {
      (this.get_node("Connect/ErrorLabel") as Label).text = "Invalid IP address!";
      return;
    }

    (this.get_node("Connect/ErrorLabel") as Label).text = "";
    (this.get_node("Connect/Host") as Button).disabled = true;
    (this.get_node("Connect/Join") as Button).disabled = true;

    const player_name: string = (this.get_node("Connect/Name") as LineEdit).text;
    gamestate.join_game(ip, player_name);
    this.get_window().title = `${ProjectSettings.get_setting("application/config/name")}: Client (${(this.get_node("Connect/Name") as LineEdit).text})`;
  }

  _on_connection_success(): void {
    (this.get_node("Connect") as Panel).hide();
    (this.get_node("Players") as Panel).show();
  }

  _on_connection_failed(): void {
    (this.get_node("Connect/Host") as Button).disabled = false;
    (this.get_node("Connect/Join") as Button).disabled = false;
    (this.get_node("Connect/ErrorLabel") as Label).set_text("Connection failed.");
  }

  _on_game_ended(): void {
    this.show();
    (this.get_node("Connect") as Panel).show();
    (this.get_node("Players") as Panel).hide();
    (this.get_node("Connect/Host") as Button).disabled = false;
    (this.get_node("Connect/Join") as Button).disabled = false;
  }

  _on_game_error(errtxt: string): void {
    (this.get_node("ErrorDialog") as AcceptDialog).dialog_text = errtxt;
    (this.get_node("ErrorDialog") as AcceptDialog).popup_centered();
    (this.get_node("Connect/Host") as Button).disabled = false;
    (this.get_node("Connect/Join") as Button).disabled = false;
  }

  refresh_lobby(): void {
    const players = gamestate.get_player_list();
    players.sort();
    (this.get_node("Players/List") as ItemList).clear();
    (this.get_node("Players/List") as ItemList).add_item(gamestate.player_name + " (you)");
    for (const p of players) {
      (this.get_node("Players/List") as ItemList).add_item(p);
    }

    (this.get_node("Players/Start") as Button).disabled = !this.multiplayer.is_server();
  }

  _on_start_pressed(): void {
    gamestate.begin_game();
  }

  _on_find_public_ip_pressed(): void {
    OS.shell_open("https://icanhazip.com/");
  }
}
