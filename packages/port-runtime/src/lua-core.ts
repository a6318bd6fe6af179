// The core of the Lua runtime: values, truthiness, several results, tables and metatables, the basic
// functions. The libraries (string, table, math, os, coroutine) build on it; lua.ts gathers them all.

/** What a coroutine is (lua-coroutine.ts extends it), so that type() says "thread" without importing it. */
export class LuaThread {}

/** A Lua value: dynamic, as in Lua. */
// biome-ignore lint/suspicious/noExplicitAny: Lua is dynamically typed
export type LuaValue = any;

/** Several values at once: what `return a, b` returns. */
export class LuaMulti extends Array<LuaValue> {}

/** `return a, b, …` */
export function ret(...values: LuaValue[]): LuaMulti {
  const multi = new LuaMulti();
  multi.push(...values);
  return multi;
}

/** The first of a call's results (a call in the middle of a list, or in parentheses). */
export function first(value: LuaValue): LuaValue {
  return value instanceof LuaMulti ? value[0] : value;
}

/** All of a call's results (a call at the end of a list). */
export function all(value: LuaValue): LuaValue[] {
  return value instanceof LuaMulti ? [...value] : [value];
}

/** `local a, b = f()`: exactly `count` values, nil-filled. */
export function values(count: number, ...items: LuaValue[]): LuaValue[] {
  return Array.from({ length: count }, (_, i) => items[i]);
}

/** Lua's truthiness: only nil and false are false. */
export function truthy(value: LuaValue): boolean {
  return value !== undefined && value !== null && value !== false;
}

/** `a and b`, `a or b` (b already evaluated: it has no side effects), and the lazy forms for a b that calls. */
export function and(a: LuaValue, b: LuaValue): LuaValue {
  return truthy(a) ? b : a;
}
export function or(a: LuaValue, b: LuaValue): LuaValue {
  return truthy(a) ? a : b;
}
export function andElse(a: LuaValue, b: () => LuaValue): LuaValue {
  return truthy(a) ? b() : a;
}
export function orElse(a: LuaValue, b: () => LuaValue): LuaValue {
  return truthy(a) ? a : b();
}

/** Lua's tostring for numbers: integers as integers, others as %.14g. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Number.isNaN(n)) return n > 0 ? "nan" : "-nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  return Number(n.toPrecision(14))
    .toString()
    .replace(/e\+?(-?)(\d)$/, "e$1$20$2");
}

const ids = new WeakMap<object, string>();
let nextId = 0x55550000;

export function tostring(value: LuaValue): string {
  if (value === undefined || value === null) return "nil";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  const mt = metatables.get(value);
  if (mt && typeof mt.__tostring === "function") return mt.__tostring(value);
  if (typeof value === "object" || typeof value === "function") {
    if (
      typeof value === "object" &&
      Object.getPrototypeOf(value) !== Object.prototype &&
      Object.getPrototypeOf(value) !== null &&
      !mt
    )
      return String(value); // an engine object keeps its own text
    let id = ids.get(value);
    if (!id) {
      id = (nextId++).toString(16).padStart(8, "0");
      ids.set(value, id);
    }
    return `${typeof value === "function" ? "function" : "table"}: 0x${id}`;
  }
  return String(value);
}

export function tonumber(value: LuaValue, base?: number): LuaValue {
  if (typeof value === "number" && base === undefined) return value;
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  if (base !== undefined) {
    // Every digit must be below the base ("12" in base 2 is nil, where parseInt would stop at "1").
    const digits = s.replace(/^-/, "").toLowerCase();
    const valid = digits !== "" && [...digits].every((d) => Number.parseInt(d, 36) < base);
    return valid ? Number.parseInt(s, base) : undefined;
  }
  if (/^-?0x[0-9a-f]+$/i.test(s)) return s.startsWith("-") ? -Number(s.slice(1)) : Number(s);
  if (s === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

export function type(value: LuaValue): string {
  if (value === undefined || value === null) return "nil";
  if (value instanceof LuaThread) return "thread";
  if (typeof value === "object") return "table";
  return typeof value === "bigint" ? "number" : typeof value;
}

/** Lua's print: the values as tostring writes them, separated by tabs. */
export function print(...args: LuaValue[]): void {
  console.log(args.map(tostring).join("\t"));
}

