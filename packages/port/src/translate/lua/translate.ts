import type { Chunk } from "luaparse";
import { Imports, Marks } from "../output.js";

export interface LuaOptions {
  baseName: string;
  extension: string;
  engineModule: string;
}

export function translateLua(_chunk: Chunk, _source: string, _options: LuaOptions) {
  const imports = new Imports();
  return { code: "", marks: new Marks(imports), engineNames: new Map<string, "class" | "value">() };
}
