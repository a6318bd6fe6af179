// Follows Godot's scene/main/scene_tree.cpp (SceneTreeTimer).
// What SceneTree.create_timer() returns: time_left counts down with the tree's frames, and `timeout` is
// emitted on the frame it reaches zero (`await tree.create_timer(1).timeout` in GDScript).
import { describe } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { Signal } from "../core/signal.js";

export class SceneTreeTimer {
  readonly timeout = new Signal<[]>(this, "timeout");
  #timeLeft: number;

  /** @internal SceneTree.create_timer makes timers; these say which frames advance it. */
  constructor(
    time_sec: number,
    /** @internal Advances while the tree is paused. */
    readonly _processAlways = true,
    /** @internal Advances on physics frames instead of process frames. */
    readonly _inPhysics = false,
  ) {
    this.#timeLeft = time_sec;
  }

  /** Seconds until `timeout`. */
  get time_left(): number {
    return this.#timeLeft;
  }
  set time_left(time: number) {
    this.set_time_left(time);
  }
  get_time_left(): number {
    return this.#timeLeft;
  }
  set_time_left(time: number): void {
    if (typeof time === "number" && !Number.isNaN(time)) this.#timeLeft = time;
    else printError(`time_left must be a number, got ${describe(time)}.`);
  }

  /** @internal Counts `delta` down; true once it has timed out (and emitted). */
  _advance(delta: number): boolean {
    this.#timeLeft -= delta;
    if (this.#timeLeft > 0) return false;
    this.#timeLeft = 0;
    this.timeout.emit();
    return true;
  }
}
