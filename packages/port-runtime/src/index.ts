// @wsport/port-runtime: what code translated by `wsport-port` (@wsport/port) imports at run time,
// in Node and in browsers. No parser and no build tool in it: those stay in @wsport/port.
export * as gd from "./gdscript.js";
export { Dictionary, RefCounted, type Variant } from "./gdscript.js";
export type { LuaValue } from "./lua.js";
export * as lua from "./lua.js";
export { needs_human } from "./needs-human.js";
