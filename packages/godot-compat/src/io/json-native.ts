// Follows Godot's core/io/json.cpp (from_native, to_native).
// Godot types through JSON: ints, floats, strings, StringNames and NodePaths as prefixed strings ("i:1",
// "f:1.5", "s:text", "sn:name", "np:/root"), the rest as {"type": name, "args": [...]}. Objects are not
// written (full_objects needs Godot's class database of properties); a Signal or Callable keeps only its type.
import { printError } from "../core/print.js";
import { dictionaryEntries, isDictionary } from "../variant/dictionary.js";
import { packedFromItems } from "../variant/packed-from-items.js";
import { floatText } from "../variant/stringify.js";
import { TYPE_NAMES, variantType } from "../variant/type-of.js";
import type { Variant } from "../variant/variant.js";
import * as T from "../variant/variant-ids.js";
import { structOfType, structOfValue } from "../variant/variant-structs.js";
import { GodotFloat, NodePath, StringName } from "../variant/variant-types.js";

function refuse(message: string): null {
  printError(message);
  return null;
}

export function jsonFromNative(value: unknown, fullObjects: boolean, depth = 0): Variant {
  if (depth > 1024) return refuse("Variant is too deep. Bailing.");
  const type = variantType(value);
  const typed = (args: Variant[]) => ({ type: TYPE_NAMES[type]!, args });
  switch (type) {
    case T.TYPE_NIL:
      return null;
    case T.TYPE_BOOL:
      return value as boolean;
    case T.TYPE_INT:
      return `i:${String(value)}`;
    case T.TYPE_FLOAT: {
      const n = Number(value);
      return `f:${Number.isInteger(n) ? `${n}.0` : floatText(n)}`;
    }
    case T.TYPE_STRING:
      return `s:${value as string}`;
    case T.TYPE_STRING_NAME:
      return `sn:${String(value)}`;
    case T.TYPE_NODE_PATH:
      return `np:${String(value)}`;
    case T.TYPE_CALLABLE:
    case T.TYPE_SIGNAL:
      return { type: TYPE_NAMES[type]! };
    case T.TYPE_ARRAY:
      return (value as unknown[]).map((v) => jsonFromNative(v, fullObjects, depth + 1));
    case T.TYPE_DICTIONARY: {
      const entries = dictionaryEntries(value as object);
      return typed(
        entries.flatMap(([k, v]) => [
          jsonFromNative(k, fullObjects, depth + 1),
          jsonFromNative(v, fullObjects, depth + 1),
        ]),
      );
    }
    case T.TYPE_OBJECT:
      return refuse(
        fullObjects
          ? "JSON.from_native(): Objects are not written by this port."
          : 'JSON.from_native(): Condition "!p_full_objects" is true.',
      );
  }
  const struct = structOfValue(value as object);
  if (struct !== undefined) return typed(struct.flatten(value as never));
  // The packed arrays: numbers as they are, vectors and colors flattened.
  const items = Array.from(value as ArrayLike<unknown>);
  return typed(
    items.flatMap((item) => {
      const inner = typeof item === "object" && item !== null ? structOfValue(item) : undefined;
      return inner
        ? inner.flatten(item as never)
        : [typeof item === "bigint" ? Number(item) : (item as Variant)];
    }),
  );
}

export function jsonToNative(json: unknown, allowObjects: boolean, depth = 0): Variant {
  if (depth > 1024) return refuse("Variant is too deep. Bailing.");
  if (json === null || json === undefined || typeof json === "boolean") return json ?? null;
  if (typeof json === "string") {
    const prefix = /^(i|f|s|sn|np):/.exec(json);
    if (prefix === null) return refuse("Invalid string, the type prefix is not recognized.");
    const rest = json.slice(prefix[0].length);
    switch (prefix[1]) {
      case "i":
        return Number.parseInt(rest, 10) || 0;
      case "f": {
        // A whole float stays a float (GodotFloat), so that it encodes and prints as one.
        const n = Number.parseFloat(rest) || 0;
        return Number.isInteger(n) ? new GodotFloat(n) : n;
      }
      case "s":
        return rest;
      case "sn":
        return new StringName(rest);
      default:
        return new NodePath(rest);
    }
  }
  if (Array.isArray(json)) return json.map((v) => jsonToNative(v, allowObjects, depth + 1));
  if (!isDictionary(json) || json instanceof Map || typeof json.type !== "string") {
    return refuse('JSON.to_native(): Condition "!dict.has(TYPE)" is true.');
  }
  const type = TYPE_NAMES.indexOf(json.type);
  const args = Array.isArray(json.args) ? (json.args as unknown[]) : null;
  if (type === T.TYPE_CALLABLE || type === T.TYPE_SIGNAL)
    return refuse(`JSON.to_native(): a ${json.type} cannot be rebuilt here.`);
  if (args === null) return refuse('JSON.to_native(): Condition "!dict.has(ARGS)" is true.');
  const struct = structOfType(type);
  if (struct !== undefined) {
    if (args.length !== struct.size)
      return refuse(`JSON.to_native(): ${json.type} needs ${struct.size} args.`);
    return struct.build(args.map(Number)) as Variant;
  }
  if (type === T.TYPE_DICTIONARY) {
    if (args.length % 2 !== 0) return refuse("JSON.to_native(): a Dictionary needs key and value pairs.");
    const pairs: [Variant, Variant][] = [];
    for (let i = 0; i < args.length; i += 2)
      pairs.push([
        jsonToNative(args[i], allowObjects, depth + 1),
        jsonToNative(args[i + 1], allowObjects, depth + 1),
      ]);
    return pairs.every(([k]) => typeof k === "string")
      ? Object.fromEntries(pairs as [string, Variant][])
      : new Map(pairs);
  }
  if (type === T.TYPE_ARRAY) return args.map((v) => jsonToNative(v, allowObjects, depth + 1));
  const packed = packedFromItems(json.type);
  if (packed !== undefined) {
    if (args.length % packed.size !== 0)
      return refuse(`JSON.to_native(): ${json.type} args must come in groups of ${packed.size}.`);
    return packed.build(args);
  }
  return refuse(`JSON.to_native(): Invalid type "${json.type}".`);
}
