// The Variant functions ports call: var_to_bytes / bytes_to_var, and the put_var / get_var helpers
// every peer shares. The format itself is in variant-codec.ts.
import type { GodotError } from "./error.js";
import { asPacked, decodeVar, PackedByteArray } from "./packed-byte-array.js";
import { printError } from "./print.js";
import { encodeVariant } from "./variant-codec.js";
import type * as V from "./variant-types.js";

/**
 * What the format carries. An int is a JS integer (a bigint beyond 2^53), a float any other number
 * (or `float(x)`); a Dictionary with only String keys is a plain object, any other a Map.
 */
export type Variant =
  | null
  | boolean
  | number
  | bigint
  | string
  | V.GodotFloat
  | V.StringName
  | V.NodePath
  | V.Vector2
  | V.Vector2i
  | V.Rect2
  | V.Rect2i
  | V.Vector3
  | V.Vector3i
  | V.Transform2D
  | V.Vector4
  | V.Vector4i
  | V.Plane
  | V.Quaternion
  | V.AABB
  | V.Basis
  | V.Transform3D
  | V.Projection
  | V.Color
  | Variant[]
  | Uint8Array
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array
  | V.PackedStringArray
  | V.PackedVector2Array
  | V.PackedVector3Array
  | V.PackedColorArray
  | V.PackedVector4Array
  | { [key: string]: Variant }
  | Map<Variant, Variant>;

/** Encodes a value; returns the bytes, or prints why it cannot and returns the Godot error code. */
export function encodeVar(value: unknown, caller = "var_to_bytes()"): PackedByteArray | GodotError {
  const encoded = encodeVariant(value);
  if (encoded instanceof Uint8Array) return asPacked(encoded);
  printError(`${caller} cannot encode this value: ${encoded.why}.`);
  return encoded.code;
}

/** Decodes one value from the start of `bytes`; null on any error, as Godot's bytes_to_var. */
export function bytesToVar(bytes: Uint8Array, _allowObjects = false): Variant {
  const decoded = decodeVar(bytes);
  return typeof decoded === "number" ? null : decoded[0];
}

/** GDScript's `var_to_bytes()`: an empty array when the value cannot be encoded. */
export function var_to_bytes(value: unknown): PackedByteArray {
  const encoded = encodeVar(value);
  return typeof encoded === "number" ? new PackedByteArray(0) : encoded;
}

/** GDScript's `bytes_to_var()`: null (after an error print) when the bytes are not a valid Variant. */
export function bytes_to_var(bytes: Uint8Array): Variant {
  if (!(bytes instanceof Uint8Array)) {
    printError("bytes_to_var() needs a PackedByteArray.");
    return null;
  }
  return bytesToVar(bytes);
}
