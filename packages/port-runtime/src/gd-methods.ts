// The methods of GDScript's String and Array, for a call whose receiver's type the translator
// cannot see: `x.size()` becomes `gd.call(x, "size")`, and the receiver decides here. An object
// (a Node, a Dictionary, a PackedByteArray, any class) gets its own method called.
import { str } from "@wsport/godot-compat";
import type { Variant } from "./gd-variant.js";

type Method = (self: Variant, ...args: Variant[]) => Variant;

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

/** The method names the translator routes through call(): String's and Array's, plus Callable's bind. */
export const BUILTIN_METHODS: ReadonlySet<string> = new Set([
  ...Object.keys(STRING),
  ...Object.keys(ARRAY),
  "bind",
  "call",
]);

/** `receiver.name(...args)` with GDScript's meaning for Strings, Arrays and Callables. */
export function call(receiver: Variant, name: string, ...args: Variant[]): Variant {
  const table = typeof receiver === "string" ? STRING : Array.isArray(receiver) ? ARRAY : undefined;
  const method = table?.[name];
  if (method) return method(receiver, ...args);
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
