// A small soak per adapter: mixed text/binary, sizes up to 256 KiB, every echo hash-checked.
import { describe, expect, test } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { ADAPTERS } from "../src/echo-clients.ts";
import { soak } from "../src/soak.ts";

describe("soak (small)", () => {
  for (const adapter of ADAPTERS) {
    test(`${adapter}: 300 messages, none lost, reordered or corrupted`, async () => {
      const r = await soak(adapter, { url: serverUrl("/"), messages: 300, maxSize: 256 * 1024, seed: 7 });
      expect({ received: r.received, lost: r.lost, reordered: r.reordered, corrupted: r.corrupted }).toEqual({
        received: 300,
        lost: 0,
        reordered: 0,
        corrupted: 0,
      });
    });
  }
});
