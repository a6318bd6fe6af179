// luaparse with Lua 5.3 syntax: what Defold (LuaJIT, 5.1), Solar2D (5.1) and Aseprite (5.4 without <const>/<close>) run.
import luaparse, { type Chunk } from "luaparse";
import { PortInputError } from "../parse-error.js";

/** The syntax tree of a Lua file, with comments and locations; a syntax error throws with its line and column. */
export function parseLua(source: string, file: string): Chunk {
  try {
    return luaparse.parse(source, {
      luaVersion: "5.3",
      comments: true,
      locations: true,
      ranges: true,
      scope: true,
    });
  } catch (error) {
    const e = error as Error & { line?: number; column?: number };
    if (typeof e.line === "number") {
      // Lua's own wording where luaparse words it differently.
      const message = e.message
        .replace(/^\[\d+:\d+\]\s*/, "")
        .replace(/^<expression> expected near/, "unexpected symbol near");
      throw new PortInputError(file, message, e.line, (e.column ?? 0) + 1);
    }
    throw error;
  }
}
