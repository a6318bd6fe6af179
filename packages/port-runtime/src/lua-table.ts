// Lua's table library over tables whose items sit at keys 1 … n.
import { type LuaValue, len, ret, tostring } from "./lua-core.js";

/** table.insert(t, v) appends; table.insert(t, pos, v) shifts up from pos. */
export function insert(t: LuaValue, ...args: [value: LuaValue] | [pos: number, value: LuaValue]): void {
  const n = len(t);
  if (args.length === 1) {
    const [a] = args;
    t[n + 1] = a;
    return;
  }
  const [a, b] = args;
  if (a < 1 || a > n + 1) throw new RangeError("bad argument #2 to 'insert' (position out of bounds)");
  for (let i = n; i >= a; i--) t[i + 1] = t[i];
  t[a] = b;
}

export function remove(t: LuaValue, pos?: number): LuaValue {
  const n = len(t);
  const at = pos ?? n;
  if (n === 0 && pos === undefined) return undefined;
  if (at < 1 || at > n + 1) throw new RangeError("bad argument #2 to 'remove' (position out of bounds)");
  const removed = t[at];
  for (let i = at; i < n; i++) t[i] = t[i + 1];
  if (at <= n) delete t[n];
  return removed;
}

export function concat(t: LuaValue, sep = "", i = 1, j = len(t)): string {
  const parts: string[] = [];
  for (let k = i; k <= j; k++) {
    const v = t[k];
    if (typeof v !== "string" && typeof v !== "number")
      throw new TypeError(`invalid value (at index ${k}) in table for 'concat'`);
    parts.push(tostring(v));
  }
  return parts.join(sep);
}

export function unpack(t: LuaValue, i = 1, j = len(t)) {
  const out = ret();
  for (let k = i; k <= j; k++) out.push(t[k]);
  return out;
}

export function sort(t: LuaValue, less?: (a: LuaValue, b: LuaValue) => LuaValue): void {
  const n = len(t);
  const items = Array.from({ length: n }, (_, k) => t[k + 1]);
  items.sort((a, b) => (less ? (less(a, b) ? -1 : less(b, a) ? 1 : 0) : a < b ? -1 : a > b ? 1 : 0));
  items.forEach((v, k) => {
    t[k + 1] = v;
  });
}
