// The browser entry must carry no byte of ws and stay small.
import { expect, it } from "vitest";
import { bundleForBrowser, nodeOnlyParts } from "../../../test/browser-bundle.ts";

it("the check finds ws and Node-only modules when they are there", () => {
  const leaky = {
    code: `import{WebSocket as a}from"ws";import"node:net";`,
    min: 0,
    gzip: 0,
    inputs: [
      "node_modules/.pnpm/ws@8.23.0/node_modules/ws/lib/websocket.js",
      "packages/core/src/node-tcp.ts",
    ],
  };
  expect(nodeOnlyParts(leaky)).toHaveLength(4);
});

it("the browser bundle has no ws and is small", async () => {
  const all = await bundleForBrowser(`export * from "@wsport/core";`);
  const connectOnly = await bundleForBrowser(`export { connect } from "@wsport/core";`);
  expect(nodeOnlyParts(all)).toEqual([]);
  console.log(
    `@wsport/core browser entry: everything ${all.min} B min, ${all.gzip} B min+gzip; connect() alone ${connectOnly.gzip} B`,
  );
  expect(all.gzip).toBeLessThan(4096);
});

it("connectUnchecked() (what adapters build on) bundles without core's argument checks", async () => {
  const uncheckedOnly = await bundleForBrowser(`export { connectUnchecked } from "@wsport/core/internal";`);
  const connectOnly = await bundleForBrowser(`export { connect } from "@wsport/core";`);
  // One text from each checker: URL, options, subprotocol tokens, send/close arguments, describe().
  const checkTexts = /has no scheme|options must be an object|is not a token|Invalid close code|a number \(/g;
  expect(uncheckedOnly.code.match(checkTexts)).toBeNull();
  expect(new Set(connectOnly.code.match(checkTexts)).size).toBe(5); // the positive control
  console.log(
    `@wsport/core connectUnchecked() alone: ${uncheckedOnly.min} B min, ${uncheckedOnly.gzip} B min+gzip`,
  );
  expect(uncheckedOnly.gzip).toBeLessThan(connectOnly.gzip);
});
