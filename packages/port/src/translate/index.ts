// The translator: one source file in, one TypeScript module out, with its marked places.
import { basename, dirname, extname } from "node:path";
import { formatTypeScript } from "./format.js";
import { parseGdscript } from "./gdscript/parse.js";
import { translateGdscript } from "./gdscript/translate.js";
import { parseLua } from "./lua/parse.js";
import { translateLua } from "./lua/translate.js";
import type { MarkedPlace } from "./output.js";
import { PortInputError } from "./parse-error.js";

export { engineModuleSource } from "./engine-module.js";
export type { MarkedPlace } from "./output.js";
export { PortInputError } from "./parse-error.js";

/** The extensions the tool reads: GDScript, and the Lua files of Defold, Solar2D and Aseprite. */
export const LUA_EXTENSIONS = [".lua", ".script", ".gui_script", ".render_script", ".editor_script"];
export const EXTENSIONS = [".gd", ...LUA_EXTENSIONS];

export interface TranslateOptions {
  /** The source file's path (names the output, the class, and errors). */
  file: string;
  /** Where engine classes and globals outside networking come from, as the output imports it. */
  engineModule: string;
  /** The folder the output goes to: Biome's configuration is looked up from there. */
  outDir: string;
}

export interface FileTranslation {
  language: "gdscript" | "lua";
  /** The output file's name: `client.gd` → `client.ts`, `websocket.gui_script` → `websocket.gui_script.ts`. */
  outName: string;
  code: string;
  marks: MarkedPlace[];
  /** Names the output imports from the engine module, and whether each is used as a class. */
  engineNames: Map<string, "class" | "value">;
}

/** The output file name for `file`. */
export function outputName(file: string): string {
  const ext = extname(file);
  const base = basename(file);
  return ext === ".gd" || ext === ".lua" ? `${base.slice(0, -ext.length)}.ts` : `${base}.ts`;
}

/** Translates one file's text. Throws PortInputError for an unknown extension or a syntax error. */
export function translateSource(source: string, options: TranslateOptions): FileTranslation {
  const ext = extname(options.file);
  const outName = outputName(options.file);
  const baseName = basename(options.file, ext);
  let result: { code: string; marks: { places: MarkedPlace[] }; engineNames: Map<string, "class" | "value"> };
  let language: FileTranslation["language"];
  if (ext === ".gd") {
    language = "gdscript";
    result = translateGdscript(parseGdscript(source, options.file), {
      baseName,
      engineModule: options.engineModule,
    });
  } else if (LUA_EXTENSIONS.includes(ext)) {
    language = "lua";
    result = translateLua(parseLua(source, options.file), source, {
      baseName,
      extension: ext,
      engineModule: options.engineModule,
    });
  } else {
    throw new PortInputError(
      options.file,
      `unknown extension "${ext}" (expected one of ${EXTENSIONS.join(", ")})`,
    );
  }
  const code = formatTypeScript(
    result.code,
    `${options.outDir}/${outName}`,
    options.outDir || dirname(options.file),
  );
  // A place counts once, and only if it is in the output (a sub-expression translated and then dropped is not).
  const marks = result.marks.places.filter(
    (m, i, all) =>
      code.includes(`needs_human(${JSON.stringify(`${m.construct} (line ${m.line})`)})`) &&
      all.findIndex((o) => o.line === m.line && o.construct === m.construct) === i,
  );
  return { language, outName, code, marks, engineNames: result.engineNames };
}
