// Browser bytes: the one place that turns a package into what a browser app ships. A package's entry is
// bundled with its dependencies the way an app bundler would (esbuild, platform browser, "browser"
// condition, ES2022, minified), then gzipped at level 9. The bench measures the built packages with it
// (`measureBundleSizes()`); the packages' bundle tests measure their source with the same function
// (`bundleForBrowser()`, through test/browser-bundle.ts), so every figure and every ceiling uses one pipeline.
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";

/** One bundle: its code and sizes, and the files that went into it. */
export interface BrowserBundle {
  /** The minified output. */
  code: string;
  /** Minified bytes. */
  minified: number;
  /** Minified, then gzip -9 bytes. */
  gzip: number;
  /** Every input file in the bundle graph, as esbuild names it (relative to the working directory). */
  inputs: string[];
  /** Minified bytes each input file contributes, largest first: where to look when over a ceiling. */
  contributions: Array<{ path: string; bytes: number }>;
}

export interface BundleSize {
  package: string;
  /** Minified bytes. */
  minified: number;
  /** Minified, then gzip -9. */
  gzip: number;
  /** Budget for min+gzip in bytes, when the package has one. */
  budget: number | undefined;
  /** Output bytes that came from the `ws` package (must be 0). */
  wsBytes: number;
  /** Input files from `ws` in the bundle graph (must be empty). */
  wsInputs: string[];
  /** Minified bytes each input file contributes, largest first: where to look when over budget. */
  inputs: Array<{ path: string; bytes: number }>;
  /** What a typical app imports (e.g. only WebSocketPeer), and that bundle's min+gzip bytes. */
  typicalImport: string;
  typicalGzip: number;
}

/** A bundler an app builds with: esbuild, Vite (8: Rolldown and Oxc) and Rollup (4, with esbuild's minifier). */
export type Bundler = "esbuild" | "vite" | "rollup";
export const BUNDLERS: readonly Bundler[] = ["esbuild", "vite", "rollup"];

/** One row of the size table: what an app imports, the goal, and the ceilings the tests hold. */
export interface SizeRow {
  /** What an app typically imports from the package (as its README shows): `default` for a default import. */
  typicalImport: string;
  /** Goal for the typical import's min+gzip bytes, core included (1 KB = 1000 bytes): the bench reports it. */
  budget?: number;
  /**
   * Ceilings for the same bytes per bundler, measured on the packed package: the bundle tests fail above
   * them. Today's sizes plus a little; lower them when a change makes the bundle smaller.
   */
  ceiling?: Record<Bundler, number>;
}

/**
 * The one size table: the bench's budgets and the bundle tests' ceilings both come from here
 * (`bench/README.md`, "Browser bundles"). The peers (the libraries users would pick instead) have
 * neither: they are measured by the same pipeline for comparison.
 */
export const SIZE_TABLE: Readonly<Record<string, SizeRow>> = {
  "@wsport/core": { typicalImport: "connect", ceiling: { esbuild: 2750, vite: 3100, rollup: 2800 } },
  "@wsport/defold-compat": {
    typicalImport: "websocket",
    budget: 2500,
    ceiling: { esbuild: 3300, vite: 3600, rollup: 3350 },
  },
  "@wsport/corona-compat": {
    typicalImport: "default",
    budget: 2500,
    ceiling: { esbuild: 3250, vite: 3550, rollup: 3300 },
  },
  "@wsport/aseprite-compat": {
    typicalImport: "WebSocket, WebSocketMessageType",
    budget: 3000,
    ceiling: { esbuild: 3550, vite: 3900, rollup: 3600 },
  },
  "@wsport/godot-compat": {
    typicalImport: "WebSocketPeer, OK",
    budget: 4000,
    ceiling: { esbuild: 10300, vite: 14800, rollup: 10500 },
  },
  "isomorphic-ws": { typicalImport: "default" },
  partysocket: { typicalImport: "WebSocket" },
  "reconnecting-websocket": { typicalImport: "default" },
  "websocket-ts": { typicalImport: "WebsocketBuilder, WebsocketEvent" },
};

/** Our packages (those with a budget or a ceiling), in the table's order. */
export const OUR_PACKAGES: readonly string[] = Object.keys(SIZE_TABLE).filter((n) => n.startsWith("@wsport/"));

