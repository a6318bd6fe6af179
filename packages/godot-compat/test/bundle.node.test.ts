// What a browser app ships with this package: the packed package's typical import ({ WebSocketPeer, OK }),
// built by esbuild, Vite and Rollup, with no byte of ws, at most its ceilings in bench/src/size-table.ts
// (core included). The ceilings are today's sizes, over the 4 KB budget: WebSocketPeer's put_var/get_var
// bring Godot's whole Variant codec, and Vite keeps more of the multiplayer modules than esbuild does.
// The breakdown the test prints (source modules, esbuild) is where the bytes go.
import { expect, it } from "vitest";
import { bundleSource, nodeOnlyParts, packedTypicalImport } from "../../../test/browser-bundle.ts";

it("the packed package's typical import has no ws and stays within its ceilings in every bundler", async () => {
  const { built, over, nodeOnly, source } = await packedTypicalImport("@wsport/godot-compat");
  expect(built.map((b) => b.bundler)).toEqual(["esbuild", "vite", "rollup"]);
  expect(nodeOnly).toEqual([]);
  expect(over).toEqual([]);
  // The breakdown it printed (where the bytes go) names the modules: the peer itself is among them.
  expect(source.contributions.some((c) => c.path.endsWith("websocket-peer.ts"))).toBe(true);
});

it("everything in the browser entry (Variants, StreamPeer*, TLS, Crypto, multiplayer, RPCs) bundles without node-forge or Node modules", async () => {
  const all = await bundleSource(`export * from "@wsport/godot-compat";`);
  expect(nodeOnlyParts(all)).toEqual([]);
  expect(all.inputs.filter((path) => /node-forge|node:/.test(path))).toEqual([]);
  console.log(
    `@wsport/godot-compat browser entry, everything: ${all.minified} B min, ${all.gzip} B min+gzip`,
  );
});
