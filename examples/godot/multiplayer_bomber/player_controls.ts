import { Node, Vector2 } from "@wsport/godot-compat";
import { add, clamp, Input } from "./engine.js";

export class PlayerControls extends Node {
  #motion = new Vector2();
  get motion(): Vector2 {
    return this.#motion;
  }
  set motion(value: Vector2) {
    // This will be sent by players, make sure values are within limits.
    this.#motion = clamp(value, new Vector2(-1, -1), new Vector2(1, 1));
  }

  bombing: boolean = false;

  update(): void {
    let m = new Vector2();
    if (Input.is_action_pressed("move_left")) {
      m = add(m, new Vector2(-1, 0));
    }
    if (Input.is_action_pressed("move_right")) {
      m = add(m, new Vector2(1, 0));
    }
    if (Input.is_action_pressed("move_up")) {
      m = add(m, new Vector2(0, -1));
    }
    if (Input.is_action_pressed("move_down")) {
      m = add(m, new Vector2(0, 1));
    }

    this.motion = m;
    this.bombing = Input.is_action_pressed("set_bomb");
  }
}
