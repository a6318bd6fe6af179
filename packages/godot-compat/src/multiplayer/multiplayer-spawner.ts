// Follows Godot's modules/multiplayer/multiplayer_spawner.cpp.
// Godot 4's MultiplayerSpawner: on its authority, the children added under spawn_path that come from one
// of its spawnable scenes (or that spawn() makes with spawn_function) are spawned on every peer that can
// see them, and despawned when they leave the tree. The replication layer (scene-replication.ts) sends
// SPAWN and DESPAWN; this node says which nodes and how the other side makes them.
import { describe } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import { Node } from "../scene/node.js";
import { load, type PackedScene } from "../scene/packed-scene.js";
import type { Variant } from "../variant/variant-types.js";
import { NodePath } from "../variant/variant-types.js";

/** Makes the node for spawn(data); its parameter is typed by the game (GDScript's `func f(data: Array)`). */
export type SpawnFunction = (data: never) => unknown;

/** The scene index a custom spawn (spawn_function) sends. */
export const CUSTOM_SPAWN = 0xff;

/** Characters Godot refuses in a spawned node's name ("@", of automatic names, is allowed). */
const RESERVED = /[.:/"%]/;

interface SpawnInfo {
  args: Variant;
  scene: number;
  onExit: () => void;
}

export class MultiplayerSpawner extends Node {
  /** A node was spawned here by the authority (remote spawns only). */
  readonly spawned = new Signal<[node: Node]>("spawned");
  /** A node was despawned here by the authority (remote despawns only). */
  readonly despawned = new Signal<[node: Node]>("despawned");

  #spawnPath = "";
  #spawnLimit = 0;
  #spawnFunction: SpawnFunction | null = null;
  readonly #scenes: Array<{ path: string; scene: PackedScene | null }> = [];
  #spawnNode: Node | null = null;
  readonly #tracked = new Map<Node, SpawnInfo>();
  readonly #onChildAdded = (node: Node): void => this.#nodeAdded(node);

  constructor() {
    super();
    // Godot's NOTIFICATION_POST_ENTER_TREE and EXIT_TREE, kept apart from a script's own _enter_tree.
    this.tree_entered.connect(() => this.#updateSpawnNode());
    this.tree_exiting.connect(() => this.#exitTree());
  }

  // --- spawnable scenes ---------------------------------------------------------------------------

  /** Children instantiated from this scene (register_scene's path) are spawned automatically. */
  add_spawnable_scene(path: string): void {
    if (typeof path !== "string") {
      printError(`add_spawnable_scene() needs a scene path, got ${describe(path)}.`);
      return;
    }
    this.#scenes.push({ path, scene: null });
    const node = this.#spawnNode;
    if (this.#scenes.length === 1 && node && !node.child_entered_tree.is_connected(this.#onChildAdded))
      node.child_entered_tree.connect(this.#onChildAdded);
  }

  get_spawnable_scene_count(): number {
    return this.#scenes.length;
  }

  get_spawnable_scene(index: number): string {
    const scene = Number.isInteger(index) ? this.#scenes[index] : undefined;
    if (scene) return scene.path;
    printError(
      `Index p_idx = ${describe(index)} is out of bounds (spawnable_scenes.size() = ${this.#scenes.length}).`,
    );
    return "";
  }

  clear_spawnable_scenes(): void {
    this.#scenes.length = 0;
    const node = this.#spawnNode;
    if (node?.child_entered_tree.is_connected(this.#onChildAdded))
      node.child_entered_tree.disconnect(this.#onChildAdded);
  }

  // --- properties ----------------------------------------------------------------------------------

  /** Where spawned nodes are added, from this node. */
  get spawn_path(): NodePath {
    return new NodePath(this.#spawnPath);
  }
  set spawn_path(path: NodePath | string) {
    if (!(path instanceof NodePath) && typeof path !== "string") {
      printError(`spawn_path must be a NodePath, got ${describe(path)}.`);
      return;
    }
    this.#spawnPath = path.toString();
    this.#updateSpawnNode();
  }
  get_spawn_path(): NodePath {
    return this.spawn_path;
  }
  set_spawn_path(path: NodePath | string): void {
    this.spawn_path = path;
  }

  /** At most this many spawned nodes at once (0: no limit); beyond it, spawns are refused on both sides. */
  get spawn_limit(): number {
    return this.#spawnLimit;
  }
  set spawn_limit(limit: number) {
    if (Number.isInteger(limit) && limit >= 0) this.#spawnLimit = limit;
    else printError(`spawn_limit must be an integer of at least 0, got ${describe(limit)}.`);
  }
  get_spawn_limit(): number {
    return this.#spawnLimit;
  }
  set_spawn_limit(limit: number): void {
    this.spawn_limit = limit;
  }

  /** Makes the node for spawn(data) on every peer; it must return a Node that is not in the tree. */
  get spawn_function(): SpawnFunction | null {
    return this.#spawnFunction;
  }
  set spawn_function(callable: SpawnFunction | null) {
    if (callable === null || typeof callable === "function") this.#spawnFunction = callable;
    else printError(`spawn_function must be a Callable, got ${describe(callable)}.`);
  }
  get_spawn_function(): SpawnFunction | null {
    return this.#spawnFunction;
  }
  set_spawn_function(callable: SpawnFunction | null): void {
    this.spawn_function = callable;
  }

  // --- spawning ------------------------------------------------------------------------------------

  /**
   * On the authority: makes a node with spawn_function(data), adds it under spawn_path and spawns it on
   * the other peers, which call their spawn_function with the same data. null (after Godot's print) if not.
   */
  spawn(data: Variant = null): Node | null {
    const api = this.is_inside_tree() ? this.multiplayer : null;
    if (!api?.has_multiplayer_peer() || !this.is_multiplayer_authority()) {
      printError(
        'Condition "!is_inside_tree() || !get_multiplayer()->has_multiplayer_peer() || !is_multiplayer_authority()" is true. Returning: nullptr',
      );
      return null;
    }
    if (this.#limitReached()) return null;
    if (this.#spawnFunction === null) {
      printError("Custom spawn requires the 'spawn_function' property to be a valid callable.");
      return null;
    }
    const parent = this.#spawnNode;
    if (!parent) {
      printError("Cannot find spawn node.");
      return null;
    }
    const node = this._instantiateCustom(data);
    if (!node) {
      printError("The 'spawn_function' callable must return a valid node.");
      return null;
    }
    this.#track(node, data, CUSTOM_SPAWN);
    parent.add_child(node, true);
    return node;
  }

  /** @internal The node spawned nodes go under. */
  _spawnNode(): Node | null {
    return this.#spawnPath === "" ? null : this.get_node_or_null(this.#spawnPath);
  }

  /** @internal The scene index a tracked node was spawned from (CUSTOM_SPAWN for spawn()). */
  _sceneIndexOf(node: Node): number {
    return this.#tracked.get(node)?.scene ?? CUSTOM_SPAWN;
  }

  /** @internal The data a tracked node was spawn()ed with. */
  _spawnArgument(node: Node): Variant {
    return this.#tracked.get(node)?.args ?? null;
  }

  /** @internal A new node of spawnable scene `index` (a remote spawn); null after Godot's print. */
  _instantiateScene(index: number): Node | null {
    if (this.#limitReached()) return null;
    const entry = this.#scenes[index];
    if (!entry) {
      printError(
        `Index p_id = ${index} is out of bounds (spawnable_scenes.size() = ${this.#scenes.length}).`,
      );
      return null;
    }
    entry.scene ??= load(entry.path);
    if (!entry.scene) {
      printError(`Invalid spawnable scene: ${entry.path}`);
      return null;
    }
    return entry.scene.instantiate() ?? null;
  }

  /** @internal spawn_function(data) (a remote custom spawn, or spawn()); null after Godot's print. */
  _instantiateCustom(data: Variant): Node | null {
    if (this.#limitReached()) return null;
    const make = this.#spawnFunction;
    if (make === null) {
      printError("Custom spawn requires a valid 'spawn_function'.");
      return null;
    }
    let node: unknown;
    try {
      node = (make as (data: Variant) => unknown)(data);
    } catch (error) {
      printError(`Failed to call spawn function: ${(error as Error)?.message ?? error}`);
      return null;
    }
    if (!(node instanceof Node)) {
      printError("The spawn function must return a Node.");
      return null;
    }
    return node;
  }

  #limitReached(): boolean {
    if (this.#spawnLimit === 0 || this.#tracked.size < this.#spawnLimit) return false;
    printError("Spawn limit reached!");
    return true;
  }

  #updateSpawnNode(): void {
    const old = this.#spawnNode;
    if (old?.child_entered_tree.is_connected(this.#onChildAdded))
      old.child_entered_tree.disconnect(this.#onChildAdded);
    const node = this.is_inside_tree() ? this._spawnNode() : null;
    this.#spawnNode = node;
    if (node && this.#scenes.length > 0) node.child_entered_tree.connect(this.#onChildAdded);
  }

  #exitTree(): void {
    this.#updateSpawnNode();
    for (const [node, info] of this.#tracked) {
      node.tree_exiting.disconnect(info.onExit);
      this.multiplayer?.object_configuration_remove(node, this);
    }
    this.#tracked.clear();
  }

  /** A child entered the spawn node: spawned when it comes from a spawnable scene, on the authority. */
  #nodeAdded(node: Node): void {
    const api = this.multiplayer;
    if (!api?.has_multiplayer_peer() || !this.is_multiplayer_authority()) return;
    if (this.#tracked.has(node) || node.get_parent() !== this.#spawnNode) return;
    const index = this.#scenes.findIndex((s) => s.path === node.scene_file_path);
    if (index < 0) return;
    if (RESERVED.test(node.name)) {
      printError(
        `Unable to auto-spawn node with reserved name: ${node.name}. Make sure to add your replicated scenes via 'add_child(node, true)' to produce valid names.`,
      );
      return;
    }
    this.#track(node, null, index);
  }

  /** Tracks a node the authority spawns until it leaves the tree, and tells the API about it. */
  #track(node: Node, args: Variant, scene: number): void {
    if (this.#tracked.has(node)) return;
    const onExit = () => this.#nodeExit(node);
    this.#tracked.set(node, { args, scene, onExit });
    node.tree_exiting.connect(onExit);
    this.multiplayer?.object_configuration_add(node, this);
  }

  #nodeExit(node: Node): void {
    const info = this.#tracked.get(node);
    if (!info) return;
    node.tree_exiting.disconnect(info.onExit);
    this.#tracked.delete(node);
    this.multiplayer?.object_configuration_remove(node, this);
  }
}
