// Follows Godot's core/io/marshalls.cpp.
// Godot 4's binary Variant format (var_to_bytes / bytes_to_var, put_var / get_var): a little-endian
// uint32 header (the type id in the low byte, flags from bit 16), then the payload, padded to 4
// bytes. The rules and their sources are in docs/spec/godot-variant.md. This module knows no
// PackedByteArray (which decodes Variants itself): decoded byte arrays are made by the caller.
import { decodeUtf8, encodeUtf8 } from "@wsport/core/internal";
import { ERR_INVALID_DATA, ERR_OUT_OF_MEMORY, ERR_UNAUTHORIZED, type GodotError } from "../core/error.js";
import { dictionaryEntries, isDictionary } from "./dictionary.js";
import * as T from "./variant-ids.js";
import { PACKED_STRUCTS, type Struct, structOfType, structOfValue } from "./variant-structs.js";
import {
  GodotFloat,
  NodePath,
  PackedFloat32Array,
  PackedFloat64Array,
  PackedInt32Array,
  PackedInt64Array,
  PackedStringArray,
  StringName,
  TypedArray,
} from "./variant-types.js";

/** Godot's Variant::MAX_RECURSION_DEPTH. */
const MAX_DEPTH = 1024;
const FLAG_64 = 1 << 16;
/** Typed containers (Godot 4.4+): a 2-bit kind in the header; 1 = a builtin type id follows. */
const KIND_BUILTIN = 1;

/** Plain typed arrays of numbers and the packed array type each encodes as. */
const NUMBER_ARRAYS: ReadonlyArray<[number, abstract new (...args: never[]) => ArrayBufferView, number]> = [
  [T.TYPE_PACKED_BYTE_ARRAY, Uint8Array, 1],
  [T.TYPE_PACKED_INT32_ARRAY, Int32Array, 4],
  [T.TYPE_PACKED_INT64_ARRAY, BigInt64Array, 8],
  [T.TYPE_PACKED_FLOAT32_ARRAY, Float32Array, 4],
  [T.TYPE_PACKED_FLOAT64_ARRAY, Float64Array, 8],
];

/** Thrown inside the codec only; the public functions turn it into an error code or null. */
class Invalid {
  constructor(
    readonly code: GodotError,
    readonly why: string,
  ) {}
}

// --- encoding --------------------------------------------------------------------------------

