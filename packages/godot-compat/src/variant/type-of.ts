// Follows Godot's core/variant/variant.cpp (get_type, get_type_name).
// Which Variant type a JavaScript value stands for, as GDScript's typeof() answers, and each type's name.
import { Signal } from "../core/signal.js";
import { isDictionary } from "./dictionary.js";
import * as T from "./variant-ids.js";
import { PACKED_STRUCTS, structOfValue } from "./variant-structs.js";
import { GodotFloat, NodePath, PackedStringArray, StringName } from "./variant-types.js";

/** Variant::get_type_name for each type id. */
export const TYPE_NAMES: readonly string[] = [
  "Nil",
  "bool",
  "int",
  "float",
  "String",
  "Vector2",
  "Vector2i",
  "Rect2",
  "Rect2i",
  "Vector3",
  "Vector3i",
  "Transform2D",
  "Vector4",
  "Vector4i",
  "Plane",
  "Quaternion",
  "AABB",
  "Basis",
  "Transform3D",
  "Projection",
  "Color",
  "StringName",
  "NodePath",
  "RID",
  "Object",
  "Callable",
  "Signal",
  "Dictionary",
  "Array",
  "PackedByteArray",
  "PackedInt32Array",
  "PackedInt64Array",
  "PackedFloat32Array",
  "PackedFloat64Array",
  "PackedStringArray",
  "PackedVector2Array",
  "PackedVector3Array",
  "PackedColorArray",
  "PackedVector4Array",
];

const ARRAYS: ReadonlyArray<[abstract new (...args: never[]) => object, number]> = [
  [Uint8Array, T.TYPE_PACKED_BYTE_ARRAY],
  [Int32Array, T.TYPE_PACKED_INT32_ARRAY],
  [BigInt64Array, T.TYPE_PACKED_INT64_ARRAY],
  [Float32Array, T.TYPE_PACKED_FLOAT32_ARRAY],
  [Float64Array, T.TYPE_PACKED_FLOAT64_ARRAY],
  [PackedStringArray, T.TYPE_PACKED_STRING_ARRAY],
];

/** GDScript's typeof(): the TYPE_* id of a value (a whole JavaScript number is an int, any other a float). */
export function variantType(value: unknown): number {
  switch (typeof value) {
    case "undefined":
      return T.TYPE_NIL;
    case "boolean":
      return T.TYPE_BOOL;
    case "bigint":
      return T.TYPE_INT;
    case "number":
      return Number.isInteger(value) ? T.TYPE_INT : T.TYPE_FLOAT;
    case "string":
      return T.TYPE_STRING;
    case "function":
      return T.TYPE_CALLABLE;
  }
  if (value === null) return T.TYPE_NIL;
  if (value instanceof GodotFloat) return T.TYPE_FLOAT;
  if (value instanceof StringName) return T.TYPE_STRING_NAME;
  if (value instanceof NodePath) return T.TYPE_NODE_PATH;
  const struct = structOfValue(value as object);
  if (struct !== undefined) return struct.type;
  for (const [cls, type] of ARRAYS) if (value instanceof cls) return type;
  for (const [type, cls] of PACKED_STRUCTS) if (value instanceof cls) return type;
  if (Array.isArray(value)) return T.TYPE_ARRAY;
  if (isDictionary(value)) return T.TYPE_DICTIONARY;
  if (value instanceof Signal) return T.TYPE_SIGNAL;
  return T.TYPE_OBJECT;
}