/** The libraries users would pick instead: measured by the same pipeline, no budget. */
export const PEER_PACKAGES: readonly string[] = Object.keys(SIZE_TABLE).filter(
  (n) => !n.startsWith("@wsport/"),
);

/** Goals in bytes for min+gzip of the typical import, from SIZE_TABLE; reported, not asserted. */
export const BUNDLE_BUDGETS: Readonly<Record<string, number | undefined>> = Object.fromEntries(
  OUR_PACKAGES.map((n) => [n, SIZE_TABLE[n]?.budget]),
);

/** What an app typically imports from each package, from SIZE_TABLE. */
export const TYPICAL_IMPORTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SIZE_TABLE).map(([n, row]) => [n, row.typicalImport]),
);

/** Whether an input file of a bundle comes from the `ws` package. */
export const isWsFile = (path: string) =>
  /(^|[/\\])node_modules[/\\](\.pnpm[/\\]ws@[^/\\]+[/\\]node_modules[/\\])?ws[/\\]/.test(path);

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

/**
 * Bundles `contents` (an ES module, e.g. `export { websocket } from "@wsport/defold-compat"`) for the browser.
 * Imports resolve from `resolveDir`; `alias` maps package names to files (the tests point them at source).
 * The repository's tsconfig files take no part (their `paths` must not decide what gets bundled).
 */
export async function bundleForBrowser(
  contents: string,
  resolveDir: string,
  alias: Record<string, string> = {},
  options: { mangleProps?: RegExp } = {},
): Promise<BrowserBundle> {
  const result = await build({
    ...BROWSER_BUILD,
    stdin: { contents, resolveDir, loader: "js" },
    alias,
    format: "esm",
    mangleProps: options.mangleProps, // source measured as built: see test/browser-bundle.ts
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${contents}`);
  const contributions: Array<{ path: string; bytes: number }> = [];
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(out.inputs)) {
      if (input.bytesInOutput > 0)
        contributions.push({ path: path.replace(/^(\.\.\/)+/, ""), bytes: input.bytesInOutput });
    }
  }
  contributions.sort((a, b) => b.bytes - a.bytes);
  return {
    code: output.text,
    minified: output.contents.length,
    gzip: gzipSync(output.contents, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs),
    contributions,
  };
}

/**
 * Bundles `import * as` the package (every export kept, as the worst case for an app) from
 * `resolveDir`, where the package must be resolvable (its dist/ built), and the typical import.
 */
export async function measureBundleSize(name: string, resolveDir: string): Promise<BundleSize> {
  const all = await bundleForBrowser(`export * as pkg from ${JSON.stringify(name)};`, resolveDir);
  const typicalImport = TYPICAL_IMPORTS[name] ?? "default";
  const typical = await bundleForBrowser(
    `export { ${typicalImport} } from ${JSON.stringify(name)};`,
    resolveDir,
  );
  return {
    package: name,
    minified: all.minified,
    gzip: all.gzip,
    budget: BUNDLE_BUDGETS[name],
    wsBytes: all.contributions.filter((c) => isWsFile(c.path)).reduce((sum, c) => sum + c.bytes, 0),
    wsInputs: all.inputs.filter(isWsFile),
    inputs: all.contributions,
    typicalImport,
    typicalGzip: typical.gzip,
  };
}

/** Sizes for every package in BUNDLE_BUDGETS; a package that cannot be bundled gets its error text. */
export async function measureBundleSizes(
  resolveDir: string,
): Promise<Array<BundleSize | { package: string; error: string }>> {
  const results: Array<BundleSize | { package: string; error: string }> = [];
  for (const name of [...Object.keys(BUNDLE_BUDGETS), ...PEER_PACKAGES]) {
    try {
      results.push(await measureBundleSize(name, resolveDir));
    } catch (err) {
      results.push({ package: name, error: firstError(err) });
    }
  }
  return results;
}

/** esbuild's first error text (e.g. "Could not resolve ..."), else the message. */
function firstError(err: unknown): string {
  const first = (err as { errors?: Array<{ text: string }> }).errors?.[0];
  return first?.text ?? (err instanceof Error ? err.message : String(err));
}
