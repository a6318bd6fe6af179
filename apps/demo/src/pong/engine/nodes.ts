// The smallest stand-in for the parts of Godot's engine the pong scripts touch that are not
// networking: a 2D node with a position, UI controls that keep their state in plain fields (the
// Phaser view draws them), and the Input singleton (the view presses and releases its actions).
// Networking (Node, SceneTree, @rpc, multiplayer) is the real thing from @wsport/godot-compat.
import { Node, Signal, Vector2 } from "@wsport/godot-compat";

/** Godot's CanvasItem visibility, shared by Node2D and Control. */
class CanvasItem extends Node {
  visible = true;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
}

export class Node2D extends CanvasItem {
  position = new Vector2();
  translate(offset: Vector2): void {
    this.position = new Vector2(this.position.x + offset.x, this.position.y + offset.y);
  }
}

export class Control extends CanvasItem {}

export class Label extends Control {
  text = "";
  set_text(text: string): void {
    this.text = text;
  }
}

export class LineEdit extends Control {
  text = "";
  get_text(): string {
    return this.text;
  }
}

export class Button extends Control {
  disabled = false;
  readonly pressed = new Signal<[]>("pressed");
  set_disabled(disabled: boolean): void {
    this.disabled = disabled;
  }
  /** What a click does: nothing while disabled or hidden, as in Godot. */
  click(): void {
    if (!this.disabled && this.visible) this.pressed.emit();
  }
}

/** The size of the game's window (Godot's project setting display/window/size); the view draws at it. */
export const VIEWPORT_SIZE = new Vector2(640, 400);

/** Godot's `get_viewport_rect()`, for a window that never resizes. */
export function get_viewport_rect(): { position: Vector2; size: Vector2 } {
  return { position: new Vector2(), size: VIEWPORT_SIZE };
}
