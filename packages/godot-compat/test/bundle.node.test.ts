// What a browser app ships with this package: no byte of ws, and little on top of core.
// The budget with core is a goal measured by `pnpm bench`; here we hold what this package adds.
import { expect, it } from "vitest";
import { adapterBundle, nodeOnlyParts } from "../../../test/browser-bundle.ts";

it("the browser bundle has no ws and adds at most 4400 B min+gzip to core's open (what it builds on)", async () => {
  const { bundle, added } = await adapterBundle(
    "@wsport/godot-compat",
    "{ WebSocketPeer, OK, PackedByteArray }",
  );
  expect(nodeOnlyParts(bundle)).toEqual([]);
  expect(added).toBeLessThanOrEqual(4400);
});
