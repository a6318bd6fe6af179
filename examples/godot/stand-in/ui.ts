// The UI-only stand-in for the parts of Godot's engine that the demos' scripts touch but that are not
// networking, built on the package's own Node and Signal: UI controls that keep their state in plain
// fields (so a test can read what a player would see), resources, OS and a few @GlobalScope functions.
// websocket_multiplayer uses it. websocket_minimal, websocket_chat and websocket_client_wrapper still use
// scene.ts's own Node and tree: they need Node's %UniqueName paths and set_process(), which the package's
// Node gains with Godot's class members (issue #27); then scene.ts's controls move here and it goes.
import { Node, Signal } from "@wsport/godot-compat";

export class Control extends Node {
  visible = true;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
}
export class Panel extends Control {}
export class VBoxContainer extends Control {}
export class HBoxContainer extends Control {}
export class GridContainer extends Control {}

export class Label extends Control {
  text = "";
  horizontal_alignment = 0;
  vertical_alignment = 0;
}

export class LineEdit extends Control {
  text = "";
  editable = true;
}

export class Button extends Control {
  text = "";
  disabled = false;
  readonly pressed = new Signal<[]>("pressed");
  grab_focus(): void {}
  /** What a click does: nothing while disabled, as in Godot. */
  click(): void {
    if (!this.disabled && this.visible) this.pressed.emit();
  }
}

export interface Texture2D {
  resource_path: string;
}

export class ItemList extends Control {
  readonly items: { text: string; icon: Texture2D | null; selectable: boolean }[] = [];
  add_item(text: string, icon: Texture2D | null = null, selectable = true): number {
    this.items.push({ text, icon, selectable });
    return this.items.length - 1;
  }
  set_item_text(idx: number, text: string): void {
    if (this.items[idx]) this.items[idx].text = text;
  }
  get_item_text(idx: number): string {
    return this.items[idx]?.text ?? "";
  }
  set_item_icon(idx: number, icon: Texture2D | null): void {
    if (this.items[idx]) this.items[idx].icon = icon;
  }
  remove_item(idx: number): void {
    this.items.splice(idx, 1);
  }
  get_item_count(): number {
    return this.items.length;
  }
  clear(): void {
    this.items.length = 0;
  }
}

export class RichTextLabel extends Control {
  text = "";
  add_text(text: string): void {
    this.text += text;
  }
}

export class AcceptDialog extends Control {
  dialog_text = "";
  readonly #label = new Label();
  readonly #ok = new Button();
  constructor() {
    super();
    this.visible = false;
  }
  get_label(): Label {
    return this.#label;
  }
  get_ok_button(): Button {
    return this.#ok;
  }
  popup_centered(): void {
    this.visible = true;
  }
}

export const HORIZONTAL_ALIGNMENT_CENTER = 1;
export const VERTICAL_ALIGNMENT_CENTER = 1;

export function preload(path: string): Texture2D {
  return { resource_path: path };
}

export const OS = {
  SYSTEM_DIR_DESKTOP: 0,
  has_environment: (name: string): boolean =>
    typeof process !== "undefined" && process.env[name] !== undefined,
  get_environment: (name: string): string => (typeof process !== "undefined" && process.env[name]) || "",
  get_system_dir: (_dir: number): string => "/home/player/Desktop",
};

/** @GlobalScope's randi(): a random 32-bit unsigned integer. */
export function randi(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export { str } from "@wsport/godot-compat";

/** @GlobalScope's print(): the arguments joined without separators, as Godot prints them. */
export function print(...args: unknown[]): void {
  console.log(args.map(String).join(""));
}
