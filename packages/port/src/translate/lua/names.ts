// The names the Lua translator treats specially: the compat packages and their globals, Lua's base
// and standard libraries (from the runtime), functions that return several values, Defold's callbacks.

export const DEFOLD = "@wsport/defold-compat";
export const CORONA = "@wsport/corona-compat";
export const ASEPRITE = "@wsport/aseprite-compat";

/** Lua's base functions the runtime provides as lua.<name>. */
export const BASE_FUNCTIONS = new Set([
  "print",
  "tostring",
  "tonumber",
  "type",
  "pairs",
  "ipairs",
  "next",
  "select",
  "error",
  "assert",
  "pcall",
  "setmetatable",
  "getmetatable",
  "rawget",
  "rawset",
  "unpack",
]);
/** The standard libraries the runtime provides as lua.<library>. */
export const LIBRARIES = new Set(["string", "table", "math", "os", "coroutine"]);
/** Calls whose results may be several (the others give one value). */
export const MULTI_RESULTS = new Set([
  "select",
  "pcall",
  "unpack",
  "next",
  "assert",
  "string.find",
  "string.match",
  "string.gsub",
  "string.byte",
  "table.unpack",
  "string.unpack",
  "coroutine.resume",
  "coroutine.running",
]);
/** Defold's script callbacks: exported for runScript. */
export const DEFOLD_CALLBACKS = new Set([
  "init",
  "final",
  "update",
  "fixed_update",
  "on_message",
  "on_input",
  "on_reload",
]);
/** The globals the compat packages provide. */
export const COMPAT_GLOBALS: Record<string, string> = {
  websocket: DEFOLD,
  WebSocket: ASEPRITE,
  WebSocketMessageType: ASEPRITE,
  MessageType: ASEPRITE,
};
