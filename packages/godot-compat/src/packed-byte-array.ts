// PackedByteArray is a Uint8Array with the Godot methods ports use. A Uint8Array has a fixed
// length, so Godot's resizing methods (append, resize, clear, ...) are not here.
import { decodeUtf8, encodeUtf8, isValidUtf8 } from "@wsport/core";
import { printError } from "./print.js";
import { bytesToVar, type Variant } from "./variant.js";

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
    return bytesToVar(this.subarray(byte_offset), allow_objects);
  }

  decode_u8(byte_offset: number): number {
    return this.#read(byte_offset, 1, (v, o) => v.getUint8(o));
  }
  decode_s8(byte_offset: number): number {
    return this.#read(byte_offset, 1, (v, o) => v.getInt8(o));
  }
  decode_u16(byte_offset: number): number {
    return this.#read(byte_offset, 2, (v, o) => v.getUint16(o, true));
  }
  decode_s16(byte_offset: number): number {
    return this.#read(byte_offset, 2, (v, o) => v.getInt16(o, true));
  }
  decode_u32(byte_offset: number): number {
    return this.#read(byte_offset, 4, (v, o) => v.getUint32(o, true));
  }
  decode_s32(byte_offset: number): number {
    return this.#read(byte_offset, 4, (v, o) => v.getInt32(o, true));
  }
  /** A bigint: 64-bit integers do not fit a JS number. */
  decode_u64(byte_offset: number): bigint {
    return this.#read(byte_offset, 8, (v, o) => v.getBigUint64(o, true), 0n);
  }
  decode_s64(byte_offset: number): bigint {
    return this.#read(byte_offset, 8, (v, o) => v.getBigInt64(o, true), 0n);
  }
  decode_float(byte_offset: number): number {
    return this.#read(byte_offset, 4, (v, o) => v.getFloat32(o, true));
  }
  decode_double(byte_offset: number): number {
    return this.#read(byte_offset, 8, (v, o) => v.getFloat64(o, true));
  }

  encode_u8(byte_offset: number, value: number): void {
    this.#write(byte_offset, 1, (v, o) => v.setUint8(o, value));
  }
  encode_s8(byte_offset: number, value: number): void {
    this.#write(byte_offset, 1, (v, o) => v.setInt8(o, value));
  }
  encode_u16(byte_offset: number, value: number): void {
    this.#write(byte_offset, 2, (v, o) => v.setUint16(o, value, true));
  }
  encode_s16(byte_offset: number, value: number): void {
    this.#write(byte_offset, 2, (v, o) => v.setInt16(o, value, true));
  }
  encode_u32(byte_offset: number, value: number): void {
    this.#write(byte_offset, 4, (v, o) => v.setUint32(o, value, true));
  }
  encode_s32(byte_offset: number, value: number): void {
    this.#write(byte_offset, 4, (v, o) => v.setInt32(o, value, true));
  }
  encode_u64(byte_offset: number, value: bigint | number): void {
    this.#write(byte_offset, 8, (v, o) => v.setBigUint64(o, BigInt(value), true));
  }
  encode_s64(byte_offset: number, value: bigint | number): void {
    this.#write(byte_offset, 8, (v, o) => v.setBigInt64(o, BigInt(value), true));
  }
  encode_float(byte_offset: number, value: number): void {
    this.#write(byte_offset, 4, (v, o) => v.setFloat32(o, value, true));
  }
  encode_double(byte_offset: number, value: number): void {
    this.#write(byte_offset, 8, (v, o) => v.setFloat64(o, value, true));
  }

  #untilNul(): Uint8Array {
    const nul = this.indexOf(0);
    return nul < 0 ? this : this.subarray(0, nul);
  }

  #fits(offset: number, size: number): boolean {
    if (Number.isInteger(offset) && offset >= 0 && offset + size <= this.length) return true;
    printError(`Index p_offset = ${offset} is out of bounds (size() - ${size} = ${this.length - size}).`);
    return false;
  }

  #read<T>(offset: number, size: number, get: (view: DataView, at: number) => T, fallback?: T): T {
    if (!this.#fits(offset, size)) return (fallback ?? 0) as T;
    return get(new DataView(this.buffer, this.byteOffset, this.length), offset);
  }

  #write(offset: number, size: number, set: (view: DataView, at: number) => void): void {
    if (this.#fits(offset, size)) set(new DataView(this.buffer, this.byteOffset, this.length), offset);
  }
}

/** GDScript's `String.to_utf8_buffer()`. */
export function to_utf8_buffer(text: string): PackedByteArray {
  return asPacked(encodeUtf8(String(text)));
}

/** The same bytes seen as a PackedByteArray (no copy). */
export function asPacked(bytes: Uint8Array): PackedByteArray {
  return new PackedByteArray(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
}
