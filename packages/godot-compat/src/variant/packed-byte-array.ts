// Follows Godot's core/variant/variant_call.cpp (PackedByteArray's methods).
// PackedByteArray is a Uint8Array with the Godot methods ports use. A Uint8Array has a fixed
// length, so Godot's resizing methods (append, resize, clear, ...) are not here.
// decode_*/encode_* are little-endian, as in Godot; out-of-range offsets print an error and
// decode 0 (or write nothing).
import { decodeUtf8, describe, encodeUtf8, isValidUtf8 } from "@wsport/core/internal";
import type { GodotError } from "../core/error.js";
import { printError } from "../core/print.js";
import { halfBits, halfValue } from "./half-float.js";
import { decodeFailed, decodeVariant, encodeVariant } from "./variant-codec.js";
import {
  Color,
  PackedColorArray,
  PackedFloat32Array,
  PackedFloat64Array,
  PackedInt32Array,
  PackedInt64Array,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
  type Variant,
  Vector2,
  Vector3,
  Vector4,
} from "./variant-types.js";

/** Whether `index` is a whole number that names a byte of `array` (negative: from the end). */
function byteIndex(array: Uint8Array, index: unknown, caller: string): number | null {
  const at = typeof index === "number" && Number.isInteger(index) && index < 0 ? array.length + index : index;
  if (typeof at === "number" && Number.isInteger(at) && at >= 0 && at < array.length) return at;
  printError(`${caller}: index ${describe(index)} is out of bounds (size ${array.length}).`);
  return null;
}

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

  // --- Godot's array methods (a Godot call never gets Uint8Array's answer) -------------------------

  /** The byte at `index` (negative: from the end); 0 with an error print out of bounds. */
  get(index: number): number {
    const at = byteIndex(this, index, "get()");
    return at === null ? 0 : this[at]!;
  }

  /** Godot's `set(index, value)`; given an array first, it is Uint8Array's `set(array, offset)`. */
  override set(index: number, value: number): void;
  override set(array: ArrayLike<number>, offset?: number): void;
  override set(index: number | ArrayLike<number>, value?: number): void {
    if (typeof index !== "number") {
      super.set(index, value);
      return;
    }
    const at = byteIndex(this, index, "set()");
    if (at !== null) this[at] = Number(value);
  }

  /** Every byte set to `value` (Uint8Array's start and end are still taken). */
  override fill(value: number): this;
  override fill(value: number, start?: number, end?: number): this;
  override fill(value: number, start?: number, end?: number): this {
    return super.fill(value, start, end);
  }

  /** Whether `value` is in the array. */
  has(value: number): boolean {
    return this.includes(value);
  }

  /** Reverses the bytes in place. */
  override reverse(): this {
    return super.reverse();
  }

  /** Bytes from `begin` up to, not including, `end` (negative: from the end), as a new array. */
  override slice(begin: number, end?: number): PackedByteArray;
  override slice(begin?: number, end?: number): PackedByteArray;
  override slice(begin = 0, end = 2147483647): PackedByteArray {
    return super.slice(begin, end) as PackedByteArray; // a PackedByteArray already: the class is its species
  }

  /** Sorts ascending, in place (a comparator, if given, is Uint8Array's). */
  override sort(): this;
  override sort(compareFn?: (a: number, b: number) => number): this;
  override sort(compareFn?: (a: number, b: number) => number): this {
    return super.sort(compareFn);
  }

  /** The index of the first `value` at or after `from`, or -1; given a function, it is Uint8Array's find. */
  override find(value: number, from?: number): number;
  override find(
    predicate: (value: number, index: number, array: this) => unknown,
    thisArg?: unknown,
  ): number | undefined;
  override find(value: unknown, from: unknown = 0): number | undefined {
    if (typeof value === "function")
      return super.find(value as (v: number, i: number, a: this) => boolean, from);
    const start = Number(from) < 0 ? Math.max(0, this.length + Number(from)) : Number(from);
    return this.indexOf(Number(value), start);
  }

  /** The index of the last `value` at or before `from` (-1: the end), or -1. */
  rfind(value: number, from = -1): number {
    const start = from < 0 ? this.length + from : from;
    return start < 0 ? -1 : this.lastIndexOf(value, start);
  }

  /** How many times `value` is in the array. */
  count(value: number): number {
    let n = 0;
    for (const byte of this) if (byte === value) n++;
    return n;
  }

  /** Where `value` is or would go in this sorted array (before equal bytes, or after them). */
  bsearch(value: number, before = true): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before ? this[middle]! < value : this[middle]! <= value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // --- text in other encodings --------------------------------------------------------------------

  /** UTF-16 (little-endian, or as a byte order mark says), up to the first NUL character. */
  get_string_from_utf16(): string {
    return this.#decode("utf-16le", 2);
  }
  /** UTF-32 (little-endian), up to the first NUL character. */
  get_string_from_utf32(): string {
    const view = new DataView(this.buffer, this.byteOffset, this.length - (this.length % 4));
    let text = "";
    for (let at = 0; at < view.byteLength; at += 4) {
      const code = view.getUint32(at, true);
      if (code === 0) break;
      text += code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    }
    return text;
  }
  /** wchar_t text: UTF-32 as on Linux, macOS and the Web (Windows' wchar_t is UTF-16). */
  get_string_from_wchar(): string {
    return this.get_string_from_utf32();
  }
  /** Text in `encoding` (a TextDecoder label; "" is UTF-8), up to the first NUL byte. */
  get_string_from_multibyte_char(encoding = ""): string {
    try {
      return new TextDecoder(encoding === "" ? "utf-8" : encoding).decode(this.#untilNul());
    } catch {
      printError(`get_string_from_multibyte_char(): unknown encoding ${describe(encoding)}.`);
      return "";
    }
  }

  #decode(label: string, unit: number): string {
    const units = this.length - (this.length % unit);
    let end = 0;
    while (end < units && !(this[end] === 0 && this[end + 1] === 0)) end += unit;
    return new TextDecoder(label).decode(this.subarray(0, end));
  }

  // --- numbers and Variants at byte offsets ---------------------------------------------------------

  /** A half-precision float at `byte_offset` (little-endian), as Godot reads one. */
  decode_half(byte_offset: number): number {
    if (!this.#fits(byte_offset, 2, "decode_half()")) return 0;
    return halfValue(this[byte_offset]! | (this[byte_offset + 1]! << 8));
  }
  /** Writes `value` as Godot's half-precision float (mantissa cut, denormals 0) at `byte_offset`. */
  encode_half(byte_offset: number, value: number): void {
    if (!this.#fits(byte_offset, 2, "encode_half()")) return;
    const bits = halfBits(Number(value));
    this[byte_offset] = bits & 0xff;
    this[byte_offset + 1] = bits >> 8;
  }
  #fits(offset: unknown, size: number, caller: string): offset is number {
    if (Number.isInteger(offset) && (offset as number) >= 0 && (offset as number) + size <= this.length)
      return true;
    printError(`${caller}: ${size} bytes at ${describe(offset)} do not fit (size ${this.length}).`);
    return false;
  }

  /** Whether a whole Variant is encoded at `byte_offset`. */
  has_encoded_var(byte_offset: number, _allow_objects = false): boolean {
    if (!Number.isInteger(byte_offset) || byte_offset < 0 || byte_offset > this.length) return false;
    return !decodeFailed(decodeVariant(this.subarray(byte_offset), asPacked));
  }
  /** The size in bytes of the Variant encoded at `byte_offset`, or -1. */
  decode_var_size(byte_offset: number, _allow_objects = false): number {
    if (!Number.isInteger(byte_offset) || byte_offset < 0 || byte_offset > this.length) return -1;
    const decoded = decodeVariant(this.subarray(byte_offset), asPacked);
    return decodeFailed(decoded) ? -1 : (decoded as [Variant, number])[1];
  }
  /** Encodes `value` at `byte_offset` if it fits: its size in bytes, or -1 (nothing written). */
  encode_var(byte_offset: number, value: unknown, _allow_objects = false): number {
    const encoded = encodeVariant(value);
    if (!(encoded instanceof Uint8Array)) {
      printError(`encode_var(): the value cannot be encoded: ${encoded.why}.`);
      return -1;
    }
    if (!Number.isInteger(byte_offset) || byte_offset < 0 || byte_offset + encoded.length > this.length)
      return -1;
    super.set(encoded, byte_offset);
    return encoded.length;
  }

  // --- the bytes as other packed arrays (little-endian) -------------------------------------------

  #numbers<T>(size: number, name: string, read: (view: DataView, at: number) => T): T[] {
    if (this.length % size !== 0) {
      printError(`PackedByteArray size must be a multiple of ${size} to convert to ${name}.`);
      return [];
    }
    const view = new DataView(this.buffer, this.byteOffset, this.length);
    return Array.from({ length: this.length / size }, (_, i) => read(view, i * size));
  }
  to_int32_array(): PackedInt32Array {
    return PackedInt32Array.from(this.#numbers(4, "PackedInt32Array", (v, at) => v.getInt32(at, true)));
  }
  to_int64_array(): PackedInt64Array {
    return PackedInt64Array.from(this.#numbers(8, "PackedInt64Array", (v, at) => v.getBigInt64(at, true)));
  }
  to_float32_array(): PackedFloat32Array {
    return PackedFloat32Array.from(this.#numbers(4, "PackedFloat32Array", (v, at) => v.getFloat32(at, true)));
  }
  to_float64_array(): PackedFloat64Array {
    return PackedFloat64Array.from(this.#numbers(8, "PackedFloat64Array", (v, at) => v.getFloat64(at, true)));
  }
  to_vector2_array(): PackedVector2Array {
    const f = (v: DataView, at: number) => new Vector2(v.getFloat32(at, true), v.getFloat32(at + 4, true));
    return new PackedVector2Array(this.#numbers(8, "PackedVector2Array", f));
  }
  to_vector3_array(): PackedVector3Array {
    const f = (v: DataView, at: number) =>
      new Vector3(v.getFloat32(at, true), v.getFloat32(at + 4, true), v.getFloat32(at + 8, true));
    return new PackedVector3Array(this.#numbers(12, "PackedVector3Array", f));
  }
  to_vector4_array(): PackedVector4Array {
    const f = (v: DataView, at: number) =>
      new Vector4(
        v.getFloat32(at, true),
        v.getFloat32(at + 4, true),
        v.getFloat32(at + 8, true),
        v.getFloat32(at + 12, true),
      );
    return new PackedVector4Array(this.#numbers(16, "PackedVector4Array", f));
  }
  to_color_array(): PackedColorArray {
    const f = (v: DataView, at: number) =>
      new Color(
        v.getFloat32(at, true),
        v.getFloat32(at + 4, true),
        v.getFloat32(at + 8, true),
        v.getFloat32(at + 12, true),
      );
    return new PackedColorArray(this.#numbers(16, "PackedColorArray", f));
  }

  /** Swaps the byte order of `count` 16-bit values from value `offset` on (-1: to the end), in place. */
  bswap16(offset = 0, count = -1): void {
    this.#bswap(2, offset, count, "bswap16()");
  }
  bswap32(offset = 0, count = -1): void {
    this.#bswap(4, offset, count, "bswap32()");
  }
  bswap64(offset = 0, count = -1): void {
    this.#bswap(8, offset, count, "bswap64()");
  }
  #bswap(size: number, offset: number, count: number, caller: string): void {
    const total = Math.floor(this.length / size);
    const n = count < 0 ? total - offset : count;
    if (!Number.isInteger(offset) || !Number.isInteger(n) || offset < 0 || n < 0 || offset + n > total) {
      printError(`${caller}: ${describe(count)} values at ${describe(offset)} do not fit (${total} values).`);
      return;
    }
    for (let i = offset; i < offset + n; i++) this.subarray(i * size, i * size + size).reverse();
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