/** Encodes a value; returns its bytes, or the Godot error code and what was wrong. */
export function encodeVariant(value: unknown): Uint8Array | { code: GodotError; why: string } {
  let bytes = new Uint8Array(64);
  let view = new DataView(bytes.buffer);
  let length = 0;

  /** Makes room for `size` more bytes and returns where they start (it may replace `bytes` and `view`). */
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
  // reserve() first: it may replace `view`.
  function u32(n: number): void {
    const at = reserve(4);
    view.setUint32(at, n, true);
  }
  function i32(n: number): void {
    const at = reserve(4);
    view.setInt32(at, n, true);
  }
  function f32(n: number): void {
    const at = reserve(4);
    view.setFloat32(at, n, true);
  }
  const pad = () => reserve((4 - (length % 4)) % 4);
  /** A length, the bytes, then zeros up to a multiple of 4. */
  function blob(data: Uint8Array, size = data.length): void {
    u32(size);
    const at = reserve(data.length);
    bytes.set(data, at);
    pad();
  }
  function numbers(struct: Struct, value: object): void {
    for (const n of struct.flatten(value as never)) {
      if (typeof n !== "number")
        throw new Invalid(ERR_INVALID_DATA, `a ${struct.cls.name} field is not a number`);
      if (struct.kind === "int") i32(n);
      else f32(n);
    }
  }
  function int(big: bigint): void {
    if (BigInt.asIntN(64, big) !== big) throw new Invalid(ERR_INVALID_DATA, "an int does not fit in 64 bits");
    if (BigInt.asIntN(32, big) === big) {
      u32(T.TYPE_INT);
      i32(Number(big));
    } else {
      u32(T.TYPE_INT | FLAG_64);
      const at = reserve(8);
      view.setBigInt64(at, big, true);
    }
  }
  function float(n: number): void {
    // Like Godot: 32 bits when the value survives the round trip through a float32, else 64.
    if (Math.fround(n) === n || Number.isNaN(n)) {
      u32(T.TYPE_FLOAT);
      f32(n);
    } else {
      u32(T.TYPE_FLOAT | FLAG_64);
      const at = reserve(8);
      view.setFloat64(at, n, true);
    }
  }

  function encode(value: unknown, depth: number): void {
    if (depth > MAX_DEPTH) throw new Invalid(ERR_OUT_OF_MEMORY, "Potential infinite recursion detected");
    if (value === null || value === undefined) {
      u32(T.TYPE_NIL);
      return;
    }
    switch (typeof value) {
      case "boolean":
        u32(T.TYPE_BOOL);
        u32(value ? 1 : 0);
        return;
      case "bigint":
        int(value);
        return;
      case "number":
        if (Number.isSafeInteger(value)) int(BigInt(value));
        else float(value);
        return;
      case "string":
        u32(T.TYPE_STRING);
        blob(encodeUtf8(value));
        return;
      case "object":
        encodeObject(value, depth);
        return;
      default:
        throw new Invalid(ERR_INVALID_DATA, `a ${typeof value} is not a Variant`);
    }
  }

  function encodeObject(value: object, depth: number): void {
    if (value instanceof GodotFloat) {
      float(value.value);
      return;
    }
    if (value instanceof StringName) {
      u32(T.TYPE_STRING_NAME);
      blob(encodeUtf8(String(value)));
      return;
    }
    if (value instanceof NodePath) {
      u32(T.TYPE_NODE_PATH);
      u32((value.names.length | 0x80000000) >>> 0);
      u32(value.subnames.length);
      u32(value.absolute ? 1 : 0);
      for (const name of [...value.names, ...value.subnames]) blob(encodeUtf8(String(name)));
      return;
    }
    const struct = structOfValue(value);
    if (struct !== undefined) {
      u32(struct.type);
      numbers(struct, value);
      return;
    }
    if (ArrayBuffer.isView(value)) {
      encodeNumberArray(value);
      return;
    }
    if (value instanceof PackedStringArray) {
      u32(T.TYPE_PACKED_STRING_ARRAY);
      u32(value.length);
      // Each string carries its terminating NUL, as Godot 4 writes them.
      for (const s of value) {
        const utf8 = encodeUtf8(String(s));
        blob(utf8, utf8.length + 1);
        if (utf8.length % 4 === 0) u32(0); // the NUL and its padding
      }
      return;
    }
    for (const [type, cls, element] of PACKED_STRUCTS) {
      if (value instanceof cls) {
        u32(type);
        u32(value.length);
        for (const item of value) {
          if (!(item instanceof element.cls))
            throw new Invalid(ERR_INVALID_DATA, `a ${cls.name} holds something else`);
          numbers(element, item);
        }
        return;
      }
    }
    if (Array.isArray(value)) {
      if (value instanceof TypedArray) {
        const type = value.element_type;
        if (!(Number.isInteger(type) && type > T.TYPE_NIL && type < T.TYPE_MAX)) {
          throw new Invalid(ERR_INVALID_DATA, "a TypedArray's element_type is not a TYPE_* id");
        }
        u32(T.TYPE_ARRAY | (KIND_BUILTIN << 16));
        u32(type);
      } else u32(T.TYPE_ARRAY);
      u32(value.length);
      for (const item of value) encode(item, depth + 1);
      return;
    }
    if (isDictionary(value)) {
      const entries = dictionaryEntries(value);
      u32(T.TYPE_DICTIONARY);
      u32(entries.length);
      for (const [k, v] of entries) {
        encode(k, depth + 1);
        encode(v, depth + 1);
      }
      return;
    }
    throw new Invalid(ERR_INVALID_DATA, "this object is not a Variant");
  }

  function encodeNumberArray(value: ArrayBufferView): void {
    const entry = NUMBER_ARRAYS.find(([, cls]) => value instanceof cls);
    if (entry === undefined) throw new Invalid(ERR_INVALID_DATA, "this typed array has no Packed*Array type");
    const [type, , size] = entry;
    const items = value as unknown as ArrayLike<number | bigint>;
    u32(type);
    u32(items.length);
    if (type === T.TYPE_PACKED_BYTE_ARRAY) {
      const at = reserve(items.length);
      bytes.set(value as Uint8Array, at);
      return void pad();
    }
    const at = reserve(items.length * size);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const offset = at + i * size;
      if (type === T.TYPE_PACKED_INT32_ARRAY) view.setInt32(offset, item as number, true);
      else if (type === T.TYPE_PACKED_INT64_ARRAY) view.setBigInt64(offset, item as bigint, true);
      else if (type === T.TYPE_PACKED_FLOAT32_ARRAY) view.setFloat32(offset, item as number, true);
      else view.setFloat64(offset, item as number, true);
    }
  }

  try {
    encode(value, 0);
  } catch (e) {
    if (e instanceof Invalid) return { code: e.code, why: e.why };
    if (e instanceof RangeError) return { code: ERR_OUT_OF_MEMORY, why: e.message }; // too big to allocate
    throw e;
  }
  return bytes.subarray(0, length);
}

