// The methods of GDScript's String and Array, for a call whose receiver's type the translator
// cannot see: `x.size()` becomes `gd.call(x, "size")`, and the receiver decides here. An object
// (a Node, a Dictionary, a PackedByteArray, any class) gets its own method called.
import { PackedByteArray, str } from "@wsport/godot-compat";
import type { Variant } from "./gd-variant.js";

type Method = (self: Variant, ...args: Variant[]) => Variant;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const isIpv4 = (s: string) => IPV4.test(s);
/** The URL parser (in Node and every browser) knows IPv6's forms: `::` shortening, an IPv4 tail. */
function isIpv6(s: string): boolean {
  if (!s.includes(":") || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  try {
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

/** Negative indices count from the end, as in GDScript. */
const at = (length: number, i: number) => (i < 0 ? length + i : i);

const STRING: Record<string, Method> = {
  length: (s: string) => s.length,
  size: (s: string) => s.length,
  is_empty: (s: string) => s.length === 0,
  begins_with: (s: string, p: string) => s.startsWith(p),
  ends_with: (s: string, p: string) => s.endsWith(p),
  contains: (s: string, p: string) => s.includes(p),
  find: (s: string, p: string, from = 0) => s.indexOf(p, from),
  rfind: (s: string, p: string) => s.lastIndexOf(p),
  to_upper: (s: string) => s.toUpperCase(),
  to_lower: (s: string) => s.toLowerCase(),
  strip_edges: (s: string, left = true, right = true) =>
    right ? (left ? s.trim() : s.trimEnd()) : left ? s.trimStart() : s,
  substr: (s: string, from: number, len = -1) => (len < 0 ? s.slice(from) : s.slice(from, from + len)),
  left: (s: string, n: number) => (n < 0 ? s.slice(0, n) : s.slice(0, n)),
  right: (s: string, n: number) => (n < 0 ? s.slice(-n) : s.slice(Math.max(0, s.length - n))),
  replace: (s: string, what: string, by: string) => s.split(what).join(by),
  split: (s: string, sep = "", allow_empty = true) => {
    const parts = sep === "" ? [...s] : s.split(sep);
    return allow_empty ? parts : parts.filter((p) => p !== "");
  },
  join: (s: string, parts: unknown[]) => parts.map((part) => str(part)).join(s),
  repeat: (s: string, n: number) => s.repeat(n),
  to_int: (s: string) => Math.trunc(Number.parseFloat(s) || 0),
  to_float: (s: string) => Number.parseFloat(s) || 0,
  is_valid_int: (s: string) => /^[+-]?\d+$/.test(s),
  to_utf8_buffer: (s: string) => new TextEncoder().encode(s),
  is_valid_ip_address: (s: string) => isIpv4(s) || isIpv6(s),
  // One byte per character; what one byte cannot hold becomes "?" (as StreamPeer.put_string writes it).
  to_ascii_buffer: (s: string) =>
    PackedByteArray.from(s, (c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)),
};

const ARRAY: Record<string, Method> = {
  size: (a: unknown[]) => a.length,
  is_empty: (a: unknown[]) => a.length === 0,
  append: (a: unknown[], v: unknown) => void a.push(v),
  push_back: (a: unknown[], v: unknown) => void a.push(v),
  push_front: (a: unknown[], v: unknown) => void a.unshift(v),
  append_array: (a: unknown[], b: unknown[]) => void a.push(...b),
  pop_back: (a: unknown[]) => (a.length ? a.pop() : null),
  pop_front: (a: unknown[]) => (a.length ? a.shift() : null),
  pop_at: (a: unknown[], i: number) => a.splice(at(a.length, i), 1)[0] ?? null,
  remove_at: (a: unknown[], i: number) => void a.splice(at(a.length, i), 1),
  insert: (a: unknown[], i: number, v: unknown) => void a.splice(at(a.length, i), 0, v),
  erase: (a: unknown[], v: unknown) => {
    const i = a.indexOf(v);
    if (i >= 0) a.splice(i, 1);
  },
  find: (a: unknown[], v: unknown, from = 0) => a.indexOf(v, from),
  has: (a: unknown[], v: unknown) => a.includes(v),
  count: (a: unknown[], v: unknown) => a.filter((x) => x === v).length,
  clear: (a: unknown[]) => void a.splice(0),
  front: (a: unknown[]) => a[0] ?? null,
  back: (a: unknown[]) => a[a.length - 1] ?? null,
  duplicate: (a: unknown[]) => [...a],
  reverse: (a: unknown[]) => void a.reverse(),
  sort: (a: unknown[]) => void a.sort((x, y) => (x! < y! ? -1 : x! > y! ? 1 : 0)),
  slice: (a: unknown[], from: number, to = 2 ** 31) => a.slice(from, to),
  map: (a: unknown[], f: (v: unknown) => unknown) => a.map((v) => f(v)),
  filter: (a: unknown[], f: (v: unknown) => unknown) => a.filter((v) => f(v)),
  any: (a: unknown[], f: (v: unknown) => unknown) => a.some((v) => f(v)),
  all: (a: unknown[], f: (v: unknown) => unknown) => a.every((v) => f(v)),
  max: (a: number[]) => (a.length ? Math.max(...a) : null),
  min: (a: number[]) => (a.length ? Math.min(...a) : null),
};

/**
 * A Dictionary as godot-compat gives one (get_var, JSON.parse_string, rpc arguments): a plain object
 * when every key is a String, else a Map. This runtime's own Dictionary class has these methods itself.
 */
export type GodotDictionary = Map<unknown, unknown> | Record<string, unknown>;

export function isGodotDictionary(value: unknown): value is GodotDictionary {
  if (value instanceof Map) return true;
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const keysOf = (d: GodotDictionary): unknown[] => (d instanceof Map ? [...d.keys()] : Object.keys(d));
const hasKey = (d: GodotDictionary, key: unknown): boolean =>
  d instanceof Map ? d.has(key) : typeof key === "string" && Object.hasOwn(d, key);

const DICTIONARY: Record<string, Method> = {
  size: (d: GodotDictionary) => keysOf(d).length,
  is_empty: (d: GodotDictionary) => keysOf(d).length === 0,
  has: hasKey,
  has_all: (d: GodotDictionary, keys: unknown[]) => keys.every((k) => hasKey(d, k)),
  get: (d: GodotDictionary, key: unknown, fallback: unknown = null) =>
    !hasKey(d, key) ? fallback : d instanceof Map ? d.get(key) : d[key as string],
  keys: keysOf,
  values: (d: GodotDictionary) => (d instanceof Map ? [...d.values()] : Object.values(d)),
  find_key: (d: GodotDictionary, value: unknown) =>
    keysOf(d).find((k) => DICTIONARY.get!(d, k) === value) ?? null,
  erase: (d: GodotDictionary, key: unknown) => {
    if (!hasKey(d, key)) return false;
    if (d instanceof Map) d.delete(key);
    else delete d[key as string];
    return true;
  },
  clear: (d: GodotDictionary) => {
    for (const k of keysOf(d)) DICTIONARY.erase!(d, k);
  },
  duplicate: (d: GodotDictionary) => (d instanceof Map ? new Map(d) : { ...d }),
  merge: (d: GodotDictionary, other: Variant, overwrite = false) => {
    const entries: Iterable<[unknown, unknown]> =
      other instanceof Map || typeof other?.entries === "function" ? other.entries() : Object.entries(other);
    for (const [k, v] of entries) {
      if (!overwrite && hasKey(d, k)) continue;
      if (d instanceof Map) d.set(k, v);
      else if (typeof k === "string") d[k] = v;
      else throw new TypeError(`merge(): a ${describe(k)} key does not fit this String-keyed Dictionary.`);
    }
  },
};

/** The method names the translator routes through call(): String's, Array's and Dictionary's, plus Callable's bind. */
export const BUILTIN_METHODS: ReadonlySet<string> = new Set([
  ...Object.keys(STRING),
  ...Object.keys(ARRAY),
  ...Object.keys(DICTIONARY),
  "bind",
  "call",
]);

/** `receiver.name(...args)` with GDScript's meaning for Strings, Arrays and Callables. */
export function call(receiver: Variant, name: string, ...args: Variant[]): Variant {
  const table =
    typeof receiver === "string"
      ? STRING
      : Array.isArray(receiver)
        ? ARRAY
        : isGodotDictionary(receiver)
          ? DICTIONARY
          : undefined;
  const method = table?.[name];
  if (method) return method(receiver, ...args);
  if (receiver instanceof Uint8Array && Object.hasOwn(GROWN, name)) {
    throw new TypeError(
      `${name}() changes a PackedByteArray's length, and here a PackedByteArray is a fixed-length Uint8Array: ` +
        `write \`bytes = gd.grown(bytes, "${name}", ...)\`, which returns the changed copy.`,
    );
  }
  if (typeof receiver === "function") {
    if (name === "call") return receiver(...args);
    if (name === "bind") return (...a: Variant[]) => receiver(...a, ...args);
  }
  const own = receiver?.[name];
  if (typeof own !== "function")
    throw new TypeError(`Invalid call. Nonexistent function '${name}' in base '${describe(receiver)}'.`);
  return own.apply(receiver, args);
}

function describe(value: Variant): string {
  if (value === null || value === undefined) return "Nil";
  if (typeof value === "string") return "String";
  if (Array.isArray(value)) return "Array";
  return value.constructor?.name ?? typeof value;
}

/** A uint8 as Godot stores an int in a PackedByteArray: the low 8 bits. */
const byte = (value: number) => Number(value) & 0xff;

/** A PackedByteArray's index check: Godot prints and changes nothing when it fails. */
function inRange(index: number, size: number, name: string): boolean {
  if (Number.isInteger(index) && index >= 0 && index < size) return true;
  console.error(`ERROR: ${name}: index ${String(index)} is out of bounds (size ${size}).`);
  return false;
}

/** The PackedByteArray methods that change its length, each giving the changed copy. */
/** The parts, one after the other, in a new PackedByteArray. */
function joined(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new PackedByteArray(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const GROWN: Record<string, (bytes: Uint8Array, ...args: never[]) => Uint8Array> = {
  append: (b, value: number) => joined(b, [byte(value)]),
  push_back: (b, value: number) => joined(b, [byte(value)]),
  append_array: (b, more: Uint8Array) => joined(b, more),
  insert: (b, at: number, value: number) =>
    inRange(at, b.length + 1, "insert") ? joined(b.subarray(0, at), [byte(value)], b.subarray(at)) : b,
  remove_at: (b, at: number) =>
    inRange(at, b.length, "remove_at") ? joined(b.subarray(0, at), b.subarray(at + 1)) : b,
  erase: (b, value: number) => {
    const at = b.indexOf(byte(value));
    return at < 0 ? b : GROWN.remove_at!(b, at as never);
  },
  resize: (b, size: number) => {
    if (!Number.isInteger(size) || size < 0) {
      console.error(`ERROR: resize: size ${String(size)} must be an integer of 0 or more.`);
      return b;
    }
    return joined(b.subarray(0, size), new Uint8Array(Math.max(size - b.length, 0))); // new bytes are zeros
  },
  clear: () => new PackedByteArray(0),
};

/**
 * `bytes.append(v)`, `bytes.append_array(more)`, `bytes.resize(n)` … on a PackedByteArray: the translator writes
 * `bytes = gd.grown(bytes, "append", v)`, since a PackedByteArray here is a Uint8Array, whose length is fixed.
 * An Array receiver is changed in place and returned, as the GDScript call would change it.
 */
export function grown<T extends Variant>(receiver: T, name: string, ...args: Variant[]): T {
  if (Array.isArray(receiver) && Object.hasOwn(ARRAY, name)) {
    ARRAY[name]!(receiver, ...args);
    return receiver;
  }
  const change = Object.hasOwn(GROWN, name) ? GROWN[name] : undefined;
  if (!(receiver instanceof Uint8Array) || change === undefined) {
    throw new TypeError(`Invalid call. Nonexistent function '${name}' in base '${describe(receiver)}'.`);
  }
  return (change as (b: Uint8Array, ...a: Variant[]) => Uint8Array)(receiver, ...args) as T;
}

/** The method names gd.grown() handles, for the translator. */
export const GROWING_METHODS: ReadonlySet<string> = new Set(Object.keys(GROWN));
