// Follows Godot's modules/multiplayer/scene_replication_config.cpp.
// Which properties of a node a MultiplayerSynchronizer replicates, and how: in the spawn message
// (spawn), every sync interval (REPLICATION_MODE_ALWAYS) or only when changed (REPLICATION_MODE_ON_CHANGE).
// Paths are Godot's property paths: "node path:property[:sub]" from the synchronizer's root, ".:position".
import { describe } from "@wsport/core/internal";
import { constantsOnInstances } from "../core/class-constants.js";
import { printError } from "../core/print.js";
import { NodePath } from "../variant/variant-types.js";

interface ReplicationProperty {
  path: string;
  spawn: boolean;
  mode: 0 | 1 | 2;
}

/** At most 64 ON_CHANGE properties per object: a delta names them by the bits of a 64-bit mask. */
const MAX_WATCHED = 64;

/** A property path as written ("Sprite:modulate"); null when `path` is neither a String nor a NodePath. */
function pathText(path: unknown): string | null {
  if (path instanceof NodePath) return path.toString();
  if (typeof path === "string") return new NodePath(path).toString();
  return null;
}

export class SceneReplicationConfig {
  static readonly REPLICATION_MODE_NEVER = 0 as const;
  static readonly REPLICATION_MODE_ALWAYS = 1 as const;
  static readonly REPLICATION_MODE_ON_CHANGE = 2 as const;
  declare readonly REPLICATION_MODE_NEVER: 0;
  declare readonly REPLICATION_MODE_ALWAYS: 1;
  declare readonly REPLICATION_MODE_ON_CHANGE: 2;

  static new(): SceneReplicationConfig {
    return new SceneReplicationConfig();
  }

  readonly #properties: ReplicationProperty[] = [];
  /** The lists the replication layer reads, rebuilt after a change (Godot's _update). */
  #lists: { spawn: string[]; sync: string[]; watch: string[] } | null = null;

  constructor() {
    if (!Object.hasOwn(SceneReplicationConfig.prototype, "REPLICATION_MODE_NEVER"))
      constantsOnInstances(SceneReplicationConfig);
  }

  /** Every property path, in order. */
  get_properties(): NodePath[] {
    return this.#properties.map((p) => new NodePath(p.path));
  }

  /** Adds a property (spawned, synchronized ALWAYS) at `index` (-1: at the end). */
  add_property(path: NodePath | string, index = -1): void {
    const text = pathText(path);
    if (text === null || text === "") {
      printError(
        `Condition "p_path == NodePath()" is true: add_property() needs a property path, got ${describe(path)}.`,
      );
      return;
    }
    if (this.#find(text)) {
      printError(`Condition "properties.find(p_path)" is true: "${text}" is already configured.`);
      return;
    }
    if (!Number.isInteger(index) || index > this.#properties.length) {
      printError(
        `Index p_index = ${describe(index)} is out of bounds (properties.size() = ${this.#properties.length}).`,
      );
      return;
    }
    const property = { path: text, spawn: true, mode: SceneReplicationConfig.REPLICATION_MODE_ALWAYS };
    if (index < 0) this.#properties.push(property);
    else this.#properties.splice(index, 0, property);
    this.#lists = null;
  }

  remove_property(path: NodePath | string): void {
    const text = pathText(path);
    const at = this.#properties.findIndex((p) => p.path === text);
    if (at >= 0) this.#properties.splice(at, 1);
    this.#lists = null;
  }

  has_property(path: NodePath | string): boolean {
    return this.#find(pathText(path)) !== undefined;
  }

  /** The property's position, -1 (after Godot's print) when it is not configured. */
  property_get_index(path: NodePath | string): number {
    const text = pathText(path);
    const at = this.#properties.findIndex((p) => p.path === text);
    if (at < 0) printError(`Method/function failed. Returning: -1 ("${String(path)}" is not configured).`);
    return at;
  }

