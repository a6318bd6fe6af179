// Browser bytes: what a browser app ships with each package. The bench and the packages' bundle tests
// measure the same thing the same way: the package packed as the registry would hand it out
// (packed.ts), its typical import built by esbuild, Vite and Rollup (bundlers.ts), gzip -9, held against
// one table (size-table.ts). `bundleForBrowser()` bundles source with esbuild, for the tests that look
// inside a bundle (which modules it holds, and where its bytes come from).
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BROWSER_BUILD, type BuiltImport, buildImport } from "./bundlers.ts";
import { linkDependency, type PackedPackages, packPackages } from "./packed.ts";
import { BUNDLERS, type Bundler, OUR_PACKAGES, PEER_PACKAGES, SIZE_TABLE } from "./size-table.ts";

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

/** One package's row in the bench: its typical import per bundler, and every export (esbuild). */
export interface BundleSize {
  package: string;
  /** What a typical app imports (e.g. only WebSocketPeer). */
  typicalImport: string;
  /** min+gzip bytes of the typical import per bundler. */
  typical: Record<Bundler, number>;
  /** Goal for the typical import's min+gzip, when the package has one. */
  budget: number | undefined;
  /** The tests' ceilings per bundler, when the package has them. */
  ceiling: Record<Bundler, number> | undefined;
  /** Every export kept (esbuild): minified and min+gzip bytes, the worst case for an app. */
  minified: number;
  gzip: number;
  /** Modules of the `ws` package in any of the bundles (must be none). */
  wsInputs: string[];
}

/** Whether an input file of a bundle comes from the `ws` package. */
export const isWsFile = (path: string) =>
  /(^|[/\\])node_modules[/\\](\.pnpm[/\\]ws@[^/\\]+[/\\]node_modules[/\\])?ws[/\\]/.test(path);

/**
 * Bundles `contents` (an ES module, e.g. `export { websocket } from "@wsport/defold-compat"`) for the browser
 * with esbuild. Imports resolve from `resolveDir`; `alias` maps package names to files (the tests point them
 * at source). The repository's tsconfig files take no part (their `paths` must not decide what gets bundled).
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

/** The typical import of `name` (from SIZE_TABLE) built by every bundler, from a packed folder. */
export async function buildTypicalImport(name: string, packed: PackedPackages): Promise<BuiltImport[]> {
  const row = SIZE_TABLE[name];
  if (row === undefined) throw new Error(`${name} has no row in bench/src/size-table.ts`);
  const built: BuiltImport[] = [];
  for (const bundler of BUNDLERS) built.push(await buildImport(bundler, name, row.typicalImport, packed.dir));
  return built;
}

/** What in `built` is over the package's ceilings, as "vite: 3200 B > 3100 B" lines (none: within them). */
export function overCeilings(name: string, built: readonly BuiltImport[]): string[] {
  const ceiling = SIZE_TABLE[name]?.ceiling;
  if (ceiling === undefined) return [`${name} has no ceilings in bench/src/size-table.ts`];
  return built
    .filter((b) => b.gzip > ceiling[b.bundler])
    .map((b) => `${b.bundler}: ${b.gzip} B > ${ceiling[b.bundler]} B`);
}

/** A package's row: its typical import in every bundler, and every export with esbuild. */
export async function measureBundleSize(name: string, packed: PackedPackages): Promise<BundleSize> {
  const row = SIZE_TABLE[name];
  const built = await buildTypicalImport(name, packed);
  const all = await bundleForBrowser(`export * as pkg from ${JSON.stringify(name)};`, packed.dir);
  return {
    package: name,
    typicalImport: row?.typicalImport ?? "default",
    typical: Object.fromEntries(built.map((b) => [b.bundler, b.gzip])) as Record<Bundler, number>,
    budget: row?.budget,
    ceiling: row?.ceiling,
    minified: all.minified,
    gzip: all.gzip,
    wsInputs: [...all.inputs, ...built.flatMap((b) => b.modules)].filter(isWsFile),
  };
}

/**
 * Every row of SIZE_TABLE: our packages packed from their dist/ (built first), the peers as installed
 * in `peersFrom` (bench/). A package that cannot be bundled gets its error text.
 */
export async function measureBundleSizes(
  peersFrom: string,
): Promise<Array<BundleSize | { package: string; error: string }>> {
  let packed: PackedPackages;
  try {
    packed = packPackages(OUR_PACKAGES);
  } catch (err) {
    return Object.keys(SIZE_TABLE).map((name) => ({ package: name, error: firstError(err) }));
  }
  try {
    for (const peer of PEER_PACKAGES) linkDependency(packed.dir, peersFrom, peer);
    const results: Array<BundleSize | { package: string; error: string }> = [];
    for (const name of Object.keys(SIZE_TABLE)) {
      try {
        results.push(await measureBundleSize(name, packed));
      } catch (err) {
        results.push({ package: name, error: firstError(err) });
      }
    }
    return results;
  } finally {
    packed.remove();
  }
}

/** esbuild's first error text (e.g. "Could not resolve ..."), else the message. */
function firstError(err: unknown): string {
  const first = (err as { errors?: Array<{ text: string }> }).errors?.[0];
  return first?.text ?? (err instanceof Error ? err.message : String(err));
}
