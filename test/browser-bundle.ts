// What a browser app ships: a package bundled with its dependencies for the browser. The bundling and the
// gzip level are bench/src/sizes.ts's (the one pipeline the bench's figures also come from); here every
// @wsport package resolves to its browser source entry, so the tests need no build. Shared by every
// package's bundle test.
import { fileURLToPath } from "node:url";
import { type BrowserBundle, bundleForBrowser, isWsFile, TYPICAL_IMPORTS } from "../bench/src/sizes.ts";

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
  const files = bundle.inputs.filter((path) => isWsFile(path) || /[\\/]node-[^\\/]*\.ts$/.test(path));
  const imports = bundle.code.match(/(?:require\(|from ?|import ?)["'](?:ws|node:[^"']*)["']/g) ?? [];
  return [...files, ...imports];
}

/**
 * A package's typical browser import (the one `pnpm bench` reports, from TYPICAL_IMPORTS), and the
 * min+gzip bytes it adds to core's `connectUnchecked` (what every adapter builds on). Logs both, so a test run
 * shows the sizes.
 */
export async function adapterBundle(packageName: string): Promise<{ bundle: BrowserBundle; added: number }> {
  const imports = TYPICAL_IMPORTS[packageName];
  if (imports === undefined) throw new Error(`no typical import for ${packageName} in bench/src/sizes.ts`);
  const bundle = await bundleSource(`export { ${imports} } from "${packageName}";`);
  const core = await bundleSource(`export { connectUnchecked } from "@wsport/core/internal";`);
  const added = bundle.gzip - core.gzip;
  console.log(
    `${packageName} { ${imports} } browser bundle from source: ${bundle.minified} B min, ${bundle.gzip} B min+gzip (${added} B over core's connectUnchecked)`,
  );
  return { bundle, added };
}
