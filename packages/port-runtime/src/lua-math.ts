// Lua's math library.
import type { LuaValue } from "./lua-core.js";

export const pi = Math.PI;
export const huge = Number.POSITIVE_INFINITY;
export const maxinteger = Number.MAX_SAFE_INTEGER;
export const mininteger = Number.MIN_SAFE_INTEGER;
export const floor = Math.floor;
export const ceil = Math.ceil;
export const abs = Math.abs;
export const sqrt = Math.sqrt;
export const sin = Math.sin;
export const cos = Math.cos;
export const exp = Math.exp;
export const max = (...v: number[]) => Math.max(...v);
export const min = (...v: number[]) => Math.min(...v);
export const fmod = (a: number, b: number) => a % b;
export const tointeger = (v: LuaValue) => (Number.isInteger(v) ? v : undefined);
export function log(x: number, base?: number): number {
  return base === undefined ? Math.log(x) : Math.log(x) / Math.log(base);
}
/** math.random(), math.random(m), math.random(m, n). */
export function random(m?: number, n?: number): number {
  if (m === undefined) return Math.random();
  const [lo, hi] = n === undefined ? [1, m] : [m, n];
  if (lo > hi) throw new RangeError("bad argument to 'random' (interval is empty)");
  return lo + Math.floor(Math.random() * (hi - lo + 1));
}
export function randomseed(_seed?: number): void {}
