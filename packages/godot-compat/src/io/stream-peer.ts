// Follows Godot's core/io/stream_peer.cpp.
// Godot's StreamPeer: typed reads and writes over a byte stream, shared by StreamPeerBuffer,
// StreamPeerTCP and StreamPeerTLS. Each of those sets how it reaches its bytes (the internal hook
// StreamPeer._setIo), so the published classes show only Godot's methods.
// Godot's get_data on a socket waits until every byte has arrived; a JS port cannot wait, so on a
// socket a read that asks for more than has arrived takes nothing and returns ERR_UNAVAILABLE.
import { describe, encodeUtf8 } from "@wsport/core/internal";
import {
  ERR_INVALID_PARAMETER,
  ERR_OUT_OF_MEMORY,
  ERR_UNAVAILABLE,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { halfBits, halfValue } from "../variant/half-float.js";
import { asPacked, decodeVar, PackedByteArray } from "../variant/packed-byte-array.js";
import { encodeVar } from "../variant/variant.js";
import type { Variant } from "../variant/variant-types.js";

/** How a StreamPeer reaches its bytes. */
export interface ByteIo {
  /** Godot's get_data waits for all the bytes (a socket) rather than taking what is there (a buffer). */
  readonly waits: boolean;
  available(): number;
  /** Up to `max` bytes, without consuming them when `peek`; or why the peer cannot be read. */
  read(max: number, peek?: boolean): Uint8Array | GodotError;
  /** Sends the bytes; OK or why not. */
  write(bytes: Uint8Array): GodotError;
}

/** The most bytes one get_data pads out or one StreamPeerBuffer holds (this port's limit). */
export const MAX_BUFFER_BYTES = 256 * 1024 * 1024;

type Size = 1 | 2 | 4 | 8;
const NUMBER_KINDS = {
  s8: [1, "Int8"],
  u8: [1, "Uint8"],
  s16: [2, "Int16"],
  u16: [2, "Uint16"],
  s32: [4, "Int32"],
  u32: [4, "Uint32"],
  s64: [8, "BigInt64"],
  u64: [8, "BigUint64"],
  float: [4, "Float32"],
  double: [8, "Float64"],
} as const satisfies Record<string, [Size, string]>;
type NumberKind = keyof typeof NUMBER_KINDS;
type Accessors = Record<string, (offset: number, ...rest: unknown[]) => number | bigint>;

export class StreamPeer {
  #bigEndian = false;

  /** Multi-byte numbers (and the lengths before strings and Variants) are big-endian when true; Godot's default is little-endian. */
  get big_endian(): boolean {
    return this.#bigEndian;
  }
  set big_endian(enable: boolean) {
    this.set_big_endian(enable);
  }
  is_big_endian_enabled(): boolean {
    return this.#bigEndian;
  }
  set_big_endian(enable: boolean): void {
    if (typeof enable === "boolean") this.#bigEndian = enable;
    else printError(`big_endian must be a bool, got ${describe(enable)}.`);
  }

  #io: ByteIo = UNREADABLE;

  /** @internal How `peer` reaches its bytes; each subclass's constructor sets it. */
  static _setIo(peer: StreamPeer, io: ByteIo): void {
    peer.#io = io;
  }

  // --- raw bytes -------------------------------------------------------------------------

  /** Sends all of `data`. */
  put_data(data: Uint8Array): GodotError {
    if (!(data instanceof Uint8Array)) return invalid("put_data() needs a PackedByteArray.");
    return this.#io.write(data);
  }

  /** Sends what can be sent now: `[Error, bytes sent]` (here always all of it, or none). */
  put_partial_data(data: Uint8Array): [GodotError, number] {
    const error = this.put_data(data);
    return [error, error === OK ? data.length : 0];
  }

  /** `[Error, PackedByteArray]` of exactly `bytes` bytes (see the note at the top for sockets). */
  get_data(bytes: number): [GodotError, PackedByteArray] {
    if (!validCount(bytes, "get_data")) return [ERR_INVALID_PARAMETER, new PackedByteArray(0)];
    const io = this.#io;
    if (io.waits && io.available() < bytes) {
      const got = io.read(0);
      if (typeof got === "number") return [got, new PackedByteArray(0)];
      printError(
        `get_data(${bytes}): only ${io.available()} bytes have arrived; a port cannot wait for the rest.`,
      );
      return [ERR_UNAVAILABLE, new PackedByteArray(0)];
    }
    if (bytes > MAX_BUFFER_BYTES && io.available() < bytes) {
      printError(`get_data(${bytes}): more than ${MAX_BUFFER_BYTES} bytes.`);
      return [ERR_OUT_OF_MEMORY, new PackedByteArray(0)];
    }
    const got = io.read(bytes);
    if (typeof got === "number") return [got, new PackedByteArray(0)];
    const out = new PackedByteArray(bytes);
    out.set(got);
    return [got.length === bytes ? OK : ERR_INVALID_PARAMETER, out];
  }

  /** `[Error, PackedByteArray]` of what has arrived, up to `bytes`. */
  get_partial_data(bytes: number): [GodotError, PackedByteArray] {
    if (!validCount(bytes, "get_partial_data")) return [ERR_INVALID_PARAMETER, new PackedByteArray(0)];
    const got = this.#io.read(bytes);
    return typeof got === "number" ? [got, new PackedByteArray(0)] : [OK, asPacked(got)];
  }

  get_available_bytes(): number {
    return this.#io.available();
  }

  // --- numbers ----------------------------------------------------------------------------

  put_8(value: number): void {
    this.#putNumber("s8", value);
  }
  put_u8(value: number): void {
    this.#putNumber("u8", value);
  }
  put_16(value: number): void {
    this.#putNumber("s16", value);
  }
  put_u16(value: number): void {
    this.#putNumber("u16", value);
  }
  put_32(value: number): void {
    this.#putNumber("s32", value);
  }
  put_u32(value: number): void {
    this.#putNumber("u32", value);
  }
  put_64(value: number | bigint): void {
    this.#putNumber("s64", value);
  }
  put_u64(value: number | bigint): void {
    this.#putNumber("u64", value);
  }
  /** A 16-bit float, as Godot narrows it (see half-float.ts). */
  put_half(value: number): void {
    if (typeof value !== "number")
      return void printError(`put_half() needs a number, got ${describe(value)}.`);
    this.#putNumber("u16", halfBits(value));
  }
  put_float(value: number): void {
    this.#putNumber("float", value);
  }
  put_double(value: number): void {
    this.#putNumber("double", value);
  }

  get_8(): number {
    return this.#getNumber("s8") as number;
  }
  get_u8(): number {
    return this.#getNumber("u8") as number;
  }
  get_16(): number {
    return this.#getNumber("s16") as number;
  }
  get_u16(): number {
    return this.#getNumber("u16") as number;
  }
  get_32(): number {
    return this.#getNumber("s32") as number;
  }
  get_u32(): number {
    return this.#getNumber("u32") as number;
  }
  /** A number when it is a safe integer, else a bigint. */
  get_64(): number | bigint {
    return this.#getNumber("s64");
  }
  /** A number when it is a safe integer, else a bigint. */
  get_u64(): number | bigint {
    return this.#getNumber("u64");
  }
  get_half(): number {
    const bytes = this.#readExactly(2);
    return bytes === null
      ? 0
      : halfValue(new DataView(bytes.buffer, bytes.byteOffset, 2).getUint16(0, !this.#bigEndian));
  }
  get_float(): number {
    return this.#getNumber("float") as number;
  }
  get_double(): number {
    return this.#getNumber("double") as number;
  }

  #putNumber(kind: NumberKind, value: number | bigint): void {
    const [size, type] = NUMBER_KINDS[kind];
    const wide = type.startsWith("Big");
    if (typeof value !== "number" && !(wide && typeof value === "bigint")) {
      printError(`put_${kind}() needs a number, got ${describe(value)}.`);
      return;
    }
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer) as unknown as Accessors;
    const converted = wide ? toBigInt(value) : Number(value);
    view[`set${type}`]!(0, converted, !this.#bigEndian);
    this.#io.write(bytes);
  }

  #getNumber(kind: NumberKind): number | bigint {
    const [size, type] = NUMBER_KINDS[kind];
    const bytes = this.#readExactly(size);
    if (bytes === null) return 0;
    const view = new DataView(bytes.buffer, bytes.byteOffset, size) as unknown as Accessors;
    const value = view[`get${type}`]!(0, !this.#bigEndian);
    return typeof value === "bigint" && Number.isSafeInteger(Number(value)) ? Number(value) : value;
  }

  // --- strings and Variants ---------------------------------------------------------------

  /** A uint32 length, then the characters as single bytes (beyond U+00FF: "?"). */
  put_string(value: string): void {
    if (typeof value !== "string") return void printError("put_string() needs a String.");
    const bytes = Uint8Array.from(value, (c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f));
    this.#putSized(bytes);
  }

  /** A uint32 length, then the UTF-8 bytes. */
  put_utf8_string(value: string): void {
    if (typeof value !== "string") return void printError("put_utf8_string() needs a String.");
    this.#putSized(encodeUtf8(value));
  }

  /** A uint32 length, then the value in Godot's binary Variant format. */
  put_var(value: unknown, _full_objects = false): void {
    const encoded = encodeVar(value, "put_var()");
    if (typeof encoded !== "number") this.#putSized(encoded);
  }

  /** `bytes` single-byte characters, or (bytes < 0) as many as a uint32 length says; up to a NUL. */
  get_string(bytes = -1): string {
    const data = this.#readSized(bytes, "get_string");
    if (data === null) return "";
    const nul = data.indexOf(0);
    return String.fromCharCode(...(nul < 0 ? data : data.subarray(0, nul)));
  }

  /** Like get_string, decoding UTF-8. */
  get_utf8_string(bytes = -1): string {
    const data = this.#readSized(bytes, "get_utf8_string");
    return data === null ? "" : asPacked(data).get_string_from_utf8();
  }

  /** A value written by put_var; null (after an error print) when it cannot be decoded. */
  get_var(_allow_objects = false): Variant {
    const data = this.#readSized(-1, "get_var");
    if (data === null) return null;
    const decoded = decodeVar(data);
    return typeof decoded === "number" ? null : decoded[0];
  }

  #putSized(bytes: Uint8Array): void {
    const framed = new Uint8Array(4 + bytes.length);
    new DataView(framed.buffer).setUint32(0, bytes.length, !this.#bigEndian);
    framed.set(bytes, 4);
    this.#io.write(framed);
  }

  /** `size` bytes, or (size < 0) a uint32 length and that many; both taken only once all are there. */
  #readSized(size: number, caller: string): Uint8Array | null {
    if (typeof size !== "number" || Number.isNaN(size)) {
      printError(`${caller}() needs a number of bytes, got ${describe(size)}.`);
      return null;
    }
    if (size >= 0) return this.#readExactly(Math.trunc(size));
    const head = this.#io.read(4, true);
    if (typeof head === "number" || head.length < 4) return this.#readExactly(4);
    const length = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, !this.#bigEndian);
    if (this.#io.waits && this.#io.available() < 4 + length) {
      printError(`${caller}(): ${length} bytes announced, not all arrived yet; a port cannot wait for them.`);
      return null;
    }
    this.#io.read(4);
    return this.#readExactly(length);
  }

  /** Exactly `size` bytes, or null (after a print) when they are not there. */
  #readExactly(size: number): Uint8Array | null {
    const [error, data] = this.get_data(size);
    return error === OK ? data : null;
  }
}

function validCount(bytes: unknown, caller: string): bytes is number {
  if (Number.isInteger(bytes) && (bytes as number) >= 0 && (bytes as number) <= 0x7fffffff) return true;
  printError(`${caller}() needs a byte count from 0 to 2^31-1, got ${describe(bytes)}.`);
  return false;
}

function toBigInt(value: number | bigint): bigint {
  if (typeof value === "bigint") return value;
  return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
}

/** The io of a StreamPeer nobody registered (never the case for this package's own classes). */
const UNREADABLE: ByteIo = {
  waits: true,
  available: () => 0,
  read: () => ERR_UNAVAILABLE,
  write: () => ERR_UNAVAILABLE,
};
