// One import, built the way an app's bundler builds it: esbuild, Vite (8: Rolldown, Oxc's minifier) and
// Rollup 4 (minified by esbuild, as Rollup has no minifier of its own). Each gets the same entry file, an
// app that imports some names from a package and keeps them, and each resolves the "browser" condition
// as it does by default for a web app. The packages' tree-shaking differs between them (what each can
// prove side-effect free), which is why the size table has a column per bundler.
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build as esbuild, transform } from "esbuild";
import { type Plugin, rollup } from "rollup";
import { build as viteBuild } from "vite";
import type { Bundler } from "./size-table.ts";

/** How an app's bundler builds for the browser; the benchmark pages (sections/browser.ts) use it too. */
export const BROWSER_BUILD = {
  bundle: true,
  write: false,
  platform: "browser",
  conditions: ["browser"],
  target: "es2022",
  minify: true,
  metafile: true,
  logLevel: "silent",
  // The workspace packages' own tsconfig files map @wsport/* to their sources (for the tests); an
  // app's bundler never sees those, so they must not decide what gets bundled.
  tsconfigRaw: "{}",
} as const satisfies BuildOptions;

/** What one bundler made of one import. */
export interface BuiltImport {
  bundler: Bundler;
  code: string;
  /** Minified bytes. */
  minified: number;
  /** Minified, then gzip -9 bytes. */
  gzip: number;
  /** Every module the bundler took in (absolute paths, symlinks resolved). */
  modules: string[];
}

/**
 * The app: `import { A as x0, B as x1 } from "pkg"` and a global that keeps them, so that no bundler
 * drops them (an app build drops the entry's exports). `imports` is "A, B"; "default" is a default import.
 */
export function appSource(name: string, imports: string): string {
  const names = imports.split(",").map((n) => n.trim());
  const bindings = names.map((n, i) => `${n} as x${i}`).join(", ");
  const kept = names.map((_, i) => `x${i}`).join(", ");
  return `import { ${bindings} } from ${JSON.stringify(name)};\nglobalThis.wsportKept = [${kept}];\n`;
}

/** Builds `imports` from package `name`, resolved from `dir`'s node_modules, with `bundler`. */
export async function buildImport(
  bundler: Bundler,
  name: string,
  imports: string,
  dir: string,
): Promise<BuiltImport> {
  const entry = join(dir, `app-${name.replace(/\W/g, "_")}-${bundler}.js`);
  writeFileSync(entry, appSource(name, imports));
  const built = await BUILD[bundler](entry, dir);
  const bytes = Buffer.from(built.code);
  return {
    bundler,
    code: built.code,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    modules: built.modules,
  };
}

type Build = (entry: string, dir: string) => Promise<{ code: string; modules: string[] }>;

const BUILD: Record<Bundler, Build> = {
  async esbuild(entry, dir) {
    const result = await esbuild({
      ...BROWSER_BUILD,
      entryPoints: [entry],
      format: "esm",
      absWorkingDir: dir,
    });
    const code = result.outputFiles[0]?.text ?? "";
    return { code, modules: Object.keys(result.metafile.inputs).map((p) => realpathSync(join(dir, p))) };
  },

  async vite(entry, dir) {
    // A plain Vite app build: its defaults (target, minifier, browser resolution), nothing written.
    const output = await viteBuild({
      root: dir,
      configFile: false,
      logLevel: "silent",
      build: { write: false, modulePreload: false, rolldownOptions: { input: entry } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      "output" in o ? o.output.filter((c) => c.type === "chunk") : [],
    );
    return {
      code: chunks.map((c) => c.code).join("\n"),
      modules: chunks.flatMap((c) => Object.keys(c.modules)).map((m) => realpathOr(m)),
    };
  },

  async rollup(entry) {
    const bundle = await rollup({ input: entry, plugins: [browserResolve()], logLevel: "silent" });
    const { output } = await bundle.generate({ format: "es" });
    await bundle.close();
    const raw = output.flatMap((c) => (c.type === "chunk" ? [c.code] : [])).join("\n");
    const { code } = await transform(raw, { minify: true, target: "es2022", format: "esm" });
    const modules = output.flatMap((c) => (c.type === "chunk" ? Object.keys(c.modules) : []));
    return { code, modules: modules.map((m) => realpathOr(m)) };
  },
};

const realpathOr = (path: string) => (existsSync(path) ? realpathSync(path) : path);

type Exports = string | { [key: string]: Exports } | null;

/**
 * Package resolution for Rollup, which has none built in: node_modules lookup, the `exports` map with the
 * browser condition first (exact subpaths, as our packages and their dependencies use), else the `browser`,
 * `module` or `main` field.
 */
function browserResolve(): Plugin {
  return {
    name: "wsport:browser-resolve",
    resolveId(source, importer) {
      if (importer === undefined || source.startsWith(".") || source.startsWith("/")) return null;
      const parts = source.split("/");
      const pkgName = source.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
      const subpath = `.${source.slice(pkgName.length)}`;
      for (let dir = dirname(importer); ; dir = dirname(dir)) {
        const folder = join(dir, "node_modules", pkgName);
        if (existsSync(join(folder, "package.json"))) {
          const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
          const target = pkg.exports
            ? pick(subpath === "." && typeof pkg.exports === "string" ? pkg.exports : pkg.exports[subpath])
            : subpath === "."
              ? ((typeof pkg.browser === "string" ? pkg.browser : undefined) ??
                pkg.module ??
                pkg.main ??
                "index.js")
              : subpath;
          if (target === null) throw new Error(`${source}: no browser export in ${folder}`);
          return realpathSync(join(folder, target));
        }
        if (dirname(dir) === dir) return null;
      }
    },
  };
}

/** The first target of an exports entry under the browser, import and default conditions. */
function pick(entry: Exports | undefined): string | null {
  if (entry === undefined || entry === null) return null;
  if (typeof entry === "string") return entry;
  for (const condition of ["browser", "import", "default"]) {
    const found = pick(entry[condition]);
    if (found !== null) return found;
  }
  return null;
}
