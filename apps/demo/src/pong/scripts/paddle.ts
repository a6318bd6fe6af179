// paddle.gd: a paddle. Its multiplayer authority is the player who steers it: that peer reads the
// input and tells everyone where the paddle is; the others (the server and the opponent) only
// move it along with the last motion they heard, so it glides between packets.
import { rpc, Vector2 } from "@wsport/godot-compat";
// `method.rpc(...)`, Godot 4's Callable form, is typed for programs that opt in:
import type {} from "@wsport/godot-compat/rpc-callable";
import { clampf } from "../engine/global-scope.ts";
import { Input } from "../engine/input.ts";
import { get_viewport_rect, Node2D } from "../engine/nodes.ts";

export const MOTION_SPEED = 300; // pixels per second
export const PADDLE_SIZE = new Vector2(10, 64);

export class Paddle extends Node2D {
  /** @export var left := false: which side of the court this paddle guards. */
  left = false;

  _motion = 0;

  _process(delta: number): void {
    if (this.is_multiplayer_authority()) {
      this._motion = Input.get_axis("move_up", "move_down") * MOTION_SPEED;
      // Unreliable: a lost update is replaced by the next frame's.
      this.set_pos_and_motion.rpc(this.position, this._motion);
    }
    this.translate(new Vector2(0, this._motion * delta));
    const half = PADDLE_SIZE.y / 2;
    this.position.y = clampf(this.position.y, half, get_viewport_rect().size.y - half);
  }

  /** Sent by the paddle's authority to every other peer, once a frame. */
  @rpc("unreliable_ordered")
  set_pos_and_motion(pos: Vector2, motion: number): void {
    this.position = pos;
    this._motion = motion;
  }

  /** Whether a ball at `ball_pos` with radius `radius` touches this paddle. */
  touches(ball_pos: Vector2, radius: number): boolean {
    return (
      Math.abs(ball_pos.x - this.position.x) <= PADDLE_SIZE.x / 2 + radius &&
      Math.abs(ball_pos.y - this.position.y) <= PADDLE_SIZE.y / 2 + radius
    );
  }
}