  property_get_spawn(path: NodePath | string): boolean {
    return this.#get(path)?.spawn ?? false;
  }
  property_set_spawn(path: NodePath | string, enabled: boolean): void {
    const property = this.#get(path);
    if (!property) return;
    if (typeof enabled !== "boolean") {
      printError(`property_set_spawn() needs a bool, got ${describe(enabled)}.`);
      return;
    }
    property.spawn = enabled;
    this.#lists = null;
  }

  property_get_replication_mode(path: NodePath | string): 0 | 1 | 2 {
    return this.#get(path)?.mode ?? SceneReplicationConfig.REPLICATION_MODE_NEVER;
  }
  property_set_replication_mode(path: NodePath | string, mode: number): void {
    const property = this.#get(path);
    if (!property) return;
    if (mode !== 0 && mode !== 1 && mode !== 2) {
      printError(
        `Invalid replication mode ${describe(mode)}: it must be REPLICATION_MODE_NEVER, _ALWAYS or _ON_CHANGE.`,
      );
      return;
    }
    property.mode = mode;
    this.#lists = null;
  }

  /** Deprecated in Godot: whether the mode is ALWAYS. */
  property_get_sync(path: NodePath | string): boolean {
    return this.#get(path)?.mode === SceneReplicationConfig.REPLICATION_MODE_ALWAYS;
  }
  property_set_sync(path: NodePath | string, enabled: boolean): void {
    this.#setModeFlag(path, enabled, SceneReplicationConfig.REPLICATION_MODE_ALWAYS);
  }

  /** Deprecated in Godot: whether the mode is ON_CHANGE. */
  property_get_watch(path: NodePath | string): boolean {
    return this.#get(path)?.mode === SceneReplicationConfig.REPLICATION_MODE_ON_CHANGE;
  }
  property_set_watch(path: NodePath | string, enabled: boolean): void {
    this.#setModeFlag(path, enabled, SceneReplicationConfig.REPLICATION_MODE_ON_CHANGE);
  }

  #setModeFlag(path: NodePath | string, enabled: boolean, mode: number): void {
    if (typeof enabled !== "boolean") {
      printError(`Expected a bool, got ${describe(enabled)}.`);
      return;
    }
    if (enabled) this.property_set_replication_mode(path, mode);
    else if (this.property_get_replication_mode(path) === mode)
      this.property_set_replication_mode(path, SceneReplicationConfig.REPLICATION_MODE_NEVER);
  }

  /** @internal The paths sent in a spawn message, in order. */
  _spawnProperties(): readonly string[] {
    return this.#update().spawn;
  }
  /** @internal The paths sent every sync interval, in order. */
  _syncProperties(): readonly string[] {
    return this.#update().sync;
  }
  /** @internal The paths sent when they change (at most 64), in order. */
  _watchProperties(): readonly string[] {
    return this.#update().watch;
  }

  #update(): { spawn: string[]; sync: string[]; watch: string[] } {
    if (this.#lists) return this.#lists;
    const lists = { spawn: [] as string[], sync: [] as string[], watch: [] as string[] };
    for (const property of this.#properties) {
      if (property.spawn) lists.spawn.push(property.path);
      if (property.mode === SceneReplicationConfig.REPLICATION_MODE_ALWAYS) lists.sync.push(property.path);
      else if (property.mode === SceneReplicationConfig.REPLICATION_MODE_ON_CHANGE) {
        if (lists.watch.length < MAX_WATCHED) lists.watch.push(property.path);
        else
          printError(
            "Reached limit of 64 properties with 'REPLICATION_MODE_ON_CHANGE' mode per single object. Ignoring this property.",
          );
      }
    }
    this.#lists = lists;
    return lists;
  }

  #find(text: string | null): ReplicationProperty | undefined {
    return this.#properties.find((p) => p.path === text);
  }

  /** The property, or undefined after Godot's print. */
  #get(path: NodePath | string): ReplicationProperty | undefined {
    const property = this.#find(pathText(path));
    if (!property) printError(`Condition "!E" is true: the property "${String(path)}" is not configured.`);
    return property;
  }
}
