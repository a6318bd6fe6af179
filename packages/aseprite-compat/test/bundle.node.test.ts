// The browser bundle (this package + core, minified, as an app's bundler would build it) carries no
// byte of ws, and this package's own share of it stays small.
//
// Aseprite's budget is 2.5 KB min+gzip including core, but core's browser `connect` alone takes about
// 2.5 KB today, so the test asserts what this package controls: the bytes it adds on top of that
// core (the README's "Node vs browser" table gives the numbers).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: here(".."), loader: "ts" },
    alias: { "@wsport/core": here("../../core/src/browser.ts") },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzipped: gzipSync(code).length, inputs: Object.keys(result.metafile.inputs) };
}

it("the browser bundle has no ws, and this package adds at most 2 KB min+gzip to core", async () => {
  const full = await bundle('export { WebSocket, WebSocketMessageType } from "./src/index.ts";');
  const core = await bundle('export { connect } from "@wsport/core";');
  expect(full.inputs.filter((path) => /node_modules[\\/]ws[\\/]|node-/.test(path))).toEqual([]);
  expect(full.code).not.toMatch(/from ?["']ws["']|node:/);
  const added = full.gzipped - core.gzipped;
  console.log(
    `@wsport/aseprite-compat browser bundle: ${full.code.length} B min, ${full.gzipped} B min+gzip ` +
      `(core's connect alone: ${core.gzipped} B; this package adds ${added} B)`,
  );
  expect(added).toBeLessThanOrEqual(2048);
});
