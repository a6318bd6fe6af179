// The smallest stand-in for the parts of Godot's engine that the bomber demo touches but that are not
// networking: 2D nodes with a position, a CharacterBody2D that moves by its velocity (no collisions), an
// Area2D that reports the bodies in its cross-shaped blast, AnimationPlayers that call their method tracks
// on time, Input actions, UI controls that keep their state in fields, colours, and a main loop that runs
// several games (one SceneTree each, with its own autoload and input) in one process. Not part of any package.
import {
  Color as GodotColor,
  Node,
  type PackedScene,
  preload as preloadScene,
  type SceneTree,
  Signal,
  Vector2,
} from "@wsport/godot-compat";
import { Control as BaseControl, OS as BaseOS } from "../stand-in/ui.js";

export {
  AcceptDialog,
  assert,
  Button,
  HORIZONTAL_ALIGNMENT_CENTER,
  ItemList,
  LineEdit,
  named,
} from "../stand-in/ui.js";

export const OS = { ...BaseOS, shell_open: (_uri: string): void => {} };

// --- math the GDScript operators do -----------------------------------------------------------------

export const add = (a: Vector2, b: Vector2): Vector2 => new Vector2(a.x + b.x, a.y + b.y);
export const scale = (a: Vector2, s: number): Vector2 => new Vector2(a.x * s, a.y * s);
/** GDScript's clamp() on a Vector2, component by component. */
export const clamp = (v: Vector2, min: Vector2, max: Vector2): Vector2 =>
  new Vector2(Math.min(Math.max(v.x, min.x), max.x), Math.min(Math.max(v.y, min.y), max.y));
export const wrapf = (value: number, min: number, max: number): number => {
  const range = max - min;
  return range === 0 ? min : value - range * Math.floor((value - min) / range);
};
/** String.hash(): djb2 over the UTF-32 code points, 32 bits, as Godot's String::hash. */
export const hash = (text: string): number => {
  let h = 5381;
  for (const c of text) h = (Math.imul(h, 33) + c.codePointAt(0)!) >>> 0;
  return h;
};
export const is_valid_int = (text: string): boolean => /^[+-]?\d+$/.test(text);
export const is_valid_ip_address = (text: string): boolean =>
  /^(\d{1,3})(\.\d{1,3}){3}$/.test(text) && text.split(".").every((n) => Number(n) < 256);

/** godot-compat's Color (values only) with the constant and the constructor the demo uses. */
export class Color extends GodotColor {
  static readonly BLACK = new Color(0, 0, 0, 1);
  static from_hsv(h: number, s: number, v: number, a = 1): Color {
    const i = Math.floor(h * 6);
    const f = h * 6 - i;
    const [p, q, t] = [v * (1 - s), v * (1 - f * s), v * (1 - (1 - f) * s)];
    const [r, g, b] = [
      [v, t, p],
      [q, v, p],
      [p, v, t],
      [p, q, v],
      [t, p, v],
      [v, p, q],
    ][((i % 6) + 6) % 6]!;
    return new Color(r, g, b, a);
  }
}
export const addColor = (a: Color, b: Color): Color => new Color(a.r + b.r, a.g + b.g, a.b + b.b, a.a + b.a);

// --- nodes ------------------------------------------------------------------------------------------

export class Control extends BaseControl {
  static readonly SIZE_EXPAND_FILL = 3;
  modulate = new Color(1, 1, 1, 1);
  size_flags_horizontal = 0;
  get_window(): { title: string } {
    return windows.get(this.get_tree()) ?? windows.set(this.get_tree(), { title: "" }).get(this.get_tree())!;
  }
}
const windows = new WeakMap<SceneTree, { title: string }>();
export class Panel extends Control {}
export class HBoxContainer extends Control {}

export class Label extends Control {
  text = "";
  horizontal_alignment = 0;
  set_text(text: string): void {
    this.text = text;
  }
  add_theme_font_override(_name: string, _font: unknown): void {}
  add_theme_color_override(_name: string, _color: Color): void {}
  add_theme_constant_override(_name: string, _value: number): void {}
  add_theme_font_size_override(_name: string, _size: number): void {}
}

export class Node2D extends Node {
  position = new Vector2();
  modulate = new Color(1, 1, 1, 1);
}
export class Sprite2D extends Node2D {}
export class TileMap extends Node2D {}

