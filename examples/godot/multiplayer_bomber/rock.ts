import { rpc } from "@wsport/godot-compat";
import { type AnimationPlayer, CharacterBody2D } from "./engine.js";
import type { Score } from "./score.js";

export class Rock extends CharacterBody2D {
  @rpc("call_local")
  exploded(by_who: number): void {
    (this.get_node("../../Score") as Score).increase_score(by_who);
    (this.get_node("AnimationPlayer") as AnimationPlayer).play("explode");
  }
}
