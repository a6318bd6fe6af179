// Follows Godot's scene/main/node.cpp.
// The part of Godot's Node that RPCs need: a name in a tree, so that the same tree built on two
// machines gives each node the same path; a multiplayer authority; and rpc()/rpc_id()/rpc_config().
// _enter_tree, _ready, _exit_tree and _process are called as Godot calls them, so ported scripts
// keep their lifecycle functions.
import { describe } from "@wsport/core/internal";
import { ERR_UNCONFIGURED, type GodotError } from "../core/error.js";
import { callDeferred } from "../core/message-queue.js";
import { GodotObject } from "../core/object.js";
import { printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import { NodePath } from "../variant/variant-types.js";
import { NodeConstants, type ProcessMode } from "./constants-of-node.js";
import type { MultiplayerAPI } from "./multiplayer-api.js";
import { type NodeRpcs, newNodeRpcs, readRpcConfig, rpcTable, setNodeRpc } from "./rpc-config.js";

/** A path as Godot takes it: a String or a NodePath. */
type Path = string | NodePath;

/** Godot's String.match: "*" any run of characters, "?" any one, the rest literally. */
function matches(name: string, pattern: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${regex}$`).test(name);
}

/**
 * What a node asks of the tree it is in. SceneTree (scene-tree.ts) is the one implementation; it imports
 * Node, so Node names only this (scene-tree.ts narrows get_tree()'s type to SceneTree).
 */
export interface TreeOfNodes {
  readonly root: Node;
  /** Whether the tree is paused (nodes with PROCESS_MODE_PAUSABLE stop processing). */
  readonly paused: boolean;
  get_multiplayer(for_path?: string): MultiplayerAPI;
  /** The delta of the frame being processed. */
  _processDelta(): number;
  /** Hears node_added, node_removed, node_renamed and tree_changed. */
  _treeChanged(event: "added" | "removed" | "renamed" | "changed" | "process_mode", node: Node | null): void;
}

/** Godot's characters that a node name cannot hold; they become "_" as in Godot's editor. */
const INVALID_NAME = /[.:@/"%]/g;

export class Node extends NodeConstants {
  /** GDScript's `Node.new()`. */
  static new<T extends Node>(this: new () => T): T {
    return new this();
  }

  /**
   * In GDScript `self.method` is a Callable bound to its node, so `signal.connect(_on_pressed)`
   * works; a script's methods (those of Node's subclasses) are bound here the same way.
   */
  constructor() {
    super();
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

  #name = "";
  #parent: Node | null = null;
  readonly #children: Node[] = [];
  #tree: TreeOfNodes | null = null;
  #authority = 1;
  #ready = false;
  #readyRequested = false;
  #owner: Node | null = null;
  #uniqueInOwner = false;
  #groups = new Set<string>();
  #processMode: ProcessMode = 0;
  #process: boolean | null = null;
  #physicsProcess: boolean | null = null;
  #processInternal = false;
  #physicsProcessInternal = false;
  #processPriority = 0;
  #physicsPriority = 0;
  #sceneFilePath = "";
  #editorDescription = "";
  #autoTranslateMode: 0 | 1 | 2 = 0;

  /** Emitted after _ready, once the node and its children are ready. */
  readonly ready = new Signal<[]>(this, "ready");
  readonly renamed = new Signal<[]>(this, "renamed");
  readonly tree_entered = new Signal<[]>(this, "tree_entered");
  readonly tree_exiting = new Signal<[]>(this, "tree_exiting");
  readonly tree_exited = new Signal<[]>(this, "tree_exited");
  readonly child_entered_tree = new Signal<[node: Node]>(this, "child_entered_tree");
  readonly child_exiting_tree = new Signal<[node: Node]>(this, "child_exiting_tree");
  readonly child_order_changed = new Signal<[]>(this, "child_order_changed");
  readonly replacing_by = new Signal<[node: Node]>(this, "replacing_by");
  readonly editor_description_changed = new Signal<[node: Node]>(this, "editor_description_changed");
  readonly editor_state_changed = new Signal<[]>(this, "editor_state_changed");

  /** The node's name; unique among its siblings (a clash gets a number appended, as Godot does). */
  get name(): string {
    return this.#name;
  }
  set name(value: string) {
    const name = String(value).replace(INVALID_NAME, "_");
    const before = this.#name;
    this.#name = this.#parent ? this.#parent.#uniqueName(name, this) : name;
    if (this.#name !== before && this.#tree) {
      this.renamed.emit();
      this.#tree._treeChanged("renamed", this);
    }
  }
  set_name(name: string): void {
    this.name = name;
  }
  get_name(): string {
    return this.#name;
  }

  // --- the tree ------------------------------------------------------------------------------

  /** Adds `node` as the last child; if this node is in a tree, `node` enters it (_enter_tree, then _ready). */
  add_child(node: Node, force_readable_name = false, _internal = 0): void {
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
    this.#tree?._treeChanged("changed", null);
    this.child_order_changed.emit();
  }

  /** Removes a child; if it was in the tree it leaves it (_exit_tree, children first). */
  remove_child(node: Node): void {
    const at = node instanceof Node ? this.#children.indexOf(node) : -1;
    if (at < 0) {
      const name = node instanceof Node ? node.#name : String(node);
      printError(`Cannot remove child node '${name}' as it is not a child of this node.`);
      return;
    }
    const tree = this.#tree;
    if (tree) node.#exit();
    this.#children.splice(at, 1);
    node.#parent = null;
    if (tree) {
      node.#afterExit();
      tree._treeChanged("changed", null);
    }
    // A node leaving its owner's branch loses its owner, as in Godot.
    for (const n of [node, ...node.#descendants()])
      if (n.#owner && !n.#owner.#isAncestorOrSelf(n)) n.#owner = null;
    this.child_order_changed.emit();
  }

  get_parent(): Node | null {
    return this.#parent;
  }

  get_children(_include_internal = false): Node[] {
    return [...this.#children];
  }

  get_child_count(_include_internal = false): number {
    return this.#children.length;
  }

  /**
   * The node at `path` ("Child/Grandchild", "..", "/root/Main"). As in Godot, it is null (after
   * Godot's error print) when there is none; get_node_or_null() says so in its type.
   */
  get_node(path: Path): Node {
    const node = this.get_node_or_null(path);
    if (!node)
      printError(
        `Node not found: "${String(path)}" (relative to "${this.#tree ? this.get_path() : this.#name}").`,
      );
    return node as Node;
  }

  get_node_or_null(path: Path): Node | null {
    if (path instanceof NodePath) path = String(path);
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
      if (part.startsWith("%")) node = node.#uniqueNode(part.slice(1));
      else node = part === ".." ? node.#parent : (node.#children.find((c) => c.#name === part) ?? null);
    }
    return node;
  }

  has_node(path: Path): boolean {
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
    if (this._queuedForDeletion || this._freed) return;
    this._queuedForDeletion = true;
    if (this.#tree) this.#tree.root.#freed.push(this);
    else callDeferred(() => this._queuedForDeletion && !this._freed && this.free());
  }

  /**
   * Frees the node now, as Godot's free(): it leaves its parent (and the tree: _exit_tree, tree_exiting,
   * child_exiting_tree, then tree_exited, children first), then its children are freed, last first.
   * Afterwards is_instance_valid(node) is false.
   */
  override free(): void {
    if (this._freed) {
      printError("Object was already freed.");
      return;
    }
    this.#parent?.remove_child(this);
    while (this.#children.length > 0) {
      const child = this.#children[this.#children.length - 1]!;
      this.remove_child(child);
      child.free();
    }
    for (const group of this.#groups) this.remove_from_group(group);
    super.free();
  }

  // --- the tree, continued ---------------------------------------------------------------------

  /** Every node below this one, depth first, in child order. */
  #descendants(): Node[] {
    const out: Node[] = [];
    for (const child of this.#children) out.push(child, ...child.#descendants());
    return out;
  }

  #isAncestorOrSelf(node: Node): boolean {
    for (let n: Node | null = node; n; n = n.#parent) if (n === this) return true;
    return false;
  }

  /** `%Name`: the node of that name marked unique_name_in_owner, owned by this node's owner (or by this node). */
  #uniqueNode(name: string): Node | null {
    const owner = this.#owner ?? this;
    const candidates = owner === this ? this.#descendants() : owner.#descendants();
    return candidates.find((n) => n.#uniqueInOwner && n.#owner === owner && n.#name === name) ?? null;
  }

  /** The child at `idx`; a negative index counts from the end. Null (with Godot's print) out of range. */
  get_child(idx: number, _include_internal = false): Node | null {
    const at = Number.isInteger(idx) && idx < 0 ? this.#children.length + idx : idx;
    const child = Number.isInteger(at) ? this.#children[at] : undefined;
    if (child === undefined) {
      printError(`Index p_index = ${String(idx)} is out of bounds (${this.#children.length}).`);
      return null;
    }
    return child;
  }

  /** The first descendant whose name matches `pattern` ("*" and "?" as wildcards); `owned`: only nodes with an owner. */
  find_child(pattern: string, recursive = true, owned = true): Node | null {
    return this.find_children(pattern, "", recursive, owned)[0] ?? null;
  }

  /** Every descendant whose name matches `pattern` and whose class is `type` ("" any). */
  find_children(pattern: string, type = "", recursive = true, owned = true): Node[] {
    if (typeof pattern !== "string") {
      printError(`find_children() needs a String pattern, got ${describe(pattern)}.`);
      return [];
    }
    const pool = recursive ? this.#descendants() : [...this.#children];
    return pool.filter(
      (n) => matches(n.#name, pattern) && (!owned || n.#owner !== null) && (type === "" || n.is_class(type)),
    );
  }

  /** The nearest ancestor whose name matches `pattern`. */
  find_parent(pattern: string): Node | null {
    for (let n = this.#parent; n; n = n.#parent) if (matches(n.#name, String(pattern))) return n;
    return null;
  }

  /** Adds `sibling` right after this node in the parent. */
  add_sibling(sibling: Node, force_readable_name = false): void {
    const parent = this.#parent;
    if (!parent) {
      printError("Cannot add sibling: the node has no parent.");
      return;
    }
    parent.add_child(sibling, force_readable_name);
    if (sibling.#parent === parent) parent.move_child(sibling, this.get_index() + 1);
  }

  /** Moves the node under `new_parent` (leaving and entering the tree as remove_child and add_child do). */
  reparent(new_parent: Node, _keep_global_transform = true): void {
    if (!(new_parent instanceof Node) || new_parent === this.#parent) {
      if (!(new_parent instanceof Node)) printError('Parameter "p_parent" is null.');
      return;
    }
    this.#parent?.remove_child(this);
    new_parent.add_child(this);
  }

  /** Moves a child to `to_index` (negative: from the end). */
  move_child(child_node: Node, to_index: number): void {
    const from = child_node instanceof Node ? this.#children.indexOf(child_node) : -1;
    if (from < 0) {
      printError("move_child(): the node is not a child of this node.");
      return;
    }
    const to = to_index < 0 ? this.#children.length + to_index : to_index;
    if (!Number.isInteger(to) || to < 0 || to >= this.#children.length) {
      printError(`Invalid new child index: ${String(to_index)}.`);
      return;
    }
    if (to === from) return;
    this.#children.splice(from, 1);
    this.#children.splice(to, 0, child_node);
    child_node.notification(Node.NOTIFICATION_MOVED_IN_PARENT);
    this.child_order_changed.emit();
  }

  /** The position among the parent's children; -1 without a parent. */
  get_index(_include_internal = false): number {
    return this.#parent ? this.#parent.#children.indexOf(this) : -1;
  }

  is_ancestor_of(node: Node): boolean {
    return node instanceof Node && node !== this && this.#isAncestorOrSelf(node);
  }

  /** Whether this node comes after `node` in tree order (the order the tree processes nodes). */
  is_greater_than(node: Node): boolean {
    if (!(node instanceof Node) || node.#tree !== this.#tree || this.#tree === null) {
      printError("is_greater_than() needs a node in the same tree.");
      return false;
    }
    const order = [this.#tree.root, ...this.#tree.root.#descendants()];
    return order.indexOf(this) > order.indexOf(node);
  }

  /** The relative path from this node to `node` ("../Sibling/Child"). */
  get_path_to(node: Node, _use_unique_path = false): NodePath {
    if (!(node instanceof Node)) {
      printError('Parameter "p_node" is null.');
      return new NodePath();
    }
    const mine: Node[] = [];
    for (let n: Node | null = this; n; n = n.#parent) mine.unshift(n);
    const theirs: Node[] = [];
    for (let n: Node | null = node; n; n = n.#parent) theirs.unshift(n);
    if (mine[0] !== theirs[0]) {
      printError("get_path_to(): the nodes are not in the same branch.");
      return new NodePath();
    }
    let common = 0;
    while (common < mine.length && common < theirs.length && mine[common] === theirs[common]) common++;
    const up = Array.from({ length: mine.length - common }, () => "..");
    const down = theirs.slice(common).map((n) => n.#name);
    return new NodePath([...up, ...down].join("/") || ".");
  }

  /** The node whose scene this node was saved with; only an ancestor can own a node. */
  get owner(): Node | null {
    return this.#owner;
  }
  set owner(owner: Node | null) {
    this.set_owner(owner);
  }
  get_owner(): Node | null {
    return this.#owner;
  }
  set_owner(owner: Node | null): void {
    if (owner !== null && !(owner instanceof Node && owner.is_ancestor_of(this))) {
      printError("Invalid owner. Owner must be an ancestor in the tree.");
      return;
    }
    this.#owner = owner;
  }

  /** Whether `%Name` finds this node from its owner's scene. */
  get unique_name_in_owner(): boolean {
    return this.#uniqueInOwner;
  }
  set unique_name_in_owner(enable: boolean) {
    this.set_unique_name_in_owner(enable);
  }
  is_unique_name_in_owner(): boolean {
    return this.#uniqueInOwner;
  }
  set_unique_name_in_owner(enable: boolean): void {
    this.#uniqueInOwner = enable === true;
  }

  /** The scene file the node was instantiated from ("" here: scenes are built in code). */
  get scene_file_path(): string {
    return this.#sceneFilePath;
  }
  set scene_file_path(scene_file_path: string) {
    this.set_scene_file_path(scene_file_path);
  }
  get_scene_file_path(): string {
    return this.#sceneFilePath;
  }
  set_scene_file_path(scene_file_path: string): void {
    if (typeof scene_file_path === "string") this.#sceneFilePath = scene_file_path;
    else printError(`scene_file_path must be a String, got ${describe(scene_file_path)}.`);
  }

  get editor_description(): string {
    return this.#editorDescription;
  }
  set editor_description(editor_description: string) {
    this.set_editor_description(editor_description);
  }
  get_editor_description(): string {
    return this.#editorDescription;
  }
  set_editor_description(editor_description: string): void {
    this.#editorDescription = String(editor_description);
    this.editor_description_changed.emit(this);
  }

  /** The tree, one node per line, as relative paths from this node. */
  get_tree_string(): string {
    return [this, ...this.#descendants()].map((n) => `${String(this.get_path_to(n))}\n`).join("");
  }
  /** The tree drawn with branches, one node per line. */
  get_tree_string_pretty(): string {
    const lines: string[] = [];
    const walk = (node: Node, prefix: string, last: boolean, root: boolean) => {
      lines.push(`${root ? " ┖╴" : `${prefix}${last ? "┖╴" : "┠╴"}`}${node.#name}`);
      const kids = node.#children;
      for (const [i, kid] of kids.entries()) {
        walk(kid, root ? "    " : `${prefix}${last ? "   " : "┃  "}`, i === kids.length - 1, false);
      }
    };
    walk(this, "", true, true);
    return `${lines.join("\n")}\n`;
  }
  print_tree(): void {
    console.log(this.get_tree_string().replace(/\n$/, ""));
  }
  print_tree_pretty(): void {
    console.log(this.get_tree_string_pretty().replace(/\n$/, ""));
  }

  /** Sends `what` to this node and every node below it (parents first). */
  propagate_notification(what: number): void {
    for (const node of [this, ...this.#descendants()]) node.notification(what);
  }
  /** Calls `method` on this node and every node below it that has it; `parent_first` chooses the order. */
  propagate_call(method: string, args: unknown[] = [], parent_first = false): void {
    const nodes = [this, ...this.#descendants()];
    const order = parent_first ? nodes : nodes.reverse();
    for (const node of order) if (node.has_method(method)) node.callv(method, args);
  }

  /** A copy of the node and its children, with the copied node's fields (signals, groups and scripts as Godot's flags say). */
  duplicate(flags = 15): Node {
    const copy = new (this.constructor as new () => Node)();
    copy.#name = this.#name;
    for (const [key, value] of Object.entries(this)) {
      if (!(value instanceof Signal) && typeof value !== "function")
        (copy as unknown as Record<string, unknown>)[key] = value;
    }
    if (flags & Node.DUPLICATE_GROUPS) for (const group of this.#groups) copy.#groups.add(group);
    for (const child of this.#children) copy.add_child(child.duplicate(flags));
    return copy;
  }

  /** Puts `node` where this node is: same parent and index, this node's children moved under it. */
  replace_by(node: Node, keep_groups = false): void {
    if (!(node instanceof Node) || node.#parent !== null) {
      printError("replace_by() needs a node without a parent.");
      return;
    }
    this.replacing_by.emit(node);
    const parent = this.#parent;
    const index = this.get_index();
    if (keep_groups) for (const group of this.#groups) node.add_to_group(group);
    parent?.remove_child(this);
    for (const child of [...this.#children]) {
      this.remove_child(child);
      node.add_child(child);
    }
    if (parent) {
      parent.add_child(node);
      parent.move_child(node, index);
    }
  }

  // --- groups ----------------------------------------------------------------------------------

  add_to_group(group: string, _persistent = false): void {
    if (typeof group !== "string" || group === "") {
      printError(`add_to_group() needs a group name, got ${describe(group)}.`);
      return;
    }
    this.#groups.add(group);
  }
  remove_from_group(group: string): void {
    if (!this.#groups.delete(group))
      printError(`Condition "!E" is true: the node is not in group '${String(group)}'.`);
  }
  is_in_group(group: string): boolean {
    return this.#groups.has(group);
  }
  get_groups(): string[] {
    return [...this.#groups];
  }

  // --- processing ------------------------------------------------------------------------------

  /** Whether _process runs each frame (on by default when the script defines _process, as in Godot). */
  set_process(enable: boolean): void {
    this.#process = enable === true;
  }
  is_processing(): boolean {
    return this.#process ?? this.#defines("_process");
  }
  set_physics_process(enable: boolean): void {
    this.#physicsProcess = enable === true;
  }
  is_physics_processing(): boolean {
    return this.#physicsProcess ?? this.#defines("_physics_process");
  }
  set_process_internal(enable: boolean): void {
    this.#processInternal = enable === true;
  }
  is_processing_internal(): boolean {
    return this.#processInternal;
  }
  set_physics_process_internal(enable: boolean): void {
    this.#physicsProcessInternal = enable === true;
  }
  is_physics_processing_internal(): boolean {
    return this.#physicsProcessInternal;
  }
  /** The delta of the frame being processed (the tree's). */
  get_process_delta_time(): number {
    return this.#tree?._processDelta() ?? 0;
  }
  get_physics_process_delta_time(): number {
    return this.#tree?._processDelta() ?? 0;
  }

  /** Lower priorities process first. */
  get process_priority(): number {
    return this.#processPriority;
  }
  set process_priority(priority: number) {
    this.set_process_priority(priority);
  }
  get_process_priority(): number {
    return this.#processPriority;
  }
  set_process_priority(priority: number): void {
    if (Number.isInteger(priority)) this.#processPriority = priority;
    else printError(`process_priority must be an int, got ${describe(priority)}.`);
  }
  get process_physics_priority(): number {
    return this.#physicsPriority;
  }
  set process_physics_priority(priority: number) {
    this.set_physics_process_priority(priority);
  }
  get_physics_process_priority(): number {
    return this.#physicsPriority;
  }
  set_physics_process_priority(priority: number): void {
    if (Number.isInteger(priority)) this.#physicsPriority = priority;
    else printError(`process_physics_priority must be an int, got ${describe(priority)}.`);
  }

  /** Whether the node processes while the tree is paused (see can_process()). */
  get process_mode(): ProcessMode {
    return this.#processMode;
  }
  set process_mode(mode: ProcessMode) {
    this.set_process_mode(mode);
  }
  get_process_mode(): ProcessMode {
    return this.#processMode;
  }
  set_process_mode(mode: ProcessMode): void {
    if (Number.isInteger(mode) && mode >= 0 && mode <= 4) {
      this.#processMode = mode;
      this.#tree?._treeChanged("process_mode", null);
    } else printError(`Invalid process_mode ${describe(mode)}: use a PROCESS_MODE_* constant.`);
  }
  /** Whether the node processes now: its process_mode (INHERIT: its parent's; the root's is PAUSABLE) against the tree's pause. */
  can_process(): boolean {
    if (!this.#tree) return false;
    let mode: number = this.#processMode;
    for (let n = this.#parent; mode === Node.PROCESS_MODE_INHERIT && n; n = n.#parent) mode = n.#processMode;
    if (mode === Node.PROCESS_MODE_INHERIT) mode = Node.PROCESS_MODE_PAUSABLE;
    if (mode === Node.PROCESS_MODE_DISABLED) return false;
    if (mode === Node.PROCESS_MODE_ALWAYS) return true;
    return this.#tree.paused ? mode === Node.PROCESS_MODE_WHEN_PAUSED : mode === Node.PROCESS_MODE_PAUSABLE;
  }

  /** Runs _ready again the next time the node enters the tree. */
  request_ready(): void {
    this.#readyRequested = true;
  }
  /** Whether _ready has run. */
  is_node_ready(): boolean {
    return this.#ready && !this.#readyRequested;
  }

  // --- one thread: the thread-group forms are the plain ones --------------------------------------

  call_deferred_thread_group(method: string, ...args: unknown[]): unknown {
    return this.call_deferred(method, ...args);
  }
  set_deferred_thread_group(property: string, value: unknown): void {
    this.set_deferred(property, value);
  }
  notify_deferred_thread_group(what: number): void {
    callDeferred(() => this.notification(what));
  }
  call_thread_safe(method: string, ...args: unknown[]): unknown {
    return this.call(method, ...args);
  }
  set_thread_safe(property: string, value: unknown): void {
    this.set(property, value);
  }
  notify_thread_safe(what: number): void {
    this.notification(what);
  }

  // --- translation --------------------------------------------------------------------------------

  get auto_translate_mode(): 0 | 1 | 2 {
    return this.#autoTranslateMode;
  }
  set auto_translate_mode(mode: 0 | 1 | 2) {
    this.set_auto_translate_mode(mode);
  }
  get_auto_translate_mode(): 0 | 1 | 2 {
    return this.#autoTranslateMode;
  }
  set_auto_translate_mode(mode: 0 | 1 | 2): void {
    if (mode === 0 || mode === 1 || mode === 2) this.#autoTranslateMode = mode;
    else printError(`Invalid auto_translate_mode ${describe(mode)}.`);
  }
  /** Whether the node translates its texts (AUTO_TRANSLATE_MODE_INHERIT follows the parent; the root translates). */
  can_auto_translate(): boolean {
    let mode: number = this.#autoTranslateMode;
    for (let n = this.#parent; mode === 0 && n; n = n.#parent) mode = n.#autoTranslateMode;
    return mode !== Node.AUTO_TRANSLATE_MODE_DISABLED;
  }
  /** Takes the translation domain from the parent. */
  set_translation_domain_inherited(): void {
    this.set_translation_domain(this.#parent?.get_translation_domain() ?? "");
  }
  atr(message: string, context = ""): string {
    return this.can_auto_translate() ? this.tr(message, context) : String(message);
  }
  atr_n(message: string, plural_message: string, n: number, context = ""): string {
    return this.can_auto_translate() ? this.tr_n(message, plural_message, n, context) : String(message);
  }

  /** The live nodes that are in no tree and have no parent (Godot's orphans), by instance id. */
  static get_orphan_node_ids(): number[] {
    return GodotObject._live()
      .filter((o): o is Node => o instanceof Node && o.#parent === null && o.#tree === null)
      .map((n) => n.get_instance_id());
  }
  static print_orphan_nodes(): void {
    for (const id of Node.get_orphan_node_ids()) {
      const node = GodotObject._fromId(id) as Node;
      console.log(`${id} - Stray Node: ${node.#name} (Type: ${node.get_class()})`);
    }
  }

  override to_string(): string {
    return `${this.#name}:${super.to_string()}`;
  }
  override get_class(): string {
    return "Node";
  }
  override is_class(class_: string): boolean {
    return class_ === "Node" || super.is_class(class_);
  }

  // --- multiplayer ---------------------------------------------------------------------------

  /** The tree's MultiplayerAPI for this node's branch; null outside a tree, as in Godot. */
  get multiplayer(): MultiplayerAPI {
    return (this.#tree ? this.#tree.get_multiplayer(this.get_path()) : null) as MultiplayerAPI;
  }
  get_multiplayer(): MultiplayerAPI {
    return this.multiplayer;
  }
  /** The RPC configuration of each method, as `{ method: { rpc_mode, transfer_mode, call_local, channel } }`. */
  get_node_rpc_config(): Record<string, unknown> {
    return Object.fromEntries(
      [...rpcTable(Node._rpcs(this)).byId.values()].map(({ name, config }) => [name, { ...config }]),
    );
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

  /** Godot's order: NOTIFICATION_ENTER_TREE and _enter_tree, tree_entered, the parent's child_entered_tree, then the children. */
  #enterTree(tree: TreeOfNodes): void {
    this.#tree = tree;
    tree._treeChanged("added", this);
    this.notification(Node.NOTIFICATION_ENTER_TREE);
    this.#call("_enter_tree");
    this.tree_entered.emit();
    this.#parent?.child_entered_tree.emit(this);
    for (const child of [...this.#children]) child.#enterTree(tree);
  }

  /** The children are ready first; then NOTIFICATION_READY, _ready and the ready signal, once (again after request_ready). */
  #readyUp(): void {
    for (const child of [...this.#children]) child.#readyUp();
    if (this.#ready && !this.#readyRequested) return;
    this.#ready = true;
    this.#readyRequested = false;
    this.notification(Node.NOTIFICATION_READY);
    this.#call("_ready");
    this.ready.emit();
  }

  /** Leaving, children first: _exit_tree, tree_exiting, NOTIFICATION_EXIT_TREE, the parent's child_exiting_tree. */
  #exit(): void {
    for (const child of [...this.#children].reverse()) child.#exit();
    this.#call("_exit_tree");
    this.tree_exiting.emit();
    this.notification(Node.NOTIFICATION_EXIT_TREE);
    this.#parent?.child_exiting_tree.emit(this);
    this.#tree?._treeChanged("removed", this);
    this.#tree = null;
  }

  /** Once out of the tree, children first: tree_exited. */
  #afterExit(): void {
    for (const child of [...this.#children].reverse()) child.#afterExit();
    this.tree_exited.emit();
  }

  /** @internal A node's RPCs (its `@rpc` methods and rpc_config()'s entries; rpc-config.ts numbers them). */
  static _rpcs(node: Node): NodeRpcs {
    node.#rpcs ??= newNodeRpcs();
    return node.#rpcs;
  }

  /** @internal The tree's root enters through this (SceneTree's constructor). */
  static _enterAsRoot(root: Node, tree: TreeOfNodes): void {
    root.#enter(tree);
  }

  /** @internal The end of a tree's frame: the nodes queue_free() called are freed. */
  static _freeQueued(root: Node): void {
    for (const node of root.#freed.splice(0)) if (!node._freed) node.free();
  }

  /** @internal _process(delta) on each node that processes, in process_priority order, as the tree does each frame. */
  static _processFrame(node: Node, delta: number): void {
    const nodes = [node, ...node.#descendants()].filter((n) => n.is_processing() && n.can_process());
    nodes.sort((a, b) => a.#processPriority - b.#processPriority);
    for (const n of nodes) if (!n._freed && n.#tree) n.#call("_process", delta);
  }

  /** @internal _physics_process(delta) likewise, for the tree's physics frames. */
  static _physicsFrame(node: Node, delta: number): void {
    const nodes = [node, ...node.#descendants()].filter((n) => n.is_physics_processing() && n.can_process());
    nodes.sort((a, b) => a.#physicsPriority - b.#physicsPriority);
    for (const n of nodes) if (!n._freed && n.#tree) n.#call("_physics_process", delta);
  }

  /** Whether the script defines a lifecycle function (read by name, so that the build never renames it). */
  #defines(hook: string): boolean {
    return typeof (this as unknown as Record<string, unknown>)[hook] === "function";
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
