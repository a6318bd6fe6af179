// Browser bytes: each package's browser entry bundled with its dependencies the way an app bundler
// would (esbuild, platform browser, "browser" condition, minified), then gzipped. Deterministic, so
// it can back a budget test; `measureBundleSizes()` is the function to call from one.
import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";

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

/** Budgets in bytes for min+gzip including core (1 KB = 1000 bytes, as size-limit counts). */
export const BUNDLE_BUDGETS: Readonly<Record<string, number | undefined>> = {
  "@wsport/core": undefined,
  "@wsport/defold-compat": 2000,
  "@wsport/corona-compat": 2000,
  "@wsport/aseprite-compat": 2500,
  "@wsport/godot-compat": 4000,
};

/** The libraries users would pick instead: measured by the same pipeline, no budget. */
export const PEER_PACKAGES: readonly string[] = [
  "isomorphic-ws",
  "partysocket",
  "reconnecting-websocket",
  "websocket-ts",
];

/** What an app typically imports from each package (as its README shows): tree-shaking keeps only what these reach. */
export const TYPICAL_IMPORTS: Readonly<Record<string, string>> = {
  "isomorphic-ws": "default",
  partysocket: "WebSocket",
  "reconnecting-websocket": "default",
  "websocket-ts": "WebsocketBuilder, WebsocketEvent",
  "@wsport/core": "connect",
  "@wsport/defold-compat": "websocket",
  "@wsport/corona-compat": "default",
  "@wsport/aseprite-compat": "WebSocket, WebSocketMessageType",
  "@wsport/godot-compat": "WebSocketPeer, OK",
};

const isWsFile = (path: string) =>
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

function bundle(contents: string, resolveDir: string) {
  return build({ ...BROWSER_BUILD, stdin: { contents, resolveDir, loader: "js" }, format: "esm" });
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/**
 * Bundles `import * as` the package (every export kept, as the worst case for an app) from
 * `resolveDir`, where the package must be resolvable (its dist/ built), and the typical import.
 */
export async function measureBundleSize(name: string, resolveDir: string): Promise<BundleSize> {
  const result = await bundle(`export * as pkg from ${JSON.stringify(name)};`, resolveDir);
  const typicalImport = TYPICAL_IMPORTS[name] ?? "default";
  const typical = await bundle(`export { ${typicalImport} } from ${JSON.stringify(name)};`, resolveDir);
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${name}`);
  const wsInputs = Object.keys(result.metafile.inputs).filter(isWsFile);
  let wsBytes = 0;
  const inputs: Array<{ path: string; bytes: number }> = [];
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(out.inputs)) {
      if (isWsFile(path)) wsBytes += input.bytesInOutput;
      if (input.bytesInOutput > 0)
        inputs.push({ path: path.replace(/^(\.\.\/)+/, ""), bytes: input.bytesInOutput });
    }
  }
  inputs.sort((a, b) => b.bytes - a.bytes);
  return {
    package: name,
    minified: output.contents.length,
    gzip: gzipSize(output.contents),
    budget: BUNDLE_BUDGETS[name],
    wsBytes,
    wsInputs,
    inputs,
    typicalImport,
    typicalGzip: gzipSize(typical.outputFiles[0]?.contents ?? new Uint8Array()),
  };
}

/** Sizes for every package in BUNDLE_BUDGETS, then the peers; a package that cannot be bundled gets its error text. */
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
