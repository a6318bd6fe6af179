// What a browser app ships with this package: no byte of ws, and little on top of core.
// The budget with core is a goal measured by `pnpm bench`; here we hold what this package adds.
// WebSocketPeer's put_var/get_var carry Godot's whole Variant format (every type a message can
// hold): about 2.9 KB of the figure below. Godot binds every property's setter and getter as methods too,
// and WebSocketPeer extends PacketPeer: about 0.2 KB.
import { expect, it } from "vitest";
import { adapterBundle, bundleSource, nodeOnlyParts } from "../../../test/browser-bundle.ts";

it("the browser bundle has no ws and adds at most 8000 B min+gzip to core's connectUnchecked (what it builds on)", async () => {
  const { bundle, added } = await adapterBundle("@wsport/godot-compat");
  expect(nodeOnlyParts(bundle)).toEqual([]);
  expect(added).toBeLessThanOrEqual(8000);
});

it("everything in the browser entry (Variants, StreamPeer*, TLS, Crypto, multiplayer, RPCs) bundles without node-forge or Node modules", async () => {
  const all = await bundleSource(`export * from "@wsport/godot-compat";`);
  expect(nodeOnlyParts(all)).toEqual([]);
  expect(all.inputs.filter((path) => /node-forge|node:/.test(path))).toEqual([]);
  console.log(
    `@wsport/godot-compat browser entry, everything: ${all.minified} B min, ${all.gzip} B min+gzip`,
  );
});
