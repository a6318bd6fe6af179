// The browser entry must carry no byte of ws and stay small.
import { expect, it } from "vitest";
import { bundleSource, nodeOnlyParts, packedTypicalImport } from "../../../test/browser-bundle.ts";

it("the check finds ws and Node-only modules when they are there", () => {
  const leaky = {
    code: `import{WebSocket as a}from"ws";import"node:net";`,
    inputs: [
      "node_modules/.pnpm/ws@8.23.0/node_modules/ws/lib/websocket.js",
      "packages/core/src/node-tcp.ts",
    ],
  };
  expect(nodeOnlyParts(leaky)).toHaveLength(4);
});

it("the browser bundle has no ws and is small", async () => {
  const all = await bundleSource(`export * from "@wsport/core";`);
  const connectOnly = await bundleSource(`export { connect } from "@wsport/core";`);
  expect(nodeOnlyParts(all)).toEqual([]);
  console.log(
    `@wsport/core browser entry: everything ${all.minified} B min, ${all.gzip} B min+gzip; connect() alone ${connectOnly.gzip} B`,
  );
  expect(all.gzip).toBeLessThan(4096);
});

// The sizes an app ships, packed and built by every bundler, at most the ceilings in bench/src/size-table.ts.
it("connect() and connectUnchecked() (what adapters build on), packed, stay within their ceilings in every bundler", async () => {
  for (const name of ["@wsport/core", "@wsport/core/internal"]) {
    const { built, over, nodeOnly } = await packedTypicalImport(name);
    expect(built.map((b) => b.bundler)).toEqual(["esbuild", "vite", "rollup"]);
    expect(nodeOnly).toEqual([]);
    expect(over).toEqual([]);
  }
});

it("connectUnchecked() bundles without core's argument checks, and smaller than connect()", async () => {
  const uncheckedOnly = await bundleSource(`export { connectUnchecked } from "@wsport/core/internal";`);
  const connectOnly = await bundleSource(`export { connect } from "@wsport/core";`);
  // One text from each checker: URL, options, subprotocol tokens, send/close arguments, describe().
  const checkTexts = /has no scheme|options must be an object|is not a token|Invalid close code|a number \(/g;
  expect(uncheckedOnly.code.match(checkTexts)).toBeNull();
  expect(new Set(connectOnly.code.match(checkTexts)).size).toBe(5); // the positive control
  console.log(
    `@wsport/core connectUnchecked() alone: ${uncheckedOnly.minified} B min, ${uncheckedOnly.gzip} B min+gzip`,
  );
  expect(uncheckedOnly.gzip).toBeLessThan(connectOnly.gzip);
});
