// What a browser app ships: a package bundled with its dependencies for the browser, minified, the
// way an app's bundler would build it. Shared by every package's bundle test.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Every @wsport package resolves to its browser source entry. */
const alias: Record<string, string> = {
  "@wsport/core": `${root}packages/core/src/browser.ts`,
  "@wsport/core/internal": `${root}packages/core/src/internal-browser.ts`,
  ...Object.fromEntries(
    ["defold", "godot", "corona", "aseprite"].map((e) => [
      `@wsport/${e}-compat`,
      `${root}packages/${e}-compat/src/index.ts`,
    ]),
  ),
};

export interface BrowserBundle {
  code: string;
  /** Minified bytes. */
  min: number;
  /** Minified and gzipped bytes. */
  gzip: number;
  /** Files that went into the bundle. */
  inputs: string[];
}

/** Bundles `contents` (an ES module, e.g. `export { websocket } from "@wsport/defold-compat"`). */
export async function bundleForBrowser(contents: string): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    alias,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    tsconfigRaw: "{}", // the repo's tsconfig paths must not decide what gets bundled
    mangleProps: /^_[a-z]/, // as the packages' builds do (see "mangleInternals" in tsup.config.ts)
  });
  const code = result.outputFiles[0]!.text;
  return { code, min: code.length, gzip: gzipSync(code).length, inputs: Object.keys(result.metafile.inputs) };
}

/** What in a browser bundle came from ws or a Node-only module: must be nothing. */
export function nodeOnlyParts(bundle: BrowserBundle): string[] {
  const files = bundle.inputs.filter((path) => /node_modules[\\/]ws[\\/]|[\\/]node-[^\\/]*\.ts$/.test(path));
  const imports = bundle.code.match(/(?:require\(|from ?|import ?)["'](?:ws|node:[^"']*)["']/g) ?? [];
  return [...files, ...imports];
}

/**
 * An adapter's typical browser import, and the min+gzip bytes it adds to core's `connectUnchecked`
 * (what every adapter builds on). Logs both, so a test run shows the sizes.
 */
export async function adapterBundle(
  packageName: string,
  imports: string,
): Promise<{ bundle: BrowserBundle; added: number }> {
  const bundle = await bundleForBrowser(`export ${imports} from "${packageName}";`);
  const core = await bundleForBrowser(`export { connectUnchecked } from "@wsport/core/internal";`);
  const added = bundle.gzip - core.gzip;
  console.log(
    `${packageName} browser bundle: ${bundle.min} B min, ${bundle.gzip} B min+gzip (${added} B over core's connectUnchecked)`,
  );
  return { bundle, added };
}
