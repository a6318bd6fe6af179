import { MultiplayerSpawner, push_error, Vector2 } from "@wsport/godot-compat";
import { preload } from "./engine.js";
import type { Player } from "./player.js";

export class PlayerSpawner extends MultiplayerSpawner {
  _ready(): void {
    this.set_spawn_function(this.spawn_player);
  }

  spawn_player(data: unknown[]): Player | null {
    if (data.length !== 2 || !(data[0] instanceof Vector2) || !Number.isInteger(data[1])) {
      push_error(
        "Invalid MultiplayerSpawner spawn parameter. The parameter must be an array with 2 elements, where index 0 is the Vector2 spawn position and index 1 is the spawn point index.",
      );
      return null;
    }
    const player = preload("res://player.tscn").instantiate() as Player;
    player.synced_position = data[0];
    player.name = String(data[1]);
    return player;
  }
}
