// The UI-only stand-in for the parts of Godot's engine that the demos' scripts touch but that are not
// networking, built on the package's own Node and Signal: UI controls that keep their state in plain
// fields (so a test can read what a player would see), resources, RefCounted, OS, Time and GDScript's
// assert. The scene tree, signals and the @GlobalScope functions (print, randi, randi_range, str …) are
// the package's; main-loop.ts runs a scene as Godot's main loop does. Every Godot example here uses it
// (multiplayer_bomber's engine.ts adds its 2D nodes on top).
import { Object as GodotObject, Node, Signal } from "@wsport/godot-compat";

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

export class SpinBox extends Control {
  value = 0;
}

export class Button extends Control {
  text = "";
  disabled = false;
  /** A toggle button stays down after a click (button_pressed) and says so through `toggled`. */
  toggle_mode = false;
  button_pressed = false;
  readonly pressed = new Signal<[]>("pressed");
  readonly toggled = new Signal<[toggled_on: boolean]>("toggled");
  grab_focus(): void {}
  /** What a click does: nothing while disabled; a toggle button flips and emits `toggled` first, as in Godot. */
  click(): void {
    if (this.disabled || !this.visible) return;
    if (this.toggle_mode) {
      this.button_pressed = !this.button_pressed;
      this.toggled.emit(this.button_pressed);
    }
    this.pressed.emit();
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

/** A node as a scene file declares it: its name, and its children in order. */
export function named<T extends Node>(node: T, name: string, ...children: Node[]): T {
  node.name = name;
  for (const child of children) node.add_child(child);
  return node;
}

export const HORIZONTAL_ALIGNMENT_CENTER = 1;
export const VERTICAL_ALIGNMENT_CENTER = 1;

export function preload(path: string): Texture2D {
  return { resource_path: path };
}

/** RefCounted: an Object freed when nothing references it (here, by the garbage collector). */
export class RefCounted extends GodotObject {}

export const OS = {
  SYSTEM_DIR_DESKTOP: 0,
  /** The feature tags scripts test: "web" in a browser. */
  has_feature: (tag: string): boolean => tag === "web" && typeof window !== "undefined",
  has_environment: (name: string): boolean =>
    typeof process !== "undefined" && process.env[name] !== undefined,
  get_environment: (name: string): string => (typeof process !== "undefined" && process.env[name]) || "",
  get_system_dir: (_dir: number): string => "/home/player/Desktop",
};

export const Time = {
  get_ticks_msec: (): number => Math.floor(performance.now()),
  /** The local time as "HH:MM:SS". */
  get_time_string_from_system: (): string => new Date().toTimeString().slice(0, 8),
};

/** GDScript's assert(): stops the script (here: throws) when the condition is false. */
export function assert(condition: boolean, message = "Assertion failed"): asserts condition {
  if (!condition) throw new Error(message);
}
