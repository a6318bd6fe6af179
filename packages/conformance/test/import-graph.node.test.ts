// The build fails on an import cycle in any package's src/ (value or type imports alike) and on an import
// in godot-compat from a folder into one above it (docs/design.md, "godot-compat's layout").
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script (scripts/ has no declarations); its functions are typed below.
import * as checker from "../../../scripts/check-imports.mjs";

type Graph = Map<string, string[]>;
const { importGraph, cycles, upwardImports, GODOT_LAYERS } = checker as {
  importGraph(dir: string): Graph;
  cycles(graph: Graph): string[][];
  upwardImports(graph: Graph, srcDir: string, layers: string[][]): [string, string][];
  GODOT_LAYERS: string[][];
};

const packages = fileURLToPath(new URL("../../", import.meta.url));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "wsport-imports-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("import graph", () => {
  const withSource = readdirSync(packages).filter((name) => existsSync(join(packages, name, "src")));

  it.each(withSource)("%s: no import cycle", (name) => {
    const graph = importGraph(join(packages, name, "src"));
    expect(graph.size).toBeGreaterThan(0);
    expect(cycles(graph)).toEqual([]);
  });

  it("godot-compat's folders import downwards only, in Godot's order", () => {
    const src = join(packages, "godot-compat", "src");
    const graph = importGraph(src);
    expect(upwardImports(graph, src, GODOT_LAYERS)).toEqual([]);
    // Every folder of src/ has its place in the order.
    const folders = new Set(
      [...graph.keys()]
        .map((f) => f.slice(src.length + 1).split("/"))
        .filter((p) => p.length > 1)
        .map((p) => p[0]!),
    );
    expect([...folders].filter((f) => !GODOT_LAYERS.flat().includes(f))).toEqual([]);
  });

  it("finds a cycle made by type imports, re-exports and import() types", () => {
    const dir = tree({
      "a.ts": 'import type { B } from "./b.js";\nexport type A = B;\n',
      "b.ts": 'export { c } from "./c.js";\nexport type B = 1;\n',
      "c.ts": 'export const c: import("./a.js").A = 1;\n',
      "d.ts": 'import { c } from "./c.js";\nexport const d = c;\n',
    });
    const found = cycles(importGraph(dir)).map((cycle) => cycle.map((f) => f.slice(dir.length + 1)));
    expect(found).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });

  it("finds an import from a lower folder into a higher one or a sibling", () => {
    const dir = tree({
      "core/print.ts": 'import { Node } from "../scene/node.js";\n',
      "scene/node.ts": 'import { print } from "../core/print.js";\n',
      "websocket/peer.ts": 'import { api } from "../multiplayer/api.js";\n',
      "multiplayer/api.ts": 'import { Node } from "../scene/node.js";\n',
      "index.ts": 'export * from "./websocket/peer.js";\n',
    });
    const bad = upwardImports(importGraph(dir), dir, GODOT_LAYERS).map(([from, to]) =>
      [from, to].map((f) => f.slice(dir.length + 1)).join(" -> "),
    );
    expect(bad.sort()).toEqual(["core/print.ts -> scene/node.ts", "websocket/peer.ts -> multiplayer/api.ts"]);
  });
});
