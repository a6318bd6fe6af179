#!/usr/bin/env node
// wsport-port: translates GDScript and engine Lua scripts to TypeScript.
// Exit codes: 0 every file translated, 1 some place needs a human, 2 bad input or usage.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  EXTENSIONS,
  engineModuleSource,
  outputName,
  PortInputError,
  translateSource,
} from "./translate/index.js";

const HELP = `Usage: wsport-port <files or folders...> --out <dir> [--engine-module <specifier>]

Translates Godot 4 GDScript (.gd) and Defold, Solar2D and Aseprite Lua (.lua, .script,
.gui_script, .render_script, .editor_script) networking scripts to TypeScript against the
@wsport compat packages. One .ts file per input, same base name, in --out.

Options:
  --out <dir>                 where the .ts files go (created if missing)
  --engine-module <specifier> where engine classes and globals outside networking
                              (Control, Label, gui, msg, display, app ...) are imported from,
                              as written in the output's imports (default: ./wsport-engine.js,
                              a module of stand-ins the tool writes into --out)
  -h, --help                  show this help
  -v, --version               show the version

Each file gets a summary line: "translated" or "translated, N places need a human".
A place that needs a human is a comment naming the construct and its source line, and a
needs_human(...) call that makes tsc fail there until you replace it.

Exit codes: 0 every file translated exactly, 1 some places need a human,
2 bad input (a missing file, an unknown extension, a syntax error: file:line:column).
`;

const DEFAULT_ENGINE = "./wsport-engine.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** The files to translate: the files given, and the known extensions found under the folders given. */
function collect(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(input);
    } catch {
      throw new PortInputError(input, "no such file or folder");
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(input, { recursive: true, encoding: "utf8" }).sort()) {
        const path = join(input, entry);
        if (EXTENSIONS.includes(extname(entry)) && statSync(path).isFile()) files.push(path);
      }
    } else {
      if (!EXTENSIONS.includes(extname(input)))
        throw new PortInputError(
          input,
          `unknown extension "${extname(input)}" (expected one of ${EXTENSIONS.join(", ")})`,
        );
      files.push(input);
    }
  }
  return files;
}

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`wsport-port: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (args.positionals.length === 0 || !args.values.out) {
    process.stderr.write(
      `wsport-port: ${args.positionals.length === 0 ? "no input files" : "--out <dir> is required"}\n\n${HELP}`,
    );
    return 2;
  }
  const outDir = resolve(args.values.out);
  const engineModule = args.values["engine-module"] ?? DEFAULT_ENGINE;
  let files: string[];
  try {
    files = collect(args.positionals);
  } catch (error) {
    process.stderr.write(`wsport-port: ${(error as Error).message}\n`);
    return 2;
  }
  if (files.length === 0) {
    process.stderr.write(
      `wsport-port: no ${EXTENSIONS.join(", ")} files in ${args.positionals.join(", ")}\n`,
    );
    return 2;
  }
  const names = new Map<string, string>();
  for (const file of files) {
    const out = outputName(file);
    if (names.has(out)) {
      process.stderr.write(`wsport-port: ${file} and ${names.get(out)} would both write ${out}\n`);
      return 2;
    }
    names.set(out, file);
  }
  // Translate everything first: bad input writes nothing.
  const results = [];
  for (const file of files) {
    try {
      const source = readFileSync(file, "utf8");
      results.push({ file, ...translateSource(source, { file, engineModule, outDir }) });
    } catch (error) {
      process.stderr.write(
        `wsport-port: ${error instanceof PortInputError ? error.message : String(error)}\n`,
      );
      return 2;
    }
  }
  mkdirSync(outDir, { recursive: true });
  const engineNames = new Map<string, "class" | "value">();
  let marked = 0;
  for (const r of results) {
    writeFileSync(join(outDir, r.outName), r.code);
    for (const [name, kind] of r.engineNames)
      if (engineNames.get(name) !== "class") engineNames.set(name, kind);
    marked += r.marks.length;
    const where = relative(process.cwd(), join(outDir, r.outName));
    const summary =
      r.marks.length === 0
        ? "translated"
        : `translated, ${r.marks.length} ${r.marks.length === 1 ? "place needs" : "places need"} a human`;
    process.stdout.write(`${r.file} -> ${where}: ${summary}\n`);
    for (const m of r.marks) process.stdout.write(`  ${r.file}:${m.line}: ${m.construct}: ${m.reason}\n`);
  }
  if (engineModule === DEFAULT_ENGINE && engineNames.size > 0) {
    writeFileSync(join(outDir, "wsport-engine.ts"), engineModuleSource(engineNames));
    process.stdout.write(
      `${relative(process.cwd(), join(outDir, "wsport-engine.ts"))}: stand-ins for ${engineNames.size} engine names\n`,
    );
  }
  return marked > 0 ? 1 : 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      "engine-module": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}

process.exitCode = main(process.argv.slice(2));
