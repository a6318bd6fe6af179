// What a browser app ships, for every package's bundle test. The sizes held at a ceiling are the bench's
// (bench/src/sizes.ts): the package packed from its dist/ (so `pnpm build` first; `pnpm size` does it), its
// typical import built by esbuild, Vite and Rollup, against the ceilings in bench/src/size-table.ts.
// `bundleSource()` bundles source instead (every @wsport package resolved to its browser source entry),
// for the checks that look inside a bundle: which modules it holds and where its bytes come from.
import { fileURLToPath } from "node:url";
import type { BuiltImport } from "../bench/src/bundlers.ts";
import { packPackages } from "../bench/src/packed.ts";
import { TYPICAL_IMPORTS } from "../bench/src/size-table.ts";
import {
  type BrowserBundle,
  buildTypicalImport,
  bundleForBrowser,
  isWsFile,
  overCeilings,
} from "../bench/src/sizes.ts";

export type { BrowserBundle };

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

/**
 * Bundles `contents` (an ES module, e.g. `export { websocket } from "@wsport/defold-compat"`) from source,
 * with `_internal` members renamed as the packages' builds rename them ("mangleInternals" in tsup.config.ts).
 */
export function bundleSource(contents: string): Promise<BrowserBundle> {
  return bundleForBrowser(contents, root, alias, { mangleProps: /^_[a-z]/ });
}

/** What in a browser bundle came from ws or a Node-only module: must be nothing. */
export function nodeOnlyParts(bundle: Pick<BrowserBundle, "code" | "inputs">): string[] {
  const files = bundle.inputs.filter(
    (path) => isWsFile(path) || /[\\/]node-[^\\/]*\.ts$|[\\/]dist[\\/](internal-)?node\.js$/.test(path),
  );
  const imports = bundle.code.match(/(?:require\(|from ?|import ?)["'](?:ws|node:[^"']*)["']/g) ?? [];
  return [...files, ...imports];
}

/**
 * A package's typical import (bench/src/size-table.ts), packed and built by every bundler: the sizes over
 * the package's ceilings (none when within them) and what in the bundles came from ws or Node-only
 * modules (must be nothing). Logs each size, and where the bytes come from (the same import bundled from
 * source, per module), so a test run shows both.
 */
export async function packedTypicalImport(
  packageName: string,
): Promise<{ built: BuiltImport[]; over: string[]; nodeOnly: string[]; source: BrowserBundle }> {
  const packed = packPackages([packageName]);
  try {
    const built = await buildTypicalImport(packageName, packed);
    for (const b of built)
      console.log(
        `${packageName} packed, typical import, ${b.bundler}: ${b.minified} B min, ${b.gzip} B min+gzip`,
      );
    const source = await bundleSource(`export { ${TYPICAL_IMPORTS[packageName]} } from "${packageName}";`);
    console.log(`${packageName} typical import, minified bytes per source module:\n${breakdown(source)}`);
    const nodeOnly = built.flatMap((b) => nodeOnlyParts({ code: b.code, inputs: b.modules }));
    return { built, over: overCeilings(packageName, built), nodeOnly, source };
  } finally {
    packed.remove();
  }
}

/** Where a bundle's bytes come from: each source module's minified bytes, largest first, one per line. */
export function breakdown(bundle: BrowserBundle): string {
  return bundle.contributions
    .map((c) => `${String(c.bytes).padStart(7)} B  ${c.path.replace(/^.*?packages\//, "")}`)
    .join("\n");
}
