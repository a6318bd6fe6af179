#!/usr/bin/env node
// Fails on any import cycle among a package's source files (value or type imports, re-exports and
// import() types alike), and on any import in godot-compat from a folder into a folder above it.
// The folder order is Godot's own, bottom up (docs/design.md, "godot-compat's layout").
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** godot-compat's folders, bottom up: a file may import from its own folder and the ones before it. */
export const GODOT_LAYERS = [
  ["core"],
  ["variant"],
  ["crypto"],
  ["io"],
  ["scene"],
  ["websocket", "multiplayer"],
];

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

/** Every relative import of every .ts file below `dir`, as a map from file to the files it names. */
export function importGraph(dir) {
  const graph = new Map();
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) graph.set(path, targetsOf(path));
    }
  };
  walk(dir);
  return graph;
}

function targetsOf(file) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1].replace(/\.js$/, ".ts")));
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low === info.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return found;
}

/** Imports that go up: from a folder into one later in `layers` (or into an entry point). */
export function upwardImports(graph, srcDir, layers) {
  const rank = (file) => {
    const folder = relative(srcDir, file).split(/[\\/]/)[0];
    const i = layers.findIndex((layer) => layer.includes(folder));
    return i === -1 ? layers.length : i; // entry points (index.ts, node.ts) sit on top
  };
  const sibling = (a, b) => {
    const fa = relative(srcDir, a).split(/[\\/]/)[0];
    const fb = relative(srcDir, b).split(/[\\/]/)[0];
    return fa !== fb && rank(a) === rank(b) && rank(a) < layers.length;
  };
  const bad = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (rank(to) > rank(from) || sibling(from, to)) bad.push([from, to]);
    }
  }
  return bad;
}

/** The longest chain of imports (file count), for the structure figures in docs/design.md. */
export function longestChain(graph) {
  const memo = new Map();
  const depth = (v) => {
    if (memo.has(v)) return memo.get(v);
    memo.set(v, 1); // cycles (reported elsewhere) do not loop here
    const d = 1 + Math.max(0, ...(graph.get(v) ?? []).filter((w) => graph.has(w)).map(depth));
    memo.set(v, d);
    return d;
  };
  return Math.max(0, ...[...graph.keys()].map(depth));
}

function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const problems = [];
  for (const name of readdirSync(join(root, "packages"))) {
    const srcDir = join(root, "packages", name, "src");
    try {
      statSync(srcDir);
    } catch {
      continue;
    }
    const graph = importGraph(srcDir);
    for (const cycle of cycles(graph))
      problems.push(`import cycle in ${name}: ${cycle.map((f) => relative(srcDir, f)).join(" -> ")}`);
    if (name === "godot-compat") {
      for (const [from, to] of upwardImports(graph, srcDir, GODOT_LAYERS))
        problems.push(
          `godot-compat: ${relative(srcDir, from)} imports ${relative(srcDir, to)}, a folder above or beside it`,
        );
      if (process.argv.includes("--figures")) {
        const folders = new Map();
        for (const file of graph.keys()) {
          const folder = relative(srcDir, file).split(/[\\/]/);
          const key = folder.length > 1 ? folder[0] : "(entries)";
          folders.set(key, (folders.get(key) ?? 0) + 1);
        }
        console.log("godot-compat files per folder:", Object.fromEntries(folders));
        console.log("godot-compat longest import chain:", longestChain(graph), "files");
      }
    }
  }
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log("imports: no cycle in any package, godot-compat's folders import downwards only");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
