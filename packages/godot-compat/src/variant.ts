// Godot 4's binary Variant format (var_to_bytes / bytes_to_var, put_var / get_var), for the types
// a network message carries: null, bool, int, float, String, Array, Dictionary, PackedByteArray.
// Every value starts with a little-endian uint32 header: the type in the low 16 bits, flags above;
// everything is padded to 4 bytes.
import { decodeUtf8, encodeUtf8 } from "@wsport/core/internal";
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
const INVALID_DATA = new Invalid(ERR_INVALID_DATA);
const TOO_DEEP = new Invalid(ERR_OUT_OF_MEMORY);

// --- encoding --------------------------------------------------------------------------------

/** Encodes a value; returns the bytes or the Godot error code. */
export function encodeVar(value: unknown): PackedByteArray | GodotError {
  let bytes = new Uint8Array(64);
  let view = new DataView(bytes.buffer);
  let length = 0;

  /** Makes room for `size` more bytes and returns where they start. It may replace `bytes` and `view`: call it first. */
  function reserve(size: number): number {
    const at = length;
    if (at + size > bytes.length) {
      const bigger = new Uint8Array(Math.max(bytes.length * 2, at + size));
      bigger.set(bytes);
      bytes = bigger;
      view = new DataView(bigger.buffer);
    }
    length = at + size;
    return at;
  }
  function u32(n: number): void {
    const at = reserve(4);
    view.setUint32(at, n, true);
  }
  /** A length, the bytes, then zeros up to a multiple of 4. */
  function blob(data: Uint8Array): void {
    u32(data.length);
    const at = reserve((data.length + 3) & ~3);
    bytes.set(data, at);
  }

  function encode(value: unknown, depth: number): void {
    if (depth > MAX_DEPTH) throw TOO_DEEP;
    if (value === null || value === undefined) u32(NIL);
    else if (typeof value === "boolean") {
      u32(BOOL);
      u32(value ? 1 : 0);
    } else if (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) {
      const big = BigInt(value);
      if (BigInt.asIntN(64, big) !== big) throw INVALID_DATA; // does not fit in 64 bits
      if (BigInt.asIntN(32, big) === big) {
        u32(INT);
        const at = reserve(4);
        view.setInt32(at, Number(big), true);
      } else {
        u32(INT | FLAG_64);
        const at = reserve(8);
        view.setBigInt64(at, big, true);
      }
    } else if (typeof value === "number") {
      // Like Godot: 32 bits when the value survives the round trip through a float, else 64.
      if (Math.fround(value) === value || Number.isNaN(value)) {
        u32(FLOAT);
        const at = reserve(4);
        view.setFloat32(at, value, true);
      } else {
        u32(FLOAT | FLAG_64);
        const at = reserve(8);
        view.setFloat64(at, value, true);
      }
    } else if (typeof value === "string") {
      u32(STRING);
      blob(encodeUtf8(value));
    } else if (value instanceof Uint8Array) {
      u32(PACKED_BYTE_ARRAY);
      blob(value);
    } else if (Array.isArray(value)) {
      u32(ARRAY);
      u32(value.length);
      for (const item of value) encode(item, depth + 1);
    } else if (value instanceof Map || isPlainObject(value)) {
      const entries = value instanceof Map ? [...value] : Object.entries(value);
      u32(DICTIONARY);
      u32(entries.length);
      for (const [k, v] of entries) {
        encode(k, depth + 1);
        encode(v, depth + 1);
      }
    } else throw INVALID_DATA; // functions, symbols, class instances
  }

  try {
    encode(value, 0);
  } catch (e) {
    if (e instanceof Invalid) return e.code;
    throw e;
  }
  return new PackedByteArray(bytes.buffer, 0, length);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// --- decoding --------------------------------------------------------------------------------

/** Decodes one value from the start of `bytes`; null on any error, as Godot's bytes_to_var. */
export function bytesToVar(bytes: Uint8Array, allowObjects = false): Variant {
  return decodeVariant(bytes, allowObjects)?.value ?? null;
}

/** Decodes one value from the start of `bytes` and says how many bytes it took; null on any error. */
export function decodeVariant(
  bytes: Uint8Array,
  _allowObjects = false,
): { value: Variant; length: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let next = 0;

  /** Moves past `size` bytes and returns where they start. */
  function take(size: number): number {
    const at = next;
    if (size < 0 || at + size > bytes.length) throw INVALID_DATA;
    next = at + size;
    return at;
  }
  function u32(): number {
    return view.getUint32(take(4), true);
  }
  function blob(): Uint8Array {
    const size = u32();
    const at = take((size + 3) & ~3);
    return bytes.subarray(at, at + size);
  }
  /** Godot 4.4+ typed containers: `kind` says what follows the header (1 = a builtin type id). */
  function skipContainerType(kind: number): void {
    if (kind === 1) take(4);
    else if (kind !== 0) throw INVALID_DATA; // typed by class or script
  }

  function decode(depth: number): Variant {
    if (depth > MAX_DEPTH) throw INVALID_DATA;
    const header = u32();
    const wide = (header & FLAG_64) !== 0;
    switch (header & 0xff) {
      case NIL:
        return null;
      case BOOL:
        return u32() !== 0;
      case INT: {
        if (!wide) return view.getInt32(take(4), true);
        const big = view.getBigInt64(take(8), true);
        const small = Number(big);
        return Number.isSafeInteger(small) ? small : big;
      }
      case FLOAT:
        return wide ? view.getFloat64(take(8), true) : view.getFloat32(take(4), true);
      case STRING:
      case STRING_NAME:
        return decodeUtf8(blob(), true);
      case PACKED_BYTE_ARRAY:
        return new PackedByteArray(blob());
      case ARRAY: {
        skipContainerType((header >> 16) & 3);
        const count = u32() & 0x7fffffff;
        const out: Variant[] = [];
        for (let i = 0; i < count; i++) out.push(decode(depth + 1));
        return out;
      }
      case DICTIONARY: {
        skipContainerType((header >> 16) & 3); // key type
        skipContainerType((header >> 18) & 3); // value type
        const count = u32() & 0x7fffffff;
        const map = new Map<Variant, Variant>();
        let stringKeys = true;
        for (let i = 0; i < count; i++) {
          const key = decode(depth + 1);
          if (typeof key !== "string") stringKeys = false;
          map.set(key, decode(depth + 1));
        }
        return stringKeys ? Object.fromEntries(map) : map;
      }
      default:
        throw INVALID_DATA; // vectors, objects, ...: not carried by this port
    }
  }

  try {
    const value = decode(0);
    return { value, length: next };
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
