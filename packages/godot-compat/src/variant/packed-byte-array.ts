// Follows Godot's core/variant/variant_call.cpp (PackedByteArray's methods).
// PackedByteArray is a Uint8Array with the Godot methods ports use. A Uint8Array has a fixed
// length, so Godot's resizing methods (append, resize, clear, ...) are not here.
// decode_*/encode_* are little-endian, as in Godot; out-of-range offsets print an error and
// decode 0 (or write nothing).
import { decodeUtf8, describe, encodeUtf8, isValidUtf8 } from "@wsport/core/internal";
import type { GodotError } from "../core/error.js";
import { printError } from "../core/print.js";
import { decodeFailed, decodeVariant } from "./variant-codec.js";
import type { Variant } from "./variant-types.js";

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: see the interface below
export class PackedByteArray extends Uint8Array {
  size(): number {
    return this.length;
  }

  is_empty(): boolean {
    return this.length === 0;
  }

  /** A copy (GDScript arrays are values; `duplicate()` is how ports ask for a copy). */
  duplicate(): PackedByteArray {
    return new PackedByteArray(this);
  }

  /** UTF-8 up to the first NUL byte; a leading BOM is skipped; invalid bytes become U+FFFD. */
  get_string_from_utf8(): string {
    const bytes = this.#untilNul();
    const text = decodeUtf8(bytes); // TextDecoder drops a leading BOM, as Godot does
    if (text.includes("\uFFFD") && !isValidUtf8(bytes)) printError("Unicode parsing error");
    return text;
  }

  /** One character per byte (Latin-1), up to the first NUL byte. */
  get_string_from_ascii(): string {
    const bytes = this.#untilNul();
    let text = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    }
    return text;
  }

  /** Lower-case hexadecimal, two digits per byte. */
  hex_encode(): string {
    let hex = "";
    for (const byte of this) hex += (byte < 16 ? "0" : "") + byte.toString(16);
    return hex;
  }

  /** Decodes a Variant (the put_var/var_to_bytes format) starting at `byte_offset`; null on error. */
  decode_var(byte_offset: number, allow_objects = false): Variant {
    if (!Number.isInteger(byte_offset) || byte_offset < 0 || byte_offset > this.length) {
      printError(
        `decode_var(): byte_offset ${describe(byte_offset)} is out of bounds (size ${this.length}).`,
      );
      return null;
    }
    const decoded = decodeVar(this.subarray(byte_offset), allow_objects);
    return typeof decoded === "number" ? null : decoded[0];
  }

  #untilNul(): Uint8Array {
    const nul = this.indexOf(0);
    return nul < 0 ? this : this.subarray(0, nul);
  }
}

/** GDScript's `String.to_utf8_buffer()`. */
export function to_utf8_buffer(text: string): PackedByteArray {
  return asPacked(encodeUtf8(String(text)));
}

/**
 * Decodes one Variant from the start of `bytes`: `[value, bytes used]`, or Godot's error code after
 * its error print. Here rather than in variant.ts because decode_var needs it and variant.ts needs
 * PackedByteArray: this way the two modules do not import each other.
 */
export function decodeVar(bytes: Uint8Array, _allowObjects = false): [Variant, number] | GodotError {
  const decoded = decodeVariant(bytes, asPacked);
  if (!decodeFailed(decoded)) return decoded as [Variant, number];
  printError(`Not enough bytes for decoding bytes, or invalid format. (${decoded.why})`);
  return decoded.code;
}

/** The same bytes seen as a PackedByteArray (no copy). */
export function asPacked(bytes: Uint8Array): PackedByteArray {
  return new PackedByteArray(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
}

// The 20 decode_X / encode_X methods, made from one table below to keep the bundle small.
export interface PackedByteArray {
  decode_u8(byte_offset: number): number;
  decode_s8(byte_offset: number): number;
  decode_u16(byte_offset: number): number;
  decode_s16(byte_offset: number): number;
  decode_u32(byte_offset: number): number;
  decode_s32(byte_offset: number): number;
  /** 64-bit integers are bigints: they do not fit a JS number. */
  decode_u64(byte_offset: number): bigint;
  decode_s64(byte_offset: number): bigint;
  decode_float(byte_offset: number): number;
  decode_double(byte_offset: number): number;
  encode_u8(byte_offset: number, value: number): void;
  encode_s8(byte_offset: number, value: number): void;
  encode_u16(byte_offset: number, value: number): void;
  encode_s16(byte_offset: number, value: number): void;
  encode_u32(byte_offset: number, value: number): void;
  encode_s32(byte_offset: number, value: number): void;
  encode_u64(byte_offset: number, value: bigint | number): void;
  encode_s64(byte_offset: number, value: bigint | number): void;
  encode_float(byte_offset: number, value: number): void;
  encode_double(byte_offset: number, value: number): void;
}

type Accessors = Record<string, (offset: number, ...rest: unknown[]) => number | bigint>;

// Godot's suffix, DataView's name, size in bytes.
for (const [suffix, type, size] of [
  ["u8", "Uint8", 1],
  ["s8", "Int8", 1],
  ["u16", "Uint16", 2],
  ["s16", "Int16", 2],
  ["u32", "Uint32", 4],
  ["s32", "Int32", 4],
  ["u64", "BigUint64", 8],
  ["s64", "BigInt64", 8],
  ["float", "Float32", 4],
  ["double", "Float64", 8],
] as const) {
  const big = size === 8 && type !== "Float64";
  const target = PackedByteArray.prototype as unknown as Record<string, unknown>;
  target[`decode_${suffix}`] = function (this: PackedByteArray, offset: number) {
    const view = viewAt(this, offset, size);
    return view ? view[`get${type}`]!(offset, true) : big ? 0n : 0;
  };
  target[`encode_${suffix}`] = function (this: PackedByteArray, offset: number, value: number | bigint) {
    if (typeof value !== "number" && typeof value !== "bigint") {
      printError(`encode_${suffix}() needs a number, got ${describe(value)}.`);
      return;
    }
    const view = viewAt(this, offset, size);
    if (view) view[`set${type}`]!(offset, big ? BigInt(value) : Number(value), true);
  };
}

function viewAt(bytes: Uint8Array, offset: number, size: number): Accessors | undefined {
  if (Number.isInteger(offset) && offset >= 0 && offset + size <= bytes.length) {
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as Accessors;
  }
  printError(
    `Index p_offset = ${describe(offset)} is out of bounds (size() - ${size} = ${bytes.length - size}).`,
  );
  return undefined;
}
