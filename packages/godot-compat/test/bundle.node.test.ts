// The browser bundle of a typical client port (WebSocketPeer + core's browser entry) carries no
// byte of ws or node: and stays within its size budget. Bundled from source with esbuild, as an
// app's bundler would see it (browser conditions, minified).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

it("a client port's browser bundle has no ws and stays small", async () => {
  const result = await build({
    stdin: {
      contents: `export { WebSocketPeer, OK, PackedByteArray } from ${JSON.stringify(src("../src/index.ts"))};`,
      resolveDir: src("."),
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    alias: { "@wsport/core": src("../../core/src/browser.ts") },
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => /node_modules[\\/]ws[\\/]|node-/.test(path))).toEqual([]);
  const code = result.outputFiles[0]!.text;
  expect(code).not.toMatch(/require\(["']ws["']\)|from ?["']ws["']|node:/);
  const gzipped = gzipSync(code).length;
  console.log(`@wsport/godot-compat client bundle (with core): ${code.length} B min, ${gzipped} B min+gzip`);
  // The 4 KB goal cannot hold while the core functions it uses are ~3.0 KB; see the README.
  expect(gzipped).toBeLessThan(7 * 1024);
});
