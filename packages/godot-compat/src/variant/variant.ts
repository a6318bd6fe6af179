// Follows Godot's core/io/marshalls.cpp, core/variant/variant_utility.cpp.
// The Variant functions ports call: var_to_bytes / bytes_to_var, and the put_var / get_var helpers
// every peer shares. The format itself is in variant-codec.ts.
import type { GodotError } from "../core/error.js";
import { printError } from "../core/print.js";
import { asPacked, decodeVar, PackedByteArray } from "./packed-byte-array.js";
import { encodeVariant } from "./variant-codec.js";
import type { Variant } from "./variant-types.js";

export type { Variant };

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
