// Constructs the tool cannot translate exactly are marked, never guessed: each is a comment naming
// it and its source line plus a needs_human() call, the count is honest, and tsc fails on exactly
// those lines (and on no other), with the generated engine stand-ins type-checking too. The
// expected translations of the end-to-end fixtures type-check under strict with no error at all.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineModuleSource, type FileTranslation } from "../src/translate/index.ts";
import { fixtures, here, translateSnippet } from "./helpers.ts";
import { typeErrors } from "./typecheck.ts";

const out = mkdtempSync(`${tmpdir()}/wsport-port-marked-`);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const cases = {
  "untranslatable.gd": [
    [1, "annotation @tool"],
    [6, "property speed with set = / get = functions"],
    [12, "a / b"],
    [16, "value is int"],
    [18, "value as int"],
    [20, "match pattern [1, 2]"],
    [28, "-2 ** 2"],
    [29, "not a in b"],
    [30, "1 << 60"],
    [35, "self"],
    [43, "header().append(2)"],
  ],
  "unsupported.lua": [
    [4, "table key BooleanLiteral"],
    [5, "a call's results at the end of a table constructor"],
    [6, "coroutine.yield outside a function"],
    [9, "goto continue"],
    [11, "::continue::"],
    [14, "repeat … until on a local of its body"],
    [18, "_G"],
    [20, "return at the top of the chunk"],
  ],
} as const;

const translations = new Map<string, FileTranslation>();
const expectedFiles = fixtures().map((f) => `${here}expected/${f.engine}/${f.expected}`);
let errors: ReturnType<typeof typeErrors> = [];

// One compiler program for every file: building it is most of the time.
beforeAll(() => {
  const engineNames = new Map<string, "class" | "value">();
  for (const file of Object.keys(cases)) {
    const result = translateSnippet(readFileSync(`${here}fixtures/marked/${file}`, "utf8"), `marked/${file}`);
    translations.set(file, result);
    writeFileSync(`${out}/${result.outName}`, result.code);
    for (const [name, kind] of result.engineNames) engineNames.set(name, kind);
  }
  writeFileSync(`${out}/engine.ts`, engineModuleSource(engineNames));
  errors = typeErrors([
    ...[...translations.values()].map((t) => `${out}/${t.outName}`),
    `${out}/engine.ts`,
    ...expectedFiles,
  ]);
}, 120_000);

it("the expected translations of the fixtures type-check under strict", () => {
  expect(expectedFiles.length).toBe(10);
  expect(errors.filter((e) => expectedFiles.includes(e.file))).toEqual([]);
});

it("the generated engine stand-ins type-check", () => {
  expect(errors.filter((e) => e.file === `${out}/engine.ts`)).toEqual([]);
});

describe("marked places", () => {
  for (const [file, expected] of Object.entries(cases)) {
    it(`${file}: every construct marked with its line, counted once, and tsc fails exactly there`, () => {
      const result = translations.get(file)!;
      expect(result.marks.map((m) => [m.line, m.construct])).toEqual(expected);
      const calls = result.code.match(/needs_human\("/g) ?? [];
      expect(calls).toHaveLength(expected.length); // the summary's count is the places in the output
      for (const m of result.marks)
        expect(result.code).toContain(
          `// wsport-port: needs a human (source line ${m.line}): ${m.construct}: ${m.reason}`,
        );

      const path = `${out}/${result.outName}`;
      const lines = result.code.split("\n");
      const markedLines = new Set(lines.flatMap((l, i) => (l.includes('needs_human("') ? [i + 1] : [])));
      const own = errors.filter((e) => e.file === path);
      expect(own.filter((e) => !markedLines.has(e.line))).toEqual([]);
      expect(new Set(own.map((e) => e.line))).toEqual(markedLines);
    });
  }
});
