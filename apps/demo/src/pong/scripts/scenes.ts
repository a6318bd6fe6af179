// What pong.tscn would hold: the Pong node with its children, named and placed as the scene file
// would place them. `PONG_SCENE.instantiate()` is GDScript's `load("res://pong.tscn").instantiate()`.
import { Vector2 } from "@wsport/godot-compat";
import { VIEWPORT_SIZE } from "../engine/nodes.ts";
import { Ball } from "./ball.ts";
import { Paddle } from "./paddle.ts";
import { Pong } from "./pong.ts";

const PADDLE_MARGIN = 24;

export const PONG_SCENE = {
  instantiate(): Pong {
    const pong = new Pong();
    pong.name = "Pong";
    for (const left of [true, false]) {
      const paddle = new Paddle();
      paddle.name = left ? "Left" : "Right";
      paddle.left = left;
      paddle.position = new Vector2(
        left ? PADDLE_MARGIN : VIEWPORT_SIZE.x - PADDLE_MARGIN,
        VIEWPORT_SIZE.y / 2,
      );
      pong.add_child(paddle);
    }
    const ball = new Ball();
    ball.name = "Ball";
    pong.add_child(ball);
    return pong;
  },
};
