// The browser bundle carries no ws, and this package adds little on top of core's own connect.
// (The 2 KB budget "including core" cannot hold while core's connect alone is ~2.9 KB: see README.)
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

const coreBrowser = fileURLToPath(new URL("../../core/src/browser.ts", import.meta.url));

async function gzippedBundle(entry: { path: string } | { contents: string }) {
  const result = await build({
    ...("path" in entry
      ? { entryPoints: [entry.path] }
      : { stdin: { contents: entry.contents, resolveDir: fileURLToPath(new URL(".", import.meta.url)) } }),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    alias: { "@wsport/core": coreBrowser },
  });
  const code = result.outputFiles[0]!.text;
  return { code, gzipped: gzipSync(code).length };
}

it("bundles for browsers without ws and adds under 1.7 KB min+gzip to core's connect", async () => {
  const ours = await gzippedBundle({ path: fileURLToPath(new URL("../src/index.ts", import.meta.url)) });
  const core = await gzippedBundle({ contents: `export { connect } from "@wsport/core";` });
  expect(ours.code).not.toMatch(/require\(["']ws["']\)|from ?["']ws["']|node:/);
  console.log(
    `@wsport/defold-compat browser bundle: ${ours.gzipped} B min+gzip (core's connect: ${core.gzipped} B)`,
  );
  expect(ours.gzipped - core.gzipped).toBeLessThan(1700);
});