/** `a .. b .. c`: strings and numbers only, numbers as Lua writes them. */
export function concat(...parts: LuaValue[]): string {
  return parts
    .map((p) => {
      if (typeof p === "string") return p;
      if (typeof p === "number") return numberText(p);
      throw new TypeError(`attempt to concatenate a ${type(p)} value`);
    })
    .join("");
}

/** `a + b` where a side may be a string: Lua converts numeric strings, JavaScript would concatenate. */
export function add(a: LuaValue, b: LuaValue): number {
  return arith(a, "add") + arith(b, "add");
}

function arith(v: LuaValue, what: string): number {
  if (typeof v === "number") return v;
  const n = typeof v === "string" ? tonumber(v) : undefined;
  if (n === undefined) throw new TypeError(`attempt to perform arithmetic (${what}) on a ${type(v)} value`);
  return n;
}

/** `a % b`: Lua's modulo takes the sign of the divisor. */
export function mod(a: LuaValue, b: LuaValue): number {
  const x = arith(a, "mod");
  const y = arith(b, "mod");
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
}

/** `#v`: a string's length, a table's border (the last n with t[n] non-nil and t[n+1] nil, from 1). */
export function len(value: LuaValue): number {
  if (typeof value === "string") return value.length;
  if (value !== null && typeof value === "object") {
    const mt = metatables.get(value);
    if (mt && typeof mt.__len === "function") return mt.__len(value);
    let n = 0;
    while (value[n + 1] !== undefined && value[n + 1] !== null) n++;
    return n;
  }
  throw new TypeError(`attempt to get length of a ${type(value)} value`);
}

/** A table from a list (`{...}`, `{ f() }`): items at keys 1 … n. */
export function list(items: LuaValue[]): Record<number, LuaValue> {
  const t: Record<number, LuaValue> = {};
  items.forEach((v, i) => {
    t[i + 1] = v;
  });
  return t;
}

/** `pairs(t)`: own keys, integer keys ascending first (JavaScript's order, one of the orders Lua allows), nil values skipped. */
export function* pairs(t: LuaValue): Generator<[LuaValue, LuaValue]> {
  if (t === null || typeof t !== "object")
    throw new TypeError(`bad argument #1 to 'for iterator' (table expected, got ${type(t)})`);
  for (const key of Object.keys(t)) {
    const v = t[key];
    if (v === undefined || v === null) continue;
    yield [/^(0|-?[1-9]\d*)$/.test(key) ? Number(key) : key, v];
  }
}

/** `ipairs(t)`: 1, 2, 3 … up to the first nil (reading through __index, as Lua 5.3 does). */
export function* ipairs(t: LuaValue): Generator<[number, LuaValue]> {
  if (t === null || t === undefined)
    throw new TypeError(`bad argument #1 to 'for iterator' (table expected, got ${type(t)})`);
  for (let i = 1; ; i++) {
    const v = t[i];
    if (v === undefined || v === null) return;
    yield [i, v];
  }
}

/** The generic for over any iterator function: `for a, b in f, s, c`. */
export function* iterate(f: LuaValue, s?: LuaValue, control?: LuaValue): Generator<LuaValue[]> {
  for (;;) {
    const results = all(f(s, control));
    if (results[0] === undefined || results[0] === null) return;
    control = results[0];
    yield results;
  }
}

/** `for i = a, b, step`: the limit and step read once, as Lua does. */
export function* range(from: number, to: number, step = 1): Generator<number> {
  if (step === 0) throw new Error("'for' step is zero");
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) yield i;
}

/** `next(t, k)`: the key after k in pairs order. */
export function next(t: LuaValue, key?: LuaValue): LuaMulti {
  let found = key === undefined;
  for (const [k, v] of pairs(t)) {
    if (found) return ret(k, v);
    if (k === key) found = true;
  }
  return ret(undefined);
}