// --- decoding --------------------------------------------------------------------------------

/** Where decoding stopped short: Godot's error code and why. */
export interface DecodeFailure {
  code: GodotError;
  why: string;
}

/**
 * Decodes one value from the start of `bytes`. Returns `[value, bytes used]` or the failure;
 * it never reads past `bytes`. `wrapBytes` makes the PackedByteArray of a decoded byte array.
 */
export function decodeVariant(
  bytes: Uint8Array,
  wrapBytes: (data: Uint8Array) => Uint8Array,
): [value: unknown, used: number] | DecodeFailure {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let next = 0;

  /** Moves past `size` bytes and returns where they start. */
  function take(size: number): number {
    const at = next;
    if (!(size >= 0 && at + size <= bytes.length)) throw new Invalid(ERR_INVALID_DATA, "not enough bytes");
    next = at + size;
    return at;
  }
  const u32 = () => view.getUint32(take(4), true);
  /** A count of items at least `itemSize` bytes each that must fit in what is left. */
  function count(itemSize: number): number {
    const n = u32() & 0x7fffffff;
    if (n * itemSize > bytes.length - next) throw new Invalid(ERR_INVALID_DATA, "a count runs past the end");
    return n;
  }
  function string(): string {
    const size = u32();
    const at = take((size + 3) & ~3);
    const text = decodeUtf8(bytes.subarray(at, at + size), true);
    const nul = text.indexOf("\0"); // Godot's UTF-8 parser stops at a NUL
    return nul < 0 ? text : text.slice(0, nul);
  }
  function numbers(struct: Struct, wide: boolean): object {
    const size = struct.kind === "int" || struct.kind === "float" || !wide ? 4 : 8;
    const at = take(struct.size * size);
    const n: number[] = [];
    for (let i = 0; i < struct.size; i++) {
      const offset = at + i * size;
      n.push(
        struct.kind === "int"
          ? view.getInt32(offset, true)
          : size === 8
            ? view.getFloat64(offset, true)
            : view.getFloat32(offset, true),
      );
    }
    return struct.build(n);
  }
  /** The element type of a typed container, or undefined when untyped. */
  function containerType(kind: number): number | undefined {
    if (kind === 0) return undefined;
    if (kind !== KIND_BUILTIN)
      throw new Invalid(ERR_INVALID_DATA, "containers typed by class or script are not supported");
    const type = u32();
    if (type >= T.TYPE_MAX) throw new Invalid(ERR_INVALID_DATA, "bad container type");
    return type;
  }

  function decode(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Invalid(ERR_OUT_OF_MEMORY, "Variant is too deep");
    const header = u32();
    const type = header & 0xff;
    const wide = (header & FLAG_64) !== 0;
    const struct = structOfType(type);
    if (struct !== undefined) return numbers(struct, wide);
    switch (type) {
      case T.TYPE_NIL:
        return null;
      case T.TYPE_BOOL:
        return u32() !== 0;
      case T.TYPE_INT: {
        if (!wide) return view.getInt32(take(4), true);
        const big = view.getBigInt64(take(8), true);
        return Number.isSafeInteger(Number(big)) ? Number(big) : big;
      }
      case T.TYPE_FLOAT:
        return wide ? view.getFloat64(take(8), true) : view.getFloat32(take(4), true);
      case T.TYPE_STRING:
        return string();
      case T.TYPE_STRING_NAME:
        return new StringName(string());
      case T.TYPE_NODE_PATH: {
        const names = u32();
        if ((names & 0x80000000) === 0) throw new Invalid(ERR_INVALID_DATA, "old NodePath format");
        let subnames = u32();
        const flags = u32();
        if (flags & 2) subnames++; // an obsolete format kept the property apart
        const parts: string[] = [];
        for (let i = 0; i < (names & 0x7fffffff) + subnames; i++) parts.push(string());
        const nameCount = names & 0x7fffffff;
        return NodePath.from(parts.slice(0, nameCount), parts.slice(nameCount), (flags & 1) !== 0);
      }
      case T.TYPE_OBJECT:
        throw new Invalid(ERR_UNAUTHORIZED, "objects are not decoded");
      case T.TYPE_ARRAY: {
        const element = containerType((header >> 16) & 3);
        const n = count(4);
        const items: unknown[] = element === undefined ? [] : new TypedArray(element);
        for (let i = 0; i < n; i++) items.push(decode(depth + 1));
        return items;
      }
      case T.TYPE_DICTIONARY: {
        containerType((header >> 16) & 3); // key type
        containerType((header >> 18) & 3); // value type
        const n = count(8);
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const key = decode(depth + 1);
          map.set(key, decode(depth + 1));
        }
        return [...map.keys()].every((k) => typeof k === "string") ? Object.fromEntries(map) : map;
      }
      case T.TYPE_PACKED_BYTE_ARRAY: {
        const n = count(1);
        const at = take(n);
        next = Math.min(next + ((4 - (n % 4)) % 4), bytes.length); // padding, as far as it goes
        return wrapBytes(bytes.slice(at, at + n));
      }
      case T.TYPE_PACKED_INT32_ARRAY:
      case T.TYPE_PACKED_INT64_ARRAY:
      case T.TYPE_PACKED_FLOAT32_ARRAY:
      case T.TYPE_PACKED_FLOAT64_ARRAY:
        return numberArray(type);
      case T.TYPE_PACKED_STRING_ARRAY: {
        const n = count(4);
        const out = new PackedStringArray();
        for (let i = 0; i < n; i++) out.push(string());
        return out;
      }
      default: {
        const packed = PACKED_STRUCTS.find(([t]) => t === type);
        if (packed === undefined)
          throw new Invalid(ERR_INVALID_DATA, `type ${type} is not decoded by this port`);
        const [, cls, element] = packed;
        const n = count(element.size * 4);
        const out = new cls();
        for (let i = 0; i < n; i++) out.push(numbers(element, wide));
        return out;
      }
    }
  }

  function numberArray(type: number): ArrayBufferView {
    const size = type === T.TYPE_PACKED_INT32_ARRAY || type === T.TYPE_PACKED_FLOAT32_ARRAY ? 4 : 8;
    const n = count(size);
    const at = take(n * size);
    const read = (i: number) => at + i * size;
    if (type === T.TYPE_PACKED_INT64_ARRAY) {
      return PackedInt64Array.from({ length: n }, (_, i) => view.getBigInt64(read(i), true));
    }
    if (type === T.TYPE_PACKED_INT32_ARRAY) {
      return PackedInt32Array.from({ length: n }, (_, i) => view.getInt32(read(i), true));
    }
    if (type === T.TYPE_PACKED_FLOAT32_ARRAY) {
      return PackedFloat32Array.from({ length: n }, (_, i) => view.getFloat32(read(i), true));
    }
    return PackedFloat64Array.from({ length: n }, (_, i) => view.getFloat64(read(i), true));
  }

  try {
    const value = decode(0);
    return [value, next];
  } catch (e) {
    if (e instanceof Invalid) return { code: e.code, why: e.why };
    if (e instanceof TypeError) return { code: ERR_INVALID_DATA, why: e.message }; // invalid UTF-8
    throw e;
  }
}

/** The failure of a decodeVariant call, or undefined when it succeeded. */
export function decodeFailed(result: ReturnType<typeof decodeVariant>): result is DecodeFailure {
  return !Array.isArray(result);
}
