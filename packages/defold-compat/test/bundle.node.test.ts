// What a browser app ships with this package: the packed package's typical import, built by esbuild, Vite
// and Rollup, with no byte of ws, at most its ceilings in bench/src/size-table.ts (core included).
import { expect, it } from "vitest";
import { packedTypicalImport } from "../../../test/browser-bundle.ts";

it("the packed package's typical import has no ws and stays within its ceilings in every bundler", async () => {
  const { built, over, nodeOnly } = await packedTypicalImport("@wsport/defold-compat");
  expect(built.map((b) => b.bundler)).toEqual(["esbuild", "vite", "rollup"]);
  expect(nodeOnly).toEqual([]);
  expect(over).toEqual([]);
});
