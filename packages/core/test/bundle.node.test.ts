// The browser entry must carry no byte of ws and stay small. Bundled from source with esbuild,
// the way an app's bundler would see it (browser conditions, minified).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

it("the browser bundle has no ws and is small", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/browser.ts", import.meta.url))],
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
  expect(code).not.toMatch(/require\(["']ws["']\)|from ?["']ws["']|node:/);
  const gzipped = gzipSync(code).length;
  console.log(`@wsport/core browser entry: ${code.length} B min, ${gzipped} B min+gzip`);
  expect(gzipped).toBeLessThan(4096);
});
