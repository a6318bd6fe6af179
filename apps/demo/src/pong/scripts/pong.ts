// pong.gd: the court. It holds the two paddles and the ball (see scenes.ts, its .tscn), keeps the
// score, and says who won. Only the server (its authority) calls update_score, on every peer at once.
import { rpc, Signal } from "@wsport/godot-compat";
import { Button, Label, Node2D } from "../engine/nodes.ts";
import type { Ball } from "./ball.ts";

export class Pong extends Node2D {
  /** signal score_changed(left: int, right: int) */
  readonly score_changed = new Signal<[left: number, right: number]>("score_changed");
  /** signal game_finished */
  readonly game_finished = new Signal<[]>("game_finished");

  score_to_win = 10;
  ball_speed = 240;
  score_left = 0;
  score_right = 0;

  readonly winner_left = new Label();
  readonly winner_right = new Label();
  readonly exit_game = new Button();

  _ready(): void {
    this.winner_left.hide();
    this.winner_right.hide();
    this.exit_game.pressed.connect(this._on_exit_game_pressed);
  }

  @rpc("call_local", "reliable")
  update_score(add_to_left: boolean): void {
    if (add_to_left) this.score_left += 1;
    else this.score_right += 1;
    this.score_changed.emit(this.score_left, this.score_right);

    let game_ended = false;
    if (this.score_left === this.score_to_win) {
      this.winner_left.show();
      game_ended = true;
    } else if (this.score_right === this.score_to_win) {
      this.winner_right.show();
      game_ended = true;
    }
    if (game_ended) (this.get_node("Ball") as Ball).stop();
  }

  _on_exit_game_pressed(): void {
    this.game_finished.emit();
  }
}
