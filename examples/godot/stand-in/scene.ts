// The smallest stand-in for Godot's scene system that the ported demos need: nodes in a tree,
// _ready() children first, _process(delta) every frame (~16 ms), _exit_tree() on quit, signals,
// get_node() / $ paths with %UniqueName, and print() as Godot prints. Not part of any package.
import { str } from "@wsport/godot-compat";

/** A signal: `connect(callable)` and `emit(...args)`, called in connection order. */
export class Signal<A extends unknown[] = []> {
  readonly #callables: Array<(...args: A) => void> = [];

  connect(callable: (...args: A) => void): void {
    this.#callables.push(callable);
  }

  emit(...args: A): void {
    for (const callable of [...this.#callables]) callable(...args);
  }
}

export class Node {
  name: string;
  readonly children: Node[] = [];
  parent: Node | null = null;
  #processing = true;
  #tree: SceneTree | null = null;

  constructor(name = "") {
    this.name = name || this.constructor.name;
  }

  _ready(): void {}
  _process(_delta: number): void {}
  _exit_tree(): void {}

  add_child<T extends Node>(child: T): T {
    child.parent = this;
    this.children.push(child);
    return child;
  }

  /** `$Path/To/Node`, `$%Unique` and `get_node(...)`. */
  get_node<T extends Node = Node>(path: string): T {
    let node: Node | undefined = this;
    for (const part of path.split("/")) {
      node = part.startsWith("%")
        ? this.get_tree().root.find(part.slice(1))
        : node?.children.find((child) => child.name === part);
    }
    if (node === undefined) throw new Error(`Node not found: "${path}" (relative to "${this.name}")`);
    return node as T;
  }

  $<T extends Node = Node>(path: string): T {
    return this.get_node<T>(path);
  }

  find(name: string): Node | undefined {
    for (const child of this.children) {
      if (child.name === name) return child;
      const found = child.find(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  set_process(enabled: boolean): void {
    this.#processing = enabled;
  }

  is_processing(): boolean {
    return this.#processing;
  }

  get_tree(): SceneTree {
    if (this.#tree === null) throw new Error(`"${this.name}" is not in a scene tree`);
    return this.#tree;
  }

  /** Godot's print(): the arguments as str() writes them, joined with no separator. */
  print(...args: unknown[]): void {
    this.get_tree().printed.push(args.map((arg) => str(arg)).join(""));
  }

  /** @internal The tree calls this when the node enters it. */
  enter(tree: SceneTree): void {
    this.#tree = tree;
    for (const child of this.children) child.enter(tree);
    this._ready(); // children are ready before their parent, as in Godot
  }

  /** Every node of this branch, parent before children. */
  *walk(): Generator<Node> {
    yield this;
    for (const child of this.children) yield* child.walk();
  }
}

/** Runs the frames: add() readies a branch, quit() calls _exit_tree() everywhere and stops. */
export class SceneTree {
  readonly root = new Node("root");
  readonly printed: string[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #last = 0;

  add(node: Node): void {
    this.root.add_child(node);
    node.enter(this);
    if (this.#timer === undefined) {
      this.#last = performance.now();
      this.#timer = setInterval(() => this.frame(), 16);
    }
  }

  frame(): void {
    const now = performance.now();
    const delta = (now - this.#last) / 1000;
    this.#last = now;
    for (const node of [...this.root.walk()]) if (node.is_processing()) node._process(delta);
  }

  quit(): void {
    clearInterval(this.#timer);
    for (const node of [...this.root.walk()].reverse()) node._exit_tree();
  }
}

// --- the few UI controls the demos read and write ----------------------------------------------

export class Control extends Node {}

export class RichTextLabel extends Control {
  text = "";

  add_text(text: string): void {
    this.text += text;
  }
}

export class LineEdit extends Control {
  constructor(
    name: string,
    public text = "",
  ) {
    super(name);
  }
}

export class SpinBox extends Control {
  constructor(
    name: string,
    public value = 0,
  ) {
    super(name);
  }
}

export class Button extends Control {
  readonly pressed = new Signal();
  readonly toggled = new Signal<[toggled_on: boolean]>();
  button_pressed = false;

  /** What a click does: `pressed`, and for a toggle button the new state through `toggled`. */
  click(toggle_mode = false): void {
    if (toggle_mode) {
      this.button_pressed = !this.button_pressed;
      this.toggled.emit(this.button_pressed);
    }
    this.pressed.emit();
  }
}

// --- engine singletons and @GlobalScope functions outside networking --------------------------

export const Time = {
  get_ticks_msec: (): number => Math.floor(performance.now()),
  get_time_string_from_system: (): string => new Date().toTimeString().slice(0, 8),
};

/** @GlobalScope randi_range: a random integer from `from` to `to`, both included. */
export function randi_range(from: number, to: number): number {
  return from + Math.floor(Math.random() * (to - from + 1));
}

/** GDScript's assert(): stops the script (here: throws) when the condition is false. */
export function assert(condition: boolean, message = "Assertion failed"): asserts condition {
  if (!condition) throw new Error(message);
}

/** RefCounted: a plain object in GDScript terms (freed when unreferenced; here by the collector). */
export class RefCounted {}

/** The OS singleton's feature tags that scripts test: "web" in a browser. */
export const OS = {
  has_feature: (tag: string): boolean => tag === "web" && typeof window !== "undefined",
};
