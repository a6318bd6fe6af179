// Follows Godot's scene/main/scene_tree.cpp.
// The part of Godot's SceneTree that multiplayer code touches: the root node, the MultiplayerAPI of
// the whole tree or of one branch (get_multiplayer / set_multiplayer), and the frame: process()
// is what Godot's main loop runs each frame, so a port's game loop calls it once per frame.
import { describe } from "@wsport/core/internal";
import { constantsOnInstances } from "../core/class-constants.js";
import { ERR_INVALID_PARAMETER, type GodotError, OK } from "../core/error.js";
import { callDeferred, flushDeferred } from "../core/message-queue.js";
import { GodotObject } from "../core/object.js";
import { invalid, printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import type { NodePath } from "../variant/variant-types.js";
import { MultiplayerAPI } from "./multiplayer-api.js";
import { Node } from "./node.js";
import { SceneTreeTimer } from "./scene-tree-timer.js";

/** SceneTree.GroupCallFlags: GROUP_CALL_DEFAULT (0), or REVERSE (1), DEFERRED (2), UNIQUE (4) combined. */
export type GroupCallFlags = number;

export class SceneTree extends GodotObject {
  static readonly GROUP_CALL_DEFAULT = 0;
  static readonly GROUP_CALL_REVERSE = 1;
  static readonly GROUP_CALL_DEFERRED = 2;
  static readonly GROUP_CALL_UNIQUE = 4;
  declare readonly GROUP_CALL_DEFAULT: 0;
  declare readonly GROUP_CALL_REVERSE: 1;
  declare readonly GROUP_CALL_DEFERRED: 2;
  declare readonly GROUP_CALL_UNIQUE: 4;

  /** Emitted at the start of each process frame, before the nodes' _process. */
  readonly process_frame = new Signal<[]>(this, "process_frame");
  /** Emitted at the start of each physics frame, before the nodes' _physics_process. */
  readonly physics_frame = new Signal<[]>(this, "physics_frame");
  readonly tree_changed = new Signal<[]>(this, "tree_changed");
  readonly scene_changed = new Signal<[]>(this, "scene_changed");
  readonly tree_process_mode_changed = new Signal<[]>(this, "tree_process_mode_changed");
  readonly node_added = new Signal<[node: Node]>(this, "node_added");
  readonly node_removed = new Signal<[node: Node]>(this, "node_removed");
  readonly node_renamed = new Signal<[node: Node]>(this, "node_renamed");
  /** Only Godot's editor emits it. */
  readonly node_configuration_warning_changed = new Signal<[node: Node]>(
    this,
    "node_configuration_warning_changed",
  );

  #paused = false;
  #frame = 0;
  #delta = 0;
  #quit = false;
  #currentScene: Node | null = null;
  #timers: SceneTreeTimer[] = [];
  #deleteQueue: GodotObject[] = [];
  /** GDScript's `SceneTree.new()`. */
  static new(): SceneTree {
    return new SceneTree();
  }

  /** The tree's root (Godot's root Window), named "root": node paths start "/root/". */
  readonly root: Node;
  /** Whether process() polls the multiplayer APIs, as Godot's `multiplayer_poll`. */
  multiplayer_poll = true;

  #multiplayer: MultiplayerAPI;
  readonly #branches = new Map<string, MultiplayerAPI>();

  constructor() {
    super();
    constantsOnInstances(SceneTree);
    this.root = new Node();
    this.root.name = "root";
    this.#multiplayer = MultiplayerAPI.create_default_interface();
    this.#attach(this.#multiplayer, "/root");
    Node._enterAsRoot(this.root, this);
  }

  get_root(): Node {
    return this.root;
  }

  /** The API that serves `for_path`: the one set for the longest branch that holds it, else the tree's. */
  get_multiplayer(for_path: string | NodePath = ""): MultiplayerAPI {
    const names = String(for_path).split("/").filter(Boolean);
    let best: MultiplayerAPI | null = null;
    let bestLength = -1;
    for (const [branch, api] of this.#branches) {
      const parts = branch.split("/").filter(Boolean);
      if (
        parts.length > bestLength &&
        parts.length <= names.length &&
        parts.every((p, i) => p === names[i])
      ) {
        best = api;
        bestLength = parts.length;
      }
    }
    return best ?? this.#multiplayer;
  }

  /** Sets the tree's API (no path) or a branch's (an absolute path; null removes the branch's). */
  set_multiplayer(multiplayer: MultiplayerAPI | null, root_path: string | NodePath = ""): void {
    const path = String(root_path);
    if (multiplayer !== null && !(multiplayer instanceof MultiplayerAPI)) {
      printError(`set_multiplayer() needs a MultiplayerAPI or null, got ${describe(multiplayer)}.`);
      return;
    }
    if (path === "") {
      if (!multiplayer) {
        printError('Condition "p_multiplayer.is_null()" is true.');
        return;
      }
      this.#multiplayer = multiplayer;
      this.#attach(multiplayer, "/root");
      return;
    }
    if (!path.startsWith("/")) {
      printError(`set_multiplayer(): the branch must be an absolute path, got "${path}".`);
      return;
    }
    if (multiplayer) {
      this.#branches.set(path, multiplayer);
      this.#attach(multiplayer, path);
    } else this.#branches.delete(path);
  }

  /**
   * One frame, in Godot's order: polls every MultiplayerAPI (when multiplayer_poll), emits process_frame,
   * runs the deferred calls and _process(delta), frees what queue_free() queued, then advances the timers.
   * Returns true once quit() was called (Godot's main loop then ends).
   */
  process(delta = 0): boolean {
    this.#delta = delta;
    if (this.multiplayer_poll) {
      this.#multiplayer.poll();
      for (const api of new Set(this.#branches.values())) api.poll();
    }
    this.process_frame.emit();
    flushDeferred();
    Node._processFrame(this.root, delta);
    flushDeferred();
    Node._freeQueued(this.root);
    for (const object of this.#deleteQueue.splice(0)) if (!object._freed) object.free();
    this.#advanceTimers(delta, false);
    this.#frame++;
    return this.#quit;
  }

  /** One physics frame: physics_frame, then _physics_process(delta), then the physics timers. */
  physics_process(delta = 0): boolean {
    this.#delta = delta;
    this.physics_frame.emit();
    Node._physicsFrame(this.root, delta);
    flushDeferred();
    this.#advanceTimers(delta, true);
    return this.#quit;
  }

  #advanceTimers(delta: number, physics: boolean): void {
    for (const timer of [...this.#timers]) {
      if (timer._inPhysics !== physics || (this.#paused && !timer._processAlways)) continue;
      if (timer._advance(delta)) this.#timers.splice(this.#timers.indexOf(timer), 1);
    }
  }

  override get_class(): string {
    return "SceneTree";
  }
  override is_class(class_: string): boolean {
    return class_ === "SceneTree" || class_ === "MainLoop" || super.is_class(class_);
  }

  /** @internal The delta of the frame being processed (Node.get_process_delta_time). */
  _processDelta(): number {
    return this.#delta;
  }

  /** @internal Node reports tree changes here: node_added, node_removed, node_renamed, tree_changed. */
  _treeChanged(event: "added" | "removed" | "renamed" | "changed" | "process_mode", node: Node | null): void {
    if (event === "process_mode") this.tree_process_mode_changed.emit();
    else if (event === "added") this.node_added.emit(node!);
    else if (event === "removed") this.node_removed.emit(node!);
    else if (event === "renamed") this.node_renamed.emit(node!);
    else this.tree_changed.emit();
  }

  // --- timers, pause, quitting -------------------------------------------------------------------

  /** A timer that emits `timeout` after `time_sec` seconds of the tree's frames. */
  create_timer(
    time_sec: number,
    process_always = true,
    process_in_physics = false,
    _ignore_time_scale = false,
  ): SceneTreeTimer {
    if (typeof time_sec !== "number" || Number.isNaN(time_sec)) {
      printError(`create_timer() needs a number of seconds, got ${describe(time_sec)}.`);
      time_sec = 0;
    }
    const timer = new SceneTreeTimer(time_sec, process_always !== false, process_in_physics === true);
    this.#timers.push(timer);
    return timer;
  }

  /** While paused, nodes with PROCESS_MODE_PAUSABLE (the default) do not process. */
  get paused(): boolean {
    return this.#paused;
  }
  set paused(enable: boolean) {
    this.set_pause(enable);
  }
  set_pause(enable: boolean): void {
    if (typeof enable === "boolean") this.#paused = enable;
    else printError(`paused must be a bool, got ${describe(enable)}.`);
  }
  is_paused(): boolean {
    return this.#paused;
  }

  /** Ends the main loop: process() returns true from now on. */
  quit(_exit_code = 0): void {
    this.#quit = true;
  }
  /** Frees `obj` at the end of the frame. */
  queue_delete(obj: GodotObject): void {
    if (!(obj instanceof GodotObject)) printError(`queue_delete() needs an Object, got ${describe(obj)}.`);
    else if (!this.#deleteQueue.includes(obj)) this.#deleteQueue.push(obj);
  }
  /** Frames processed so far. */
  get_frame(): number {
    return this.#frame;
  }
  /** Nodes in the tree, the root included. */
  get_node_count(): number {
    return 1 + this.root.find_children("*", "", true, false).length;
  }

  set_multiplayer_poll_enabled(enabled: boolean): void {
    this.multiplayer_poll = enabled === true;
  }
  is_multiplayer_poll_enabled(): boolean {
    return this.multiplayer_poll;
  }

  // --- the current scene -------------------------------------------------------------------------

  get current_scene(): Node | null {
    return this.#currentScene;
  }
  set current_scene(child_node: Node | null) {
    this.set_current_scene(child_node);
  }
  get_current_scene(): Node | null {
    return this.#currentScene;
  }
  /** The root's child that is the game's scene. */
  set_current_scene(child_node: Node | null): void {
    if (child_node !== null && !(child_node instanceof Node && child_node.get_parent() === this.root)) {
      printError("The current scene must be a child of the root.");
      return;
    }
    this.#currentScene = child_node;
  }
  /** Frees the current scene at the end of the frame and puts `node` in its place. */
  change_scene_to_node(node: Node): GodotError {
    if (!(node instanceof Node) || node.get_parent() !== null) {
      return invalid("change_scene_to_node() needs a node without a parent.", ERR_INVALID_PARAMETER);
    }
    this.unload_current_scene();
    this.root.add_child(node);
    this.#currentScene = node;
    this.scene_changed.emit();
    return OK;
  }
  unload_current_scene(): void {
    const scene = this.#currentScene;
    this.#currentScene = null;
    if (scene !== null) {
      this.root.remove_child(scene);
      scene.queue_free();
    }
  }

  // --- groups ------------------------------------------------------------------------------------

  /** The nodes of a group, in tree order. */
  get_nodes_in_group(group: string): Node[] {
    return [this.root, ...this.root.find_children("*", "", true, false)].filter((n) => n.is_in_group(group));
  }
  get_first_node_in_group(group: string): Node | null {
    return this.get_nodes_in_group(group)[0] ?? null;
  }
  get_node_count_in_group(group: string): number {
    return this.get_nodes_in_group(group).length;
  }
  has_group(name: string): boolean {
    return this.get_nodes_in_group(name).length > 0;
  }
  /** Calls `method` on every node of the group that has it, in tree order. */
  call_group(group: string, method: string, ...args: unknown[]): void {
    this.call_group_flags(SceneTree.GROUP_CALL_DEFAULT, group, method, ...args);
  }
  /** call_group with GROUP_CALL_* flags: REVERSE order, DEFERRED to the end of the frame, UNIQUE once per frame. */
  call_group_flags(flags: GroupCallFlags, group: string, method: string, ...args: unknown[]): void {
    this.#forGroup(
      flags,
      group,
      `call:${method}`,
      (node) => node.has_method(method) && node.call(method, ...args),
    );
  }
  notify_group(group: string, notification: number): void {
    this.notify_group_flags(SceneTree.GROUP_CALL_DEFAULT, group, notification);
  }
  notify_group_flags(call_flags: GroupCallFlags, group: string, notification: number): void {
    this.#forGroup(call_flags, group, `notify:${notification}`, (node) => node.notification(notification));
  }
  set_group(group: string, property: string, value: unknown): void {
    this.set_group_flags(SceneTree.GROUP_CALL_DEFAULT, group, property, value);
  }
  set_group_flags(call_flags: GroupCallFlags, group: string, property: string, value: unknown): void {
    this.#forGroup(call_flags, group, `set:${property}`, (node) => node.set(property, value));
  }

  readonly #uniqueCalls = new Set<string>();
  #forGroup(flags: number, group: string, key: string, each: (node: Node) => unknown): void {
    if (typeof group !== "string") {
      printError(`A group name must be a String, got ${describe(group)}.`);
      return;
    }
    const run = () => {
      let nodes = this.get_nodes_in_group(group);
      if (flags & SceneTree.GROUP_CALL_REVERSE) nodes = nodes.reverse();
      for (const node of nodes) if (!node._freed) each(node);
    };
    if (!(flags & SceneTree.GROUP_CALL_DEFERRED)) {
      run();
      return;
    }
    const unique = `${group}|${key}`;
    if (flags & SceneTree.GROUP_CALL_UNIQUE) {
      if (this.#uniqueCalls.has(unique)) return;
      this.#uniqueCalls.add(unique);
    }
    callDeferred(() => {
      this.#uniqueCalls.delete(unique);
      run();
    });
  }

  /** Tells the API where its branch is (RPC paths are relative to it), as Godot's set_multiplayer does. */
  #attach(api: MultiplayerAPI, rootPath: string): void {
    api.object_configuration_add(this.root, rootPath);
  }
}

// Node names only the TreeOfNodes part of a tree (node.ts cannot import this file back); its users see SceneTree.
declare module "./node.js" {
  interface Node {
    /** The tree this node is in; null outside one, as in Godot. */
    get_tree(): SceneTree;
  }
}
