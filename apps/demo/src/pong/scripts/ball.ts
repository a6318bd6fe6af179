// ball.gd: the ball. Its authority is the dedicated server (peer 1, every node's default): only the
// server decides when it hits a paddle or leaves the court, and tells everyone by RPC. Between
// those calls every peer moves its own copy the same way, so the motion looks smooth everywhere.
import { rpc, Vector2 } from "@wsport/godot-compat";
// `method.rpc(...)`, Godot 4's Callable form, is typed for programs that opt in:
import type {} from "@wsport/godot-compat/rpc-callable";
import { randf } from "../engine/global-scope.ts";
import { get_viewport_rect, Node2D } from "../engine/nodes.ts";
import type { Paddle } from "./paddle.ts";
import type { Pong } from "./pong.ts";

export const BALL_RADIUS = 5;
/** Seconds the ball waits in the middle before each serve. */
const SERVE_DELAY = 0.8;
/** Each paddle hit makes the ball this much faster. */
const BOUNCE_SPEEDUP = 1.08;

export class Ball extends Node2D {
  direction = new Vector2(-1, 0);
  stopped = false;
  _speed = 0;
  _serve_wait = SERVE_DELAY;

  get pong(): Pong {
    return this.get_parent() as Pong;
  }

  _ready(): void {
    this.position = this._screen_center();
    this._speed = this.pong.ball_speed;
  }

  _process(delta: number): void {
    if (this.stopped) return;
    if (this._serve_wait > 0) {
      this._serve_wait -= delta;
      return;
    }
    this.translate(
      new Vector2(this.direction.x * this._speed * delta, this.direction.y * this._speed * delta),
    );

    // Walls: every peer bounces its own copy.
    const size = get_viewport_rect().size;
    const pos = this.position;
    if (
      (pos.y < BALL_RADIUS && this.direction.y < 0) ||
      (pos.y > size.y - BALL_RADIUS && this.direction.y > 0)
    )
      this.direction.y = -this.direction.y;

    if (!this.is_multiplayer_authority()) return;
    for (const paddle of [this.pong.get_node("Left"), this.pong.get_node("Right")] as Paddle[]) {
      const coming = paddle.left ? this.direction.x < 0 : this.direction.x > 0;
      if (coming && paddle.touches(pos, BALL_RADIUS)) this.bounce.rpc(pos, paddle.left, randf());
    }
    if (pos.x < 0) {
      this.pong.update_score.rpc(false);
      this._reset_ball.rpc(false);
    } else if (pos.x > size.x) {
      this.pong.update_score.rpc(true);
      this._reset_ball.rpc(true);
    }
  }

  /** A paddle hit: where it happened, which paddle, and a random new angle. */
  @rpc("call_local", "reliable")
  bounce(at: Vector2, left: boolean, random: number): void {
    this.position = at;
    const x = left ? 1 : -1;
    const y = random * 1.4 - 0.7;
    const length = Math.hypot(x, y);
    this.direction = new Vector2(x / length, y / length);
    this._speed *= BOUNCE_SPEEDUP;
  }

  @rpc("call_local", "reliable")
  stop(): void {
    this.stopped = true;
  }

  /** A point was scored: serve again from the middle, towards the side that won it. */
  @rpc("call_local", "reliable")
  _reset_ball(for_left: boolean): void {
    this.position = this._screen_center();
    this.direction = new Vector2(for_left ? -1 : 1, 0);
    this._speed = this.pong.ball_speed;
    this._serve_wait = SERVE_DELAY;
  }

  _screen_center(): Vector2 {
    const size = get_viewport_rect().size;
    return new Vector2(size.x / 2, size.y / 2);
  }
}
