// script/combo.gd of godot-demo-projects' networking/websocket_multiplayer, ported: four games in
// one window, each branch with a MultiplayerAPI of its own.
import { MultiplayerAPI, str } from "@wsport/godot-compat";
import { Control } from "../stand-in/ui.js";

export class Combo extends Control {
  paths: string[] = [];

  _enter_tree(): void {
    for (const ch of this.get_node("GridContainer").get_children()) {
      this.paths.push(`${str(this.get_path())}/GridContainer/${str(ch.name)}`);
    }
    // Sets a dedicated Multiplayer API for each branch.
    for (const path of this.paths) {
      this.get_tree().set_multiplayer(MultiplayerAPI.create_default_interface(), path);
    }
  }

  _exit_tree(): void {
    // Clear the branch-specific Multiplayer API.
    for (const path of this.paths) {
      this.get_tree().set_multiplayer(null, path);
    }
  }
}
