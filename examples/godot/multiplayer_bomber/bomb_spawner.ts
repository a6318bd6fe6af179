import { MultiplayerSpawner, type Node, Vector2 } from "@wsport/godot-compat";
import type { Bomb } from "./bomb.js";
import { preload } from "./engine.js";

export class BombSpawner extends MultiplayerSpawner {
  constructor() {
    super();
    this.spawn_function = this._spawn_bomb;
  }

  _spawn_bomb(data: unknown[]): Node | null {
    if (data.length !== 2 || !(data[0] instanceof Vector2) || !Number.isInteger(data[1])) {
      return null;
    }

    const bomb = preload("res://bomb.tscn").instantiate() as Bomb;
    bomb.position = data[0];
    bomb.from_player = data[1] as number;
    return bomb;
  }
}
