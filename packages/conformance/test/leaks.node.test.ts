// A small leak check: connect/disconnect cycles per adapter and Aseprite's automatic reconnects
// leave no handles or process listeners behind. (Heap growth is reported by `stress leaks`; a
// few hundred cycles are too few to judge the heap.)
import { describe, expect, test } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { ADAPTERS } from "../src/echo-clients.ts";
import { cycles, growth, reconnects } from "../src/leaks.ts";

describe("leaks (small)", () => {
  for (const adapter of ADAPTERS) {
    test(`${adapter}: 50 connect/disconnect cycles leave no handle or listener`, async () => {
      const { before, after } = await growth(() => cycles(adapter, serverUrl("/"), 50));
      expect({ handles: after.handles, listeners: after.listeners }).toEqual({
        handles: before.handles,
        listeners: before.listeners,
      });
    });
  }
  test("aseprite: 50 automatic reconnects leave no handle or listener", async () => {
    const { before, after } = await growth(() => reconnects(serverUrl("/close/1000"), 50));
    expect({ handles: after.handles, listeners: after.listeners }).toEqual({
      handles: before.handles,
      listeners: before.listeners,
    });
  });
});
