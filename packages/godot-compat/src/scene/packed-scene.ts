// Follows Godot's scene/resources/packed_scene.cpp (and core/io/resource_loader.cpp's load).
// A TypeScript program has no .tscn files, so a scene is a function that builds its branch of nodes,
// registered under the path a Godot project gives the file: `register_scene("res://player.tscn", () =>
// new Player())`. `preload("res://player.tscn").instantiate()` then keeps its GDScript shape, and the
// node it makes carries that path in scene_file_path, which is how MultiplayerSpawner knows a scene.
import { describe } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { Node } from "./node.js";

/** Makes the scene's root node (with its children). */
export type SceneFactory = () => Node;

const registered = new Map<string, PackedScene>();

export class PackedScene {
  readonly #path: string;
  readonly #factory: SceneFactory;

  /** Use register_scene(); a PackedScene is what it returns and what preload()/load() find. */
  constructor(path: string, factory: SceneFactory) {
    this.#path = String(path);
    this.#factory = factory;
  }

  /** The path the scene was registered under ("res://player.tscn"). */
  get resource_path(): string {
    return this.#path;
  }
  get_path(): string {
    return this.#path;
  }

  can_instantiate(): boolean {
    return true;
  }

  /** A new branch from the scene: its root node, with scene_file_path set to the scene's path. */
  instantiate(_edit_state = 0): Node {
    let node: unknown;
    try {
      node = this.#factory();
    } catch (error) {
      printError(`Failed to instantiate scene "${this.#path}": ${(error as Error)?.message ?? error}`);
      return null as unknown as Node;
    }
    if (!(node instanceof Node)) {
      printError(`The scene "${this.#path}" must make a Node, its factory returned ${describe(node)}.`);
      return null as unknown as Node;
    }
    node.scene_file_path = this.#path;
    return node;
  }
}

/**
 * wsport's stand-in for a scene file: registers `factory` under `path` and returns its PackedScene.
 * Registering a path again replaces its factory (as re-saving a scene would).
 */
export function register_scene(path: string, factory: SceneFactory): PackedScene {
  if (typeof path !== "string" || path === "") {
    printError(`register_scene() needs a non-empty path, got ${describe(path)}.`);
    return null as unknown as PackedScene;
  }
  if (typeof factory !== "function") {
    printError(`register_scene() needs a function that makes the scene's Node, got ${describe(factory)}.`);
    return null as unknown as PackedScene;
  }
  const scene = new PackedScene(path, factory);
  registered.set(path, scene);
  return scene;
}

/** GDScript's `load(path)` for a scene registered with register_scene; null (after Godot's print) if none is. */
export function load(path: string): PackedScene | null {
  const scene = typeof path === "string" ? registered.get(path) : undefined;
  if (scene) return scene;
  printError(`Resource file not found: ${String(path)} (expected type: PackedScene)`);
  return null;
}

/** GDScript's `preload(path)`: the same lookup as load(). */
export function preload(path: string): PackedScene | null {
  return load(path);
}
