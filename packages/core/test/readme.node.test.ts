// The README's capability table lists every key `capabilities` has, and no other.
import { readFileSync } from "node:fs";
import { capabilities } from "@wsport/core";
import { expect, it } from "vitest";

it("the README's capability table names exactly the keys of capabilities", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const table = readme.slice(readme.indexOf("| capability | Node | browser |"));
  const rows = table.slice(0, table.indexOf("\n\n")).split("\n").slice(2);
  const listed = rows.map((row) => /^\| `(\w+)`/.exec(row)?.[1]);
  expect(listed.sort()).toEqual(Object.keys(capabilities).sort());
});
