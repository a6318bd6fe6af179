// What a browser app ships with this package: no byte of ws, and little on top of core.
// The budget with core is a goal measured by `pnpm bench`; here we hold what this package adds.
import { expect, it } from "vitest";
import { bundleForBrowser, nodeOnlyParts } from "../../../test/browser-bundle.ts";

it("the browser bundle has no ws and adds at most 2300 B min+gzip to core's open (what it builds on)", async () => {
  const ours = await bundleForBrowser(
    `export { WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";`,
  );
  const core = await bundleForBrowser(`export { open } from "@wsport/core";`);
  expect(nodeOnlyParts(ours)).toEqual([]);
  const added = ours.gzip - core.gzip;
  console.log(
    `@wsport/aseprite-compat browser bundle: ${ours.min} B min, ${ours.gzip} B min+gzip (${added} B over core's open)`,
  );
  expect(added).toBeLessThanOrEqual(2300);
});
