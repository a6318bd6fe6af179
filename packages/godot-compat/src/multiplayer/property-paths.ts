// Follows Godot's modules/multiplayer/multiplayer_synchronizer.cpp (get_state, set_state).
// Reading and writing replicated properties by Godot's property paths: "node path:property[:sub]" from the
// synchronizer's root (".:position", "Sprite:modulate", "Body:position:x"). A nested value (a Vector2's x) is
// written back through its owner, as Godot's set_indexed does for value types.
import type { Node } from "../scene/node.js";
import type { Variant } from "../variant/variant-types.js";
import { NodePath } from "../variant/variant-types.js";

type Indexable = Record<string, unknown>;

/** The object a path's node part names, from `root`; a string (Godot's words) when there is none. */
function target(root: Node, path: NodePath): Indexable | string {
  // "." (".:position", the usual case) is the root itself, as the tree would resolve it.
  if (path.names.every((name) => name === ".")) return root as unknown as Indexable;
  const node = root.get_node_or_null(path.names.join("/"));
  return node ? (node as unknown as Indexable) : `Node '${path}' not found.`;
}

function isIndexable(value: unknown): value is Indexable {
  return (typeof value === "object" || typeof value === "function") && value !== null;
}

/** A property path parsed once, for reading it every frame. */
export interface ParsedPath {
  text: string;
  path: NodePath;
}

export function parsePaths(paths: readonly string[]): ParsedPath[] {
  return paths.map((text) => ({ text, path: new NodePath(text) }));
}

/** A config's list of paths, parsed again only when the config hands out another list. */
export class ParsedPathsCache {
  #source: readonly string[] | null = null;
  #parsed: ParsedPath[] = [];

  of(paths: readonly string[]): readonly ParsedPath[] {
    if (paths !== this.#source) {
      this.#source = paths;
      this.#parsed = parsePaths(paths);
    }
    return this.#parsed;
  }
}

/** The values at `paths`, in order; a string (Godot's words) for the first one that is missing. */
export function readProperties(paths: readonly string[], root: Node): Variant[] | string {
  return readParsed(parsePaths(paths), root);
}

/** readProperties() for paths parsed before. */
export function readParsed(paths: readonly ParsedPath[], root: Node): Variant[] | string {
  const values: Variant[] = [];
  for (const { text, path } of paths) {
    let value: unknown = target(root, path);
    if (typeof value === "string") return value;
    for (const name of path.subnames) {
      if (!isIndexable(value) || !(name in value)) return `Property '${text}' not found.`;
      value = value[name];
    }
    values.push(value as Variant);
  }
  return values;
}

/** Writes `values` to `paths`; a string (Godot's words) when a path's node is missing. */
export function writeProperties(
  paths: readonly string[],
  root: Node,
  values: readonly Variant[],
): string | null {
  return writeParsed(parsePaths(paths), root, values);
}

/** writeProperties() for paths parsed before. */
export function writeParsed(
  paths: readonly ParsedPath[],
  root: Node,
  values: readonly Variant[],
): string | null {
  for (let i = 0; i < paths.length; i++) {
    const { path } = paths[i]!;
    const owner = target(root, path);
    if (typeof owner === "string") return owner;
    setIndexed(owner, path.subnames, values[i] ?? null);
  }
  return null;
}

/** obj[a][b] = value, with obj[a] written back; a missing property is left alone, as Godot's set_indexed does. */
function setIndexed(object: Indexable, names: readonly string[], value: unknown, from = 0): void {
  const first = names[from];
  if (first === undefined || !(first in object)) return;
  if (from === names.length - 1) {
    object[first] = value;
    return;
  }
  const inner = object[first];
  if (!isIndexable(inner)) return;
  setIndexed(inner, names, value, from + 1);
  object[first] = inner;
}
