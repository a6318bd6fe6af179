// wsport-port as a user runs it: the files and folders given, --out, --engine-module, a summary
// line per file, exit codes 0 / 1 / 2, errors with file:line:column, and --help.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, expect, it } from "vitest";
import { here } from "./helpers.ts";

const work = mkdtempSync(`${tmpdir()}/wsport-port-cli-`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `${here}../src/cli.ts`, ...args], {
    cwd: `${here}..`,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = `${work}/${name}`;
  mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  writeFileSync(path, text);
  return path;
}

it("--help prints the usage and exits 0", () => {
  const { code, stdout } = cli("--help");
  expect(code).toBe(0);
  expect(stdout).toMatch(
    /^Usage: wsport-port <files or folders\.\.\.> --out <dir> \[--engine-module <specifier>\]/,
  );
  expect(stdout).toContain("Exit codes: 0");
});

it("a folder of clean scripts: one .ts per file, 'translated' per file, exit 0", () => {
  const out = `${work}/out-clean`;
  const { code, stdout } = cli(`${here}fixtures/godot`, "--out", out);
  expect(code).toBe(0);
  expect(stdout.trim().split("\n")).toEqual([
    expect.stringMatching(/chat_client\.gd -> .*chat_client\.ts: translated$/),
    expect.stringMatching(/chat_server\.gd -> .*chat_server\.ts: translated$/),
    expect.stringMatching(/json_messages\.gd -> .*json_messages\.ts: translated$/),
    expect.stringMatching(/lobby\.gd -> .*lobby\.ts: translated$/),
  ]);
  expect(readFileSync(`${out}/lobby.ts`, "utf8")).toContain("export class Lobby extends Node {");
  expect(existsSync(`${out}/wsport-engine.ts`)).toBe(false); // no engine name used
});

it("places that need a human: counted in the summary, listed with file:line, exit 1; the engine stand-ins written", () => {
  const out = `${work}/out-marked`;
  const script = file("marked/hud.gd", "extends Label\n\nfunc half(a, b):\n\ttext = str(a / b)\n");
  const { code, stdout } = cli(script, "--out", out);
  expect(code).toBe(1);
  expect(stdout).toContain("hud.gd -> ");
  expect(stdout).toContain(": translated, 1 place needs a human");
  expect(stdout).toContain(`${script}:4: a / b: division whose operands' types`);
  expect(stdout).toMatch(/wsport-engine\.ts: stand-ins for 1 engine names/);
  expect(readFileSync(`${out}/hud.ts`, "utf8")).toContain('import { Label } from "./wsport-engine.js";');
  expect(readFileSync(`${out}/wsport-engine.ts`, "utf8")).toContain("export class Label extends Node {");
});

it("--engine-module is the specifier the output imports engine names from, and no stand-ins are written", () => {
  const out = `${work}/out-engine`;
  const script = file(
    "engine/panel.gd",
    "extends Control\n\nfunc _ready() -> void:\n\tprint(Time.get_ticks_msec())\n",
  );
  const { code } = cli(script, "--out", out, "--engine-module", "../my-engine.js");
  expect(code).toBe(0);
  expect(readFileSync(`${out}/panel.ts`, "utf8")).toContain(
    'import { Control, Time } from "../my-engine.js";',
  );
  expect(existsSync(`${out}/wsport-engine.ts`)).toBe(false);
});

it("Lua file names: websocket.gui_script → websocket.gui_script.ts, main.lua → main.ts", () => {
  const out = `${work}/out-lua`;
  const gui = file("lua/websocket.gui_script", "function init(self)\n\tself.n = 1\nend\n");
  const main = file("lua/main.lua", "print('hi')\n");
  const { code, stdout } = cli(gui, main, "--out", out);
  expect(code).toBe(0);
  expect(stdout).toMatch(/websocket\.gui_script\.ts: translated\n/);
  expect(stdout).toMatch(/main\.ts: translated\n/);
  expect(readFileSync(`${out}/websocket.gui_script.ts`, "utf8")).toContain(
    "export function init(self: LuaValue) {",
  );
});

it("bad input exits 2 and writes nothing: syntax errors with file:line:column, missing files, unknown extensions, usage", () => {
  const out = `${work}/out-bad`;
  const good = file("bad/good.gd", "extends Node\n");
  const gdError = file("bad/broken.gd", "extends Node\n\nfunc f(:\n\tpass\n");
  let r = cli(good, gdError, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`^wsport-port: ${gdError}:3:\\d+: Parse Error: `));
  expect(existsSync(out)).toBe(false);

  const luaError = file("bad/broken.lua", "local x = = 1\n");
  r = cli(luaError, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`wsport-port: ${luaError}:1:11: unexpected symbol near '='\n`);

  r = cli(`${work}/bad/missing.gd`, "--out", out);
  expect([r.code, r.stderr]).toEqual([2, `wsport-port: ${work}/bad/missing.gd: no such file or folder\n`]);

  r = cli(file("bad/notes.txt", "hello"), "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('notes.txt: unknown extension ".txt"');

  r = cli(good);
  expect([r.code, r.stderr.split("\n")[0]]).toEqual([2, "wsport-port: --out <dir> is required"]);
  r = cli("--out", out);
  expect([r.code, r.stderr.split("\n")[0]]).toEqual([2, "wsport-port: no input files"]);
  r = cli(good, "--out", out, "--bogus");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("Unknown option '--bogus'");

  const twin = file("bad/other/good.gd", "extends Node\n");
  r = cli(good, twin, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("would both write good.ts");
  expect(existsSync(out)).toBe(false);
}, 90_000); // eleven runs of the CLI
