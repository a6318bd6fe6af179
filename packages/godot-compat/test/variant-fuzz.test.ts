// bytes_to_var and decode_var on random and mutated buffers (conformance's variant fuzz): nothing
// throws, and whatever decodes encodes again. 2,000 buffers here so the normal run stays quick;
// `pnpm --filter @wsport/conformance stress variant-fuzz` runs 100,000.
import { expect, it } from "vitest";
import { fuzzVariants } from "../../conformance/src/variant-fuzz.ts";

it("2,000 random and mutated buffers: 0 throws, some decode, some are refused", () => {
  const result = fuzzVariants(2000, 7);
  expect(result.throws).toEqual([]);
  expect(result.runs).toBe(2000);
  expect(result.decoded).toBeGreaterThan(0);
  expect(result.nulls).toBeGreaterThan(0);
});
