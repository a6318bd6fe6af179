import { type MultiplayerSpawner, rpc, Vector2 } from "@wsport/godot-compat";
import { gamestate } from "./autoload.js";
import {
  type AnimationPlayer,
  addColor,
  CharacterBody2D,
  Color,
  is_valid_int,
  type Label,
  type Sprite2D,
  scale,
} from "./engine.js";
import type { PlayerControls } from "./player_controls.js";

/** The player's movement speed (in pixels per second). */
const MOTION_SPEED = 90.0;

/** The delay before which you can place a new bomb (in seconds). */
const BOMB_RATE = 0.5;

export class Player extends CharacterBody2D {
  synced_position = new Vector2();

  stunned: boolean = false;

  last_bomb_time = BOMB_RATE;
  current_anim: string = "";

  get inputs(): PlayerControls {
    return this.get_node("Inputs") as PlayerControls;
  }

  _ready(): void {
    this.stunned = false;
    this.position = this.synced_position;
    if (is_valid_int(String(this.name))) {
      this.get_node("Inputs/InputsSync").set_multiplayer_authority(Number(String(this.name)));
    }
  }

  _physics_process(delta: number): void {
    if (
      this.multiplayer.multiplayer_peer === null ||
      String(this.multiplayer.get_unique_id()) === String(this.name)
    ) {
      // The client which this player represent will update the controls state, and notify it to everyone.
      this.inputs.update();
    }

    if (this.multiplayer.multiplayer_peer === null || this.is_multiplayer_authority()) {
      // The server updates the position that will be notified to the clients.
      this.synced_position = this.position;
      // And increase the bomb cooldown spawning one if the client wants to.
      this.last_bomb_time += delta;
      if (
        !this.stunned &&
        this.is_multiplayer_authority() &&
        this.inputs.bombing &&
        this.last_bomb_time >= BOMB_RATE
      ) {
        this.last_bomb_time = 0.0;
        (this.get_node("../../BombSpawner") as MultiplayerSpawner).spawn([
          this.position,
          Number(String(this.name)),
        ]);
      }
    } else {
      // The client simply updates the position to the last known one.
      this.position = this.synced_position;
    }

    if (!this.stunned) {
      // Everybody runs physics. i.e. clients try to predict where they will be during the next frame.
      this.velocity = scale(this.inputs.motion, MOTION_SPEED);
      this.move_and_slide();
    }

    // Also update the animation based on the last known player input state.
    let new_anim = "standing";

    if (this.inputs.motion.y < 0) {
      new_anim = "walk_up";
    } else if (this.inputs.motion.y > 0) {
      new_anim = "walk_down";
    } else if (this.inputs.motion.x < 0) {
      new_anim = "walk_left";
    } else if (this.inputs.motion.x > 0) {
      new_anim = "walk_right";
    }

    if (this.stunned) {
      new_anim = "stunned";
    }

    if (new_anim !== this.current_anim) {
      this.current_anim = new_anim;
      (this.get_node("anim") as AnimationPlayer).play(this.current_anim);
    }
  }

  @rpc("call_local")
  set_player_name(value: string): void {
    (this.get_node("label") as Label).text = value;
    // Assign a random color to the player based on its name.
    (this.get_node("label") as Label).modulate = gamestate.get_player_color(value);
    (this.get_node("sprite") as Sprite2D).modulate = addColor(
      new Color(0.5, 0.5, 0.5),
      gamestate.get_player_color(value),
    );
  }

  @rpc("call_local")
  exploded(_by_who: number): void {
    if (this.stunned) {
      return;
    }

    this.stunned = true;
    (this.get_node("anim") as AnimationPlayer).play("stunned");
  }
}