/** `select("#", …)` and `select(n, …)`. */
export function select(n: LuaValue, ...args: LuaValue[]): LuaValue {
  if (n === "#") return args.length;
  const i = n < 0 ? args.length + n : n - 1;
  if (i < 0) throw new RangeError("bad argument #1 to 'select' (index out of range)");
  return ret(...args.slice(i));
}

export function error(message: LuaValue, _level?: number): never {
  throw message instanceof Error ? message : new LuaError(message);
}

/** What error() throws: the Lua value is `value`. */
export class LuaError extends Error {
  constructor(readonly value: LuaValue) {
    super(typeof value === "string" ? value : tostring(value));
  }
}

export function assert(
  value: LuaValue,
  message: LuaValue = "assertion failed!",
  ...rest: LuaValue[]
): LuaValue {
  if (!truthy(value)) throw new LuaError(message);
  return ret(value, message, ...rest);
}

/** `pcall(f, …)`: true and f's results, or false and the error's value. */
export function pcall(f: LuaValue, ...args: LuaValue[]): LuaMulti {
  try {
    return ret(true, ...all(f(...args)));
  } catch (e) {
    return ret(false, e instanceof LuaError ? e.value : e instanceof Error ? e.message : e);
  }
}

export function unpack(t: LuaValue, i = 1, j = len(t)): LuaMulti {
  const out = ret();
  for (let k = i; k <= j; k++) out.push(t[k]);
  return out;
}

// --- metatables -------------------------------------------------------------------------------

const metatables = new WeakMap<object, LuaValue>();

/** A table's metatable (getmetatable in lua.ts adds the strings' one). */
export function metatableOf(t: LuaValue): LuaValue {
  return metatables.get(t);
}

/** setmetatable with __index (a table or a function), __tostring and __len; other metamethods throw. */
export function setmetatable(t: LuaValue, mt: LuaValue): LuaValue {
  if (mt === undefined || mt === null) {
    metatables.delete(t);
    Object.setPrototypeOf(t, Object.prototype);
    return t;
  }
  for (const key of Object.keys(mt))
    if (key.startsWith("__") && !["__index", "__tostring", "__len", "__name", "__metatable"].includes(key))
      throw new Error(`wsport-port runtime: metamethod ${key} is not supported`);
  metatables.set(t, mt);
  // __index is read when a key is missing, as Lua reads it then: a prototype that asks mt each time.
  const lookup = new Proxy(Object.create(null), {
    get(_target, key) {
      const index = mt.__index;
      if (typeof index === "function") return index(t, key);
      if (index !== null && typeof index === "object") return index[key as string];
      return undefined;
    },
    has(_target, key) {
      const index = mt.__index;
      return index !== null && typeof index === "object" && key in index;
    },
  });
  Object.setPrototypeOf(t, lookup);
  return t;
}

export function rawget(t: LuaValue, k: LuaValue): LuaValue {
  return Object.hasOwn(t, k) ? t[k] : undefined;
}

export function rawset(t: LuaValue, k: LuaValue, v: LuaValue): LuaValue {
  Object.defineProperty(t, k, { value: v, writable: true, enumerable: true, configurable: true });
  return t;
}

// --- bitwise (Lua 5.3 integers are 64-bit) --------------------------------------------------------

const i64 = (v: number) => BigInt.asIntN(64, BigInt(Math.trunc(v)));
export const band = (a: number, b: number) => Number(i64(a) & i64(b));
export const bor = (a: number, b: number) => Number(i64(a) | i64(b));
export const bxor = (a: number, b: number) => Number(i64(a) ^ i64(b));
export const bnot = (a: number) => Number(BigInt.asIntN(64, ~i64(a)));
export const shl = (a: number, b: number) => (b >= 64 ? 0 : Number(BigInt.asIntN(64, i64(a) << BigInt(b))));
export const shr = (a: number, b: number) =>
  b >= 64 ? 0 : Number(BigInt.asIntN(64, BigInt.asUintN(64, i64(a)) >> BigInt(b)));
