// @wsport/port's runtime: what translated scripts import. The translator itself is the
// `@wsport/port/translate` entry and the `wsport-port` CLI; this entry has no parser in it.
export * as gd from "./runtime/gdscript.js";
export { Dictionary, RefCounted, type Variant } from "./runtime/gdscript.js";
export type { LuaValue } from "./runtime/lua.js";
export * as lua from "./runtime/lua.js";
export { needs_human } from "./runtime/needs-human.js";
