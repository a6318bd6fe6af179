// Follows Godot's modules/multiplayer/multiplayer_synchronizer.cpp.
// Godot 4's MultiplayerSynchronizer: the properties its replication_config names, read from the node at
// root_path, follow that node's authority to the other peers (SYNC every replication_interval, deltas
// of ON_CHANGE properties every delta_interval), to the peers its visibility allows. The replication
// layer (scene-replication.ts) does the sending; this node says what, to whom and how often.
import { describe } from "@wsport/core/internal";
import { constantsOnInstances } from "../core/class-constants.js";
import { printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import { Node } from "../scene/node.js";
import { NodePath } from "../variant/variant-types.js";
import { SceneReplicationConfig } from "./scene-replication-config.js";

function pathText(path: unknown): string | null {
  if (path instanceof NodePath) return path.toString();
  return typeof path === "string" ? path : null;
}

export class MultiplayerSynchronizer extends Node {
  static readonly VISIBILITY_PROCESS_IDLE = 0;
  static readonly VISIBILITY_PROCESS_PHYSICS = 1;
  static readonly VISIBILITY_PROCESS_NONE = 2;
  declare readonly VISIBILITY_PROCESS_IDLE: 0;
  declare readonly VISIBILITY_PROCESS_PHYSICS: 1;
  declare readonly VISIBILITY_PROCESS_NONE: 2;

  /** A SYNC from the authority was applied here. */
  readonly synchronized = new Signal<[]>("synchronized");
  /** A delta (ON_CHANGE properties) from the authority was applied here. */
  readonly delta_synchronized = new Signal<[]>("delta_synchronized");
  /** The authority's visibility for `for_peer` (0: every peer) changed; the replication layer listens. */
  readonly visibility_changed = new Signal<[for_peer: number]>("visibility_changed");

  #rootPath = "..";
  #root: Node | null = null;
  #config: SceneReplicationConfig | null = null;
  #intervalMs = 0;
  #deltaIntervalMs = 0;
  #updateMode: 0 | 1 | 2 = 0;
  /** Peers this node is visible to; 0 stands for every peer (public, the default). */
  readonly #visibility = new Set<number>([0]);
  readonly #filters = new Set<(peer: number) => boolean>();

  constructor() {
    super();
    if (!Object.hasOwn(MultiplayerSynchronizer.prototype, "VISIBILITY_PROCESS_IDLE"))
      constantsOnInstances(MultiplayerSynchronizer);
    // Godot's NOTIFICATION_ENTER_TREE / EXIT_TREE, kept apart from a script's own _enter_tree/_exit_tree.
    this.tree_entered.connect(() => this.#rootPath !== "" && this.#start());
    this.tree_exiting.connect(() => this.#rootPath !== "" && this.#stop());
  }

  // --- properties --------------------------------------------------------------------------------

  /** The node whose properties are replicated, from this one (default ".."). */
  get root_path(): NodePath {
    return new NodePath(this.#rootPath);
  }
  set root_path(path: NodePath | string) {
    const text = pathText(path);
    if (text === null) {
      printError(`root_path must be a NodePath, got ${describe(path)}.`);
      return;
    }
    if (text === this.#rootPath) return;
    this.#stop();
    this.#rootPath = text;
    this.#start();
  }
  get_root_path(): NodePath {
    return this.root_path;
  }
  set_root_path(path: NodePath | string): void {
    this.root_path = path;
  }

  /** Seconds between SYNC messages (0: every network frame). */
  get replication_interval(): number {
    return this.#intervalMs / 1000;
  }
  set replication_interval(seconds: number) {
    const ms = intervalMs(seconds);
    if (ms !== null) this.#intervalMs = ms;
  }
  get_replication_interval(): number {
    return this.replication_interval;
  }
  set_replication_interval(seconds: number): void {
    this.replication_interval = seconds;
  }

  /** Seconds between delta messages of ON_CHANGE properties (0: every network frame). */
  get delta_interval(): number {
    return this.#deltaIntervalMs / 1000;
  }
  set delta_interval(seconds: number) {
    const ms = intervalMs(seconds);
    if (ms !== null) this.#deltaIntervalMs = ms;
  }
  get_delta_interval(): number {
    return this.delta_interval;
  }
  set_delta_interval(seconds: number): void {
    this.delta_interval = seconds;
  }

  get replication_config(): SceneReplicationConfig | null {
    return this.#config;
  }
  set replication_config(config: SceneReplicationConfig | null) {
    if (config === null || config instanceof SceneReplicationConfig) this.#config = config;
    else printError(`replication_config must be a SceneReplicationConfig or null, got ${describe(config)}.`);
  }
  get_replication_config(): SceneReplicationConfig | null {
    return this.#config;
  }
  set_replication_config(config: SceneReplicationConfig | null): void {
    this.replication_config = config;
  }

  /** When visibility filters run: every process frame (IDLE, PHYSICS) or only on update_visibility() (NONE). */
  get visibility_update_mode(): 0 | 1 | 2 {
    return this.#updateMode;
  }
  set visibility_update_mode(mode: number) {
    if (mode === 0 || mode === 1 || mode === 2) this.#updateMode = mode;
    else printError(`Invalid visibility update mode ${describe(mode)}: it must be 0, 1 or 2.`);
  }
  get_visibility_update_mode(): 0 | 1 | 2 {
    return this.#updateMode;
  }
  set_visibility_update_mode(mode: number): void {
    this.visibility_update_mode = mode;
  }

  /** Visible to every peer (unless a filter says no). */
  get public_visibility(): boolean {
    return this.#visibility.has(0);
  }
  set public_visibility(visible: boolean) {
    this.set_visibility_for(0, visible);
  }
  is_visibility_public(): boolean {
    return this.public_visibility;
  }
  set_visibility_public(visible: boolean): void {
    this.set_visibility_for(0, visible);
  }

  // --- visibility --------------------------------------------------------------------------------

  /** Makes this node visible (or not) to `peer`; 0 is every peer (public_visibility). */
  set_visibility_for(peer: number, visible: boolean): void {
    if (!Number.isInteger(peer)) {
      printError(`set_visibility_for() needs an integer peer id, got ${describe(peer)}.`);
      return;
    }
    if (typeof visible !== "boolean") {
      printError(`set_visibility_for() needs a bool, got ${describe(visible)}.`);
      return;
    }
    if (this.#visibility.has(peer) === visible) return;
    if (visible) this.#visibility.add(peer);
    else this.#visibility.delete(peer);
    this.update_visibility(peer);
  }

  get_visibility_for(peer: number): boolean {
    return this.#visibility.has(peer);
  }

  /** A filter `(peer) => bool` that every peer must pass to see this node. */
  add_visibility_filter(filter: (peer: number) => boolean): void {
    if (typeof filter !== "function") {
      printError(`add_visibility_filter() needs a Callable, got ${describe(filter)}.`);
      return;
    }
    this.#filters.add(filter);
  }

  remove_visibility_filter(filter: (peer: number) => boolean): void {
    if (!this.#filters.delete(filter))
      printError(`remove_visibility_filter(): ${describe(filter)} is not a filter of this synchronizer.`);
  }

  /** On the authority: tells the replication layer to recheck visibility for `for_peer` (0: every peer). */
  update_visibility(for_peer = 0): void {
    if (!Number.isInteger(for_peer)) {
      printError(`update_visibility() needs an integer peer id, got ${describe(for_peer)}.`);
      return;
    }
    const api = this.is_inside_tree() ? this.multiplayer : null;
    const root = this.is_inside_tree() ? this.get_node_or_null(this.#rootPath) : null;
    if (root && api?.has_multiplayer_peer() && this.is_multiplayer_authority())
      this.visibility_changed.emit(for_peer);
  }

  /** Changing the authority restarts replication, as in Godot. */
  override set_multiplayer_authority(id: number, recursive = true): void {
    if (this.get_multiplayer_authority() === id) return;
    this.#stop();
    super.set_multiplayer_authority(id, recursive);
    this.#start();
  }

  // --- for the replication layer -----------------------------------------------------------------

  /** @internal Whether `peer` may see this node: every filter passes, and it is public or visible to `peer`. */
  _isVisibleTo(peer: number): boolean {
    for (const filter of this.#filters) {
      let visible: unknown;
      try {
        visible = filter(peer);
      } catch (error) {
        printError(`Visibility filter failed: ${(error as Error)?.message ?? error}`);
        return false;
      }
      if (typeof visible !== "boolean") {
        printError(`A visibility filter must return a bool, got ${describe(visible)}.`);
        return false;
      }
      if (!visible) return false;
    }
    return this.#visibility.has(0) || this.#visibility.has(peer);
  }

  /** @internal Whether the replication layer reruns the filters each frame. */
  _updatesVisibilityEachFrame(): boolean {
    return this.#filters.size > 0 && this.#updateMode !== MultiplayerSynchronizer.VISIBILITY_PROCESS_NONE;
  }

  /** @internal The node whose properties are replicated, while replication runs. */
  _rootNode(): Node | null {
    return this.#root;
  }

  /** @internal Milliseconds between SYNC messages, and between deltas. */
  _intervals(): { sync: number; delta: number } {
    return { sync: this.#intervalMs, delta: this.#deltaIntervalMs };
  }

  #start(): void {
    this.#root = null;
    const node = this.is_inside_tree() ? this.get_node_or_null(this.#rootPath) : null;
    if (!node) return;
    this.#root = node;
    this.multiplayer?.object_configuration_add(node, this);
  }

  #stop(): void {
    this.#root = null;
    const node = this.is_inside_tree() ? this.get_node_or_null(this.#rootPath) : null;
    if (node) this.multiplayer?.object_configuration_remove(node, this);
  }
}

/** Milliseconds from a non-negative number of seconds; null after Godot's print otherwise. */
function intervalMs(seconds: unknown): number | null {
  if (typeof seconds === "number" && seconds >= 0 && Number.isFinite(seconds)) return seconds * 1000;
  printError("Interval must be greater or equal to 0 (where 0 means default)");
  return null;
}
