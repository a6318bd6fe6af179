// Follows Godot's scene/main/node.cpp.
// The part of Godot's Node that RPCs need: a name in a tree, so that the same tree built on two
// machines gives each node the same path; a multiplayer authority; and rpc()/rpc_id()/rpc_config().
// _enter_tree, _ready, _exit_tree and _process are called as Godot calls them, so ported scripts
// keep their lifecycle functions.
import { ERR_UNCONFIGURED, type GodotError } from "../core/error.js";
import { printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import type { MultiplayerAPI } from "./multiplayer-api.js";
import { type NodeRpcs, newNodeRpcs, readRpcConfig, setNodeRpc } from "./rpc-config.js";

/**
 * What a node asks of the tree it is in. SceneTree (scene-tree.ts) is the one implementation; it imports
 * Node, so Node names only this (scene-tree.ts narrows get_tree()'s type to SceneTree).
 */
export interface TreeOfNodes {
  readonly root: Node;
  get_multiplayer(for_path?: string): MultiplayerAPI;
}

/** Godot's characters that a node name cannot hold; they become "_" as in Godot's editor. */
const INVALID_NAME = /[.:@/"%]/g;

export class Node {
  /** GDScript's `Node.new()`. */
  static new<T extends Node>(this: new () => T): T {
    return new this();
  }

  /**
   * In GDScript `self.method` is a Callable bound to its node, so `signal.connect(_on_pressed)`
   * works; a script's methods (those of Node's subclasses) are bound here the same way.
   */
  constructor() {
    for (
      let proto = Object.getPrototypeOf(this);
      proto && proto !== Node.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
        if (key === "constructor" || typeof descriptor.value !== "function" || Object.hasOwn(this, key))
          continue;
        Object.defineProperty(this, key, {
          value: descriptor.value.bind(this),
          writable: true,
          configurable: true,
        });
      }
    }
  }

  #rpcs: NodeRpcs | null = null;
  /** On a tree's root: the nodes queue_free() called, which the tree removes at the end of its frame. */
  #freed: Node[] = [];

  /** After this node entered the tree (its _enter_tree ran), before its children enter. */
  readonly tree_entered = new Signal<[]>("tree_entered");
  /** When this node starts leaving the tree (after its children, after its _exit_tree). */
  readonly tree_exiting = new Signal<[]>("tree_exiting");
  /** After this node left the tree and its parent. */
  readonly tree_exited = new Signal<[]>("tree_exited");
  /** Once, after _ready, when the node and its children are ready. */
  readonly ready = new Signal<[]>("ready");
  /** A child entered the tree (after the child's own tree_entered). */
  readonly child_entered_tree = new Signal<[node: Node]>("child_entered_tree");
  /** A child is leaving the tree (after the child's own tree_exiting). */
  readonly child_exiting_tree = new Signal<[node: Node]>("child_exiting_tree");

  #name = "";
  #sceneFilePath = "";
  #parent: Node | null = null;
  readonly #children: Node[] = [];
  #tree: TreeOfNodes | null = null;
  #authority = 1;
  #ready = false;
  #queuedForDeletion = false;

  /** The node's name; unique among its siblings (a clash gets a number appended, as Godot does). */
  get name(): string {
    return this.#name;
  }
  set name(value: string) {
    const name = String(value).replace(INVALID_NAME, "_");
    this.#name = this.#parent ? this.#parent.#uniqueName(name, this) : name;
  }

  /** The scene this node was instantiated from ("res://player.tscn"; PackedScene.instantiate() sets it), or "". */
  get scene_file_path(): string {
    return this.#sceneFilePath;
  }
  set scene_file_path(path: string) {
    if (typeof path === "string") this.#sceneFilePath = path;
    else printError(`scene_file_path must be a String, got ${typeof path}.`);
  }
  get_scene_file_path(): string {
    return this.#sceneFilePath;
  }
  set_scene_file_path(path: string): void {
    this.scene_file_path = path;
  }

  // --- the tree ------------------------------------------------------------------------------

  /** Adds `node` as the last child; if this node is in a tree, `node` enters it (_enter_tree, then _ready). */
  add_child(node: Node, force_readable_name = false): void {
    if (!(node instanceof Node)) {
      printError('Parameter "p_child" is null.');
      return;
    }
    if (node === this) {
      printError(`Can't add child '${node.#name}' to itself.`);
      return;
    }
    if (node.#parent) {
      printError(
        `Can't add child '${node.#name}' to '${this.#name}', already has a parent '${node.#parent.#name}'.`,
      );
      return;
    }
    for (let up: Node | null = this; up; up = up.#parent) {
      if (up === node) {
        printError(
          `Can't add child '${node.#name}' to '${this.#name}' as it would result in a cyclic dependency since '${node.#name}' is already a parent of '${this.#name}'.`,
        );
        return;
      }
    }
    node.#name = this.#uniqueName(
      node.#name ||
        (force_readable_name
          ? node.constructor.name
          : `@${node.constructor.name}@${this.#children.length + 2}`),
      node,
    );
    node.#parent = this;
    this.#children.push(node);
    if (this.#tree) node.#enter(this.#tree);
  }

  /** Removes a child; if it was in the tree it leaves it (_exit_tree, children first). */
  remove_child(node: Node): void {
    const at = node instanceof Node ? this.#children.indexOf(node) : -1;
    if (at < 0) {
      const name = node instanceof Node ? node.#name : String(node);
      printError(`Cannot remove child node '${name}' as it is not a child of this node.`);
      return;
    }
    const inTree = this.#tree !== null;
    if (inTree) node.#exit();
    this.#children.splice(at, 1);
    node.#parent = null;
    if (inTree) node.#afterExit();
  }

  get_parent(): Node | null {
    return this.#parent;
  }

  get_children(): Node[] {
    return [...this.#children];
  }

  get_child_count(): number {
    return this.#children.length;
  }

  /**
   * The node at `path` ("Child/Grandchild", "..", "/root/Main"). As in Godot, it is null (after
   * Godot's error print) when there is none; get_node_or_null() says so in its type.
   */
  get_node(path: string): Node {
    const node = this.get_node_or_null(path);
    if (!node)
      printError(
        `Node not found: "${String(path)}" (relative to "${this.#tree ? this.get_path() : this.#name}").`,
      );
    return node as Node;
  }

  get_node_or_null(path: string): Node | null {
    if (typeof path !== "string") return null;
    let node: Node | null = this;
    let parts = path.split("/");
    if (path.startsWith("/")) {
      if (!this.#tree) return null;
      node = null;
      parts = parts.slice(1);
      const [first, ...rest] = parts;
      if (first !== this.#tree.root.#name) return null;
      node = this.#tree.root;
      parts = rest;
    }
    for (const part of parts) {
      if (!node) return null;
      if (part === "" || part === ".") continue;
      node = part === ".." ? node.#parent : (node.#children.find((c) => c.#name === part) ?? null);
    }
    return node;
  }

  has_node(path: string): boolean {
    return this.get_node_or_null(path) !== null;
  }

  /** The absolute path ("/root/Main/Game"); an empty string and Godot's error print outside a tree. */
  get_path(): string {
    if (!this.#tree) {
      printError("Cannot get path of node as it is not in a scene tree.");
      return "";
    }
    let path = "";
    for (let node: Node | null = this; node; node = node.#parent) path = `/${node.#name}${path}`;
    return path;
  }

  is_inside_tree(): boolean {
    return this.#tree !== null;
  }

  /** The tree this node is in; null outside one, as in Godot. */
  get_tree(): TreeOfNodes {
    return this.#tree as TreeOfNodes;
  }

  /** Leaves the tree and its parent at the end of the frame (the tree's next process() call), as Godot frees it. */
  queue_free(): void {
    if (this.#queuedForDeletion) return;
    this.#queuedForDeletion = true;
    if (this.#tree) this.#tree.root.#freed.push(this);
    else this.#parent?.remove_child(this);
  }

  is_queued_for_deletion(): boolean {
    return this.#queuedForDeletion;
  }

  // --- multiplayer ---------------------------------------------------------------------------

  /** The tree's MultiplayerAPI for this node's branch; null outside a tree, as in Godot. */
  get multiplayer(): MultiplayerAPI {
    return (this.#tree ? this.#tree.get_multiplayer(this.get_path()) : null) as MultiplayerAPI;
  }

  get_multiplayer_authority(): number {
    return this.#authority;
  }

  /** Sets the peer that controls this node (and, by default, its children). */
  set_multiplayer_authority(id: number, recursive = true): void {
    if (!Number.isInteger(id)) {
      printError(`Invalid multiplayer authority: ${String(id)}; it must be a peer id.`);
      return;
    }
    this.#authority = id;
    if (recursive) for (const child of this.#children) child.set_multiplayer_authority(id, true);
  }

  is_multiplayer_authority(): boolean {
    const api = this.#tree ? this.multiplayer : null;
    return api !== null && api.get_unique_id() === this.#authority;
  }

  /** Calls `method` on this node on every peer (and here too if it is `call_local`). */
  rpc(method: string, ...args: unknown[]): GodotError {
    return this.rpc_id(0, method, ...args);
  }

  /** Calls `method` on one peer (a negative id: on all but that peer). */
  rpc_id(peer_id: number, method: string, ...args: unknown[]): GodotError {
    const api = this.#tree ? this.multiplayer : null;
    if (!api) {
      printError('Condition "!is_inside_tree()" is true. Returning: ERR_UNCONFIGURED');
      return ERR_UNCONFIGURED;
    }
    return api.rpc(peer_id, this, method, args);
  }

  /** Configures `method` as an RPC without the annotation ({ rpc_mode, transfer_mode, call_local, channel }); null removes it. */
  rpc_config(method: string, config: Record<string, unknown> | null): void {
    if (typeof method !== "string" || method === "") {
      printError(`Invalid RPC method name: ${String(method)}.`);
      return;
    }
    if (config === null || config === undefined) {
      setNodeRpc(Node._rpcs(this), method, null);
      return;
    }
    const parsed = readRpcConfig(config);
    if (!parsed) {
      printError(
        `Invalid RPC config for "${method}": expected a dictionary with rpc_mode (0–2), transfer_mode (0–2), call_local (bool) and channel (0–255).`,
      );
      return;
    }
    setNodeRpc(Node._rpcs(this), method, parsed);
  }

  // --- lifecycle -----------------------------------------------------------------------------

  /** Entering: this node's _enter_tree before its children's; then _ready, children first, once. */
  #enter(tree: TreeOfNodes): void {
    this.#enterTree(tree);
    this.#readyUp();
  }

  #enterTree(tree: TreeOfNodes): void {
    this.#tree = tree;
    this.#call("_enter_tree");
    this.tree_entered.emit();
    this.#parent?.child_entered_tree.emit(this);
    for (const child of [...this.#children]) child.#enterTree(tree);
  }

  #readyUp(): void {
    for (const child of [...this.#children]) child.#readyUp();
    if (this.#ready) return;
    this.#ready = true;
    this.#call("_ready");
    this.ready.emit();
  }

  #exit(): void {
    for (const child of [...this.#children].reverse()) child.#exit();
    this.#call("_exit_tree");
    this.tree_exiting.emit();
    this.#parent?.child_exiting_tree.emit(this);
    this.#tree = null;
  }

  /** @internal A node's RPCs (its `@rpc` methods and rpc_config()'s entries; rpc-config.ts numbers them). */
  static _rpcs(node: Node): NodeRpcs {
    node.#rpcs ??= newNodeRpcs();
    return node.#rpcs;
  }

  /** tree_exited, children first, once the branch is out of the tree. */
  #afterExit(): void {
    for (const child of [...this.#children].reverse()) child.#afterExit();
    this.tree_exited.emit();
  }

  /** @internal The tree's root enters through this (SceneTree's constructor). */
  static _enterAsRoot(root: Node, tree: TreeOfNodes): void {
    root.#enter(tree);
  }

  /** @internal The end of a tree's frame: the nodes queue_free() called leave their parents. */
  static _freeQueued(root: Node): void {
    for (const node of root.#freed.splice(0)) node.#parent?.remove_child(node);
  }

  /** @internal _process(delta) on a node, then its children, as the tree does each frame. */
  static _processFrame(node: Node, delta: number): void {
    node.#call("_process", delta);
    for (const child of [...node.#children]) Node._processFrame(child, delta);
  }

  #call(hook: string, ...args: unknown[]): void {
    const fn = (this as unknown as Record<string, unknown>)[hook];
    if (typeof fn !== "function") return;
    try {
      fn.apply(this, args);
    } catch (error) {
      printError(`${this.#name}.${hook}(): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #uniqueName(name: string, self: Node): string {
    const taken = (n: string) => this.#children.some((c) => c !== self && c.#name === n);
    if (!taken(name)) return name;
    const base = name.replace(/\d+$/, "");
    let n = 2;
    while (taken(`${base}${n}`)) n++;
    return `${base}${n}`;
  }
}
