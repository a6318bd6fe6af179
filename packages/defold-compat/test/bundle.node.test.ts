// What a browser app ships with this package: no byte of ws, and little on top of core.
// The size with core is reported by `pnpm bench` (same pipeline, bench/src/sizes.ts); here we hold what
// this package's typical import adds.
import { expect, it } from "vitest";
import { adapterBundle, nodeOnlyParts } from "../../../test/browser-bundle.ts";

it("the browser bundle has no ws and adds at most 1950 B min+gzip to core's connectUnchecked (what it builds on)", async () => {
  const { bundle, added } = await adapterBundle("@wsport/defold-compat");
  expect(nodeOnlyParts(bundle)).toEqual([]);
  expect(added).toBeLessThanOrEqual(1950);
});
