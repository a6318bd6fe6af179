// Godot 4's binary Variant format (var_to_bytes / bytes_to_var, put_var / get_var), for the types
// a network message carries: null, bool, int, float, String, Array, Dictionary, PackedByteArray.
// Every value starts with a little-endian uint32 header: the type in the low 16 bits, flags above;
// everything is padded to 4 bytes.
import { decodeUtf8, encodeUtf8 } from "@wsport/core";
import { ERR_INVALID_DATA, ERR_OUT_OF_MEMORY, type GodotError } from "./error.js";
import { PackedByteArray } from "./packed-byte-array.js";

/** What the format carries here. A Dictionary with only String keys becomes a plain object, any other a Map. */
export type Variant =
  | null
  | boolean
  | number
  | bigint
  | string
  | Variant[]
  | Uint8Array
  | { [key: string]: Variant }
  | Map<Variant, Variant>;

// Godot 4's Variant::Type numbers.
const NIL = 0;
const BOOL = 1;
const INT = 2;
const FLOAT = 3;
const STRING = 4;
const STRING_NAME = 21;
const DICTIONARY = 27;
const ARRAY = 28;
const PACKED_BYTE_ARRAY = 29;
const FLAG_64 = 1 << 16;
const MAX_DEPTH = 512;

/** Thrown inside the codec only; the public functions turn it into an error code or null. */
class Invalid {
  constructor(readonly code: GodotError) {}
}

// --- encoding --------------------------------------------------------------------------------

class Writer {
  bytes = new Uint8Array(64);
  view = new DataView(this.bytes.buffer);
  length = 0;

  reserve(size: number): number {
    const at = this.length;
    if (at + size > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, at + size));
      bigger.set(this.bytes);
      this.bytes = bigger;
      this.view = new DataView(bigger.buffer);
    }
    this.length = at + size;
    return at;
  }
  u32(value: number): void {
    const at = this.reserve(4); // first: reserve() may replace the view
    this.view.setUint32(at, value, true);
  }
  /** A length, the bytes, then zeros up to a multiple of 4. */
  blob(data: Uint8Array): void {
    this.u32(data.length);
    const at = this.reserve((data.length + 3) & ~3);
    this.bytes.set(data, at);
  }
}

function encode(w: Writer, value: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new Invalid(ERR_OUT_OF_MEMORY);
  if (value === null || value === undefined) w.u32(NIL);
  else if (typeof value === "boolean") {
    w.u32(BOOL);
    w.u32(value ? 1 : 0);
  } else if (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) {
    const big = BigInt(value);
    if (big < -(2n ** 63n) || big >= 2n ** 63n) throw new Invalid(ERR_INVALID_DATA);
    if (big >= -(2n ** 31n) && big < 2n ** 31n) {
      w.u32(INT);
      const at = w.reserve(4); // first: reserve() may replace the view
      w.view.setInt32(at, Number(big), true);
    } else {
      w.u32(INT | FLAG_64);
      const at = w.reserve(8); // first: reserve() may replace the view
      w.view.setBigInt64(at, big, true);
    }
  } else if (typeof value === "number") {
    // Like Godot: 32 bits when the value survives the round trip through a float, else 64.
    if (Math.fround(value) === value || Number.isNaN(value)) {
      w.u32(FLOAT);
      const at = w.reserve(4); // first: reserve() may replace the view
      w.view.setFloat32(at, value, true);
    } else {
      w.u32(FLOAT | FLAG_64);
      const at = w.reserve(8); // first: reserve() may replace the view
      w.view.setFloat64(at, value, true);
    }
  } else if (typeof value === "string") {
    w.u32(STRING);
    w.blob(encodeUtf8(value));
  } else if (value instanceof Uint8Array) {
    w.u32(PACKED_BYTE_ARRAY);
    w.blob(value);
  } else if (Array.isArray(value)) {
    w.u32(ARRAY);
    w.u32(value.length);
    for (const item of value) encode(w, item, depth + 1);
  } else if (value instanceof Map || isPlainObject(value)) {
    const entries = value instanceof Map ? [...value] : Object.entries(value);
    w.u32(DICTIONARY);
    w.u32(entries.length);
    for (const [k, v] of entries) {
      encode(w, k, depth + 1);
      encode(w, v, depth + 1);
    }
  } else throw new Invalid(ERR_INVALID_DATA); // functions, symbols, class instances
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Encodes a value; returns the bytes or the Godot error code. */
export function encodeVar(value: unknown): PackedByteArray | GodotError {
  const w = new Writer();
  try {
    encode(w, value, 0);
  } catch (e) {
    if (e instanceof Invalid) return e.code;
    throw e;
  }
  return new PackedByteArray(w.bytes.buffer, 0, w.length);
}

// --- decoding --------------------------------------------------------------------------------

class Reader {
  at = 0;
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  take(size: number): number {
    const at = this.at;
    if (size < 0 || at + size > this.bytes.length) throw new Invalid(ERR_INVALID_DATA);
    this.at = at + size;
    return at;
  }
  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }
  blob(): Uint8Array {
    const size = this.u32();
    const at = this.take((size + 3) & ~3);
    return this.bytes.subarray(at, at + size);
  }
}

