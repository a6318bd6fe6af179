// The Lua semantics JavaScript lacks, for translated scripts (`import { lua } from "@wsport/port-runtime"`).
// Tables are JavaScript objects whose positional items sit at keys 1, 2, 3 …, so `t[1]` stays
// `t[1]`; nil is undefined, and a key set to nil is skipped as Lua skips it. Several results are a
// LuaMulti; truthiness is Lua's (only nil and false are false).
import { type LuaValue, metatableOf, type } from "./lua-core.js";
import * as stringLibrary from "./lua-string.js";

export * from "./lua-core.js";
export * as coroutine from "./lua-coroutine.js";
export * as math from "./lua-math.js";
export * as os from "./lua-os.js";
export * as string from "./lua-string.js";
export * as table from "./lua-table.js";

export function getmetatable(t: LuaValue): LuaValue {
  if (typeof t === "string") return { __index: stringLibrary };
  return metatableOf(t);
}

// --- functions and methods ---------------------------------------------------------------------

const luaFunctions = new WeakSet<object>();

/** Marks a translated function stored in a table, so that `obj:method()` passes obj as its first argument. */
export function fn<F extends (...args: LuaValue[]) => LuaValue>(f: F): F {
  luaFunctions.add(f);
  return f;
}

/** `obj:name(…)`: a string's method from the string library, a translated function with obj first, an engine object's method. */
export function method(obj: LuaValue, name: string, ...args: LuaValue[]): LuaValue {
  if (typeof obj === "string") return (stringLibrary as Record<string, LuaValue>)[name](obj, ...args);
  if (obj === null || obj === undefined)
    throw new TypeError(`attempt to index a nil value (method '${name}')`);
  const f = obj[name];
  if (typeof f !== "function") throw new TypeError(`attempt to call a ${type(f)} value (method '${name}')`);
  return luaFunctions.has(f) ? f(obj, ...args) : f.apply(obj, args);
}

export { type Capture, patternFind } from "./lua-pattern.js";