export class CharacterBody2D extends Node2D {
  velocity = new Vector2();
  /** No walls here: the body moves by its velocity over one physics frame. */
  move_and_slide(): boolean {
    this.position = add(this.position, scale(this.velocity, currentDelta));
    return false;
  }
}

export class PhysicsRayQueryParameters2D {
  hit_from_inside = false;
  static create(from: Vector2, to: Vector2): PhysicsRayQueryParameters2D {
    return Object.assign(new PhysicsRayQueryParameters2D(), { from, to });
  }
}

/** No tile walls in the stand-in: a ray hits nothing. */
const directSpaceState = { intersect_ray: (_query: PhysicsRayQueryParameters2D) => ({ collider: null }) };

export class Area2D extends Node2D {
  readonly body_entered = new Signal<[Node2D]>("body_entered");
  readonly body_exited = new Signal<[Node2D]>("body_exited");
  readonly #inside = new Set<Node2D>();
  get_world_2d() {
    return { direct_space_state: directSpaceState };
  }
  /** The blast is a cross, one tile (48 px) each way from the centre, as bomb.tscn's two shapes. */
  _updateOverlaps(bodies: CharacterBody2D[]): void {
    for (const body of bodies) {
      const dx = Math.abs(body.position.x - this.position.x);
      const dy = Math.abs(body.position.y - this.position.y);
      const inside = (dx < 60 && dy < 20) || (dx < 20 && dy < 60);
      if (inside && !this.#inside.has(body)) {
        this.#inside.add(body);
        this.body_entered.emit(body);
      } else if (!inside && this.#inside.delete(body)) this.body_exited.emit(body);
    }
  }
}

/** An animation: its length and its method track ([time, method] on the player's parent). */
export interface Animation {
  length: number;
  methods?: [time: number, method: string][];
}

export class AnimationPlayer extends Node {
  readonly #animations: Record<string, Animation>;
  #current: Animation | null = null;
  #time = 0;
  current_animation = "";
  constructor(animations: Record<string, Animation>, autoplay = "") {
    super();
    this.#animations = animations;
    if (autoplay) this.play(autoplay);
  }
  play(name: string): void {
    this.#current = this.#animations[name] ?? null;
    this.current_animation = name;
    this.#time = 0;
  }
  _advance(delta: number): void {
    const animation = this.#current;
    if (!animation) return;
    const from = this.#time;
    this.#time += delta;
    for (const [time, method] of animation.methods ?? []) {
      if (time >= from && time < this.#time)
        (this.get_parent() as unknown as Record<string, () => void>)[method]!();
    }
  }
}

// --- resources, input, project ------------------------------------------------------------------------

/** preload(): scenes from register_scene, anything else (a font) as a resource with its path. */
export function preload(path: `${string}.tscn`): PackedScene;
export function preload(path: string): { resource_path: string };
export function preload(path: string): PackedScene | { resource_path: string } {
  return path.endsWith(".tscn") ? preloadScene(path)! : { resource_path: path };
}

export const ProjectSettings = {
  get_setting: (name: string): string => (name === "application/config/name" ? "Multiplayer Bomber" : ""),
};

/** The actions held down in the game being processed (each game has its own keyboard). */
export const Input = {
  held: new Set<string>(),
  is_action_pressed(action: string): boolean {
    return this.held.has(action);
  },
};

// --- the main loop --------------------------------------------------------------------------------------

let currentDelta = 0;

export interface Game {
  tree: SceneTree;
  /** The actions this game's player holds down. */
  held: Set<string>;
  /** Makes this game the current one (its autoloads, its input). */
  enter(): void;
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of node.get_children()) walk(child, visit);
}

/** One frame of every game, as Godot's main loop runs it: idle process (network poll first), then physics. */
export function frame(games: Game[], delta: number): void {
  for (const game of games) {
    game.enter();
    Input.held = game.held;
    currentDelta = delta;
    game.tree.process(delta);
    const bodies: CharacterBody2D[] = [];
    const areas: Area2D[] = [];
    const players: AnimationPlayer[] = [];
    walk(game.tree.root, (node) => {
      if (node instanceof CharacterBody2D) bodies.push(node);
      if (node instanceof Area2D) areas.push(node);
      if (node instanceof AnimationPlayer) players.push(node);
    });
    walk(game.tree.root, (node) => {
      const physics = (node as unknown as { _physics_process?: (delta: number) => void })._physics_process;
      physics?.call(node, delta);
    });
    for (const area of areas) area._updateOverlaps(bodies);
    for (const player of players) player._advance(delta);
  }
}
