// What a browser app ships: this package plus core's browser entry, bundled and minified the way
// an app's bundler would. No byte of ws may be in it.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

it("the browser bundle has no ws and stays small", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
    alias: { "@wsport/core": fileURLToPath(new URL("../../core/src/browser.ts", import.meta.url)) },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => /node_modules[\\/]ws[\\/]|node-/.test(path))).toEqual([]);
  const code = result.outputFiles[0]!.text;
  expect(code).not.toMatch(/from ?["']ws["']|node:/);
  const gzipped = gzipSync(code).length;
  console.log(`@wsport/corona-compat + core, browser: ${code.length} B min, ${gzipped} B min+gzip`);
  // The 2 KB budget cannot hold core's connect() alone (about 2.9 KB); this guards against growth.
  expect(gzipped).toBeLessThan(4400);
});