function decode(r: Reader, depth: number): Variant {
  if (depth > MAX_DEPTH) throw new Invalid(ERR_INVALID_DATA);
  const header = r.u32();
  const type = header & 0xff;
  const wide = (header & FLAG_64) !== 0;
  switch (type) {
    case NIL:
      return null;
    case BOOL:
      return r.u32() !== 0;
    case INT: {
      if (!wide) return r.view.getInt32(r.take(4), true);
      const big = r.view.getBigInt64(r.take(8), true);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(big)
        : big;
    }
    case FLOAT:
      return wide ? r.view.getFloat64(r.take(8), true) : r.view.getFloat32(r.take(4), true);
    case STRING:
    case STRING_NAME:
      return decodeUtf8(r.blob(), true);
    case PACKED_BYTE_ARRAY:
      return new PackedByteArray(r.blob());
    case ARRAY: {
      // Godot 4.4+ typed arrays: bits 16-17 say what follows the header (1 = a builtin type id).
      skipContainerType(r, (header >> 16) & 3);
      const count = r.u32() & 0x7fffffff;
      const out: Variant[] = [];
      for (let i = 0; i < count; i++) out.push(decode(r, depth + 1));
      return out;
    }
    case DICTIONARY: {
      skipContainerType(r, (header >> 16) & 3); // key type
      skipContainerType(r, (header >> 18) & 3); // value type
      const count = r.u32() & 0x7fffffff;
      const map = new Map<Variant, Variant>();
      let stringKeys = true;
      for (let i = 0; i < count; i++) {
        const key = decode(r, depth + 1);
        if (typeof key !== "string") stringKeys = false;
        map.set(key, decode(r, depth + 1));
      }
      return stringKeys ? Object.fromEntries(map) : map;
    }
    default:
      throw new Invalid(ERR_INVALID_DATA); // vectors, objects, ...: not carried by this port
  }
}

function skipContainerType(r: Reader, kind: number): void {
  if (kind === 1) r.take(4);
  else if (kind !== 0) throw new Invalid(ERR_INVALID_DATA); // typed by class or script
}

/** Decodes one value from the start of `bytes`; null on any error, as Godot's bytes_to_var. */
export function bytesToVar(bytes: Uint8Array, _allowObjects = false): Variant {
  try {
    return decode(new Reader(bytes), 0);
  } catch {
    return null;
  }
}

/** GDScript's `var_to_bytes()`: an empty array when the value cannot be encoded. */
export function var_to_bytes(value: unknown): PackedByteArray {
  const encoded = encodeVar(value);
  return typeof encoded === "number" ? new PackedByteArray(0) : encoded;
}

/** GDScript's `bytes_to_var()`: null when the bytes are not a valid Variant. */
export function bytes_to_var(bytes: Uint8Array): Variant {
  return bytes instanceof Uint8Array ? bytesToVar(bytes) : null;
}
