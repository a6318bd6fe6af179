// Every end-to-end fixture translates to its expected TypeScript exactly, with no place needing a
// human: the expected files are what the tests run, so "0 hand edits" is checked here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixtures, here, translateFixture } from "./helpers.ts";

describe("the fixtures translate to the expected TypeScript, unmodified", () => {
  for (const { engine, source, expected } of fixtures()) {
    it(`${engine}/${source} → ${expected}`, () => {
      const result = translateFixture(engine, source);
      expect(result.marks).toEqual([]);
      expect(result.code).toBe(readFileSync(`${here}expected/${engine}/${expected}`, "utf8"));
    });
  }
});
