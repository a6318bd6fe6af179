// The backoff arithmetic through the public WebSocket: the waits between refused attempts, each let
// through by a fake clock (the sockets stay real). Node only: the schedule is the same in every
// runtime, and Firefox holds back repeated connections to a port that refused (up to 60 s), which
// would measure Firefox rather than the schedule.
import { WebSocketMessageType as T, WebSocket } from "@wsport/aseprite-compat";
import { MAX_TIMEOUT } from "@wsport/core";
import { describe, expect, it } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
import { fakeClock, record } from "./record.ts";

/** The waits between `count` refused attempts, each let through by the fake clock. */
async function waits(
  count: number,
  options: { minreconnectwait?: unknown; maxreconnectwait?: unknown } = {},
) {
  const clock = fakeClock();
  const { ws, nth } = record({ url: refusedUrl("/"), ...(options as object) });
  ws.connect();
  const at = [(await nth(T.ERROR)).at];
  for (let n = 2; n <= count; n++) {
    await clock.nextTimer();
    at.push((await nth(T.ERROR, n)).at);
  }
  ws.close();
  return at.slice(1).map((t, i) => t - at[i]!);
}

describe("the reconnection backoff (100 ms × 2^n, clamped to [min, max])", () => {
  it("follows Aseprite's defaults: 100, 200, ... 6400, then 10 s", async () => {
    expect(await waits(10)).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
  });

  it("raises to min, caps at max, and max wins when they cross", async () => {
    expect(await waits(3, { minreconnectwait: 0, maxreconnectwait: 0.05 })).toEqual([50, 50]);
    expect(await waits(2, { minreconnectwait: 5, maxreconnectwait: 1 })).toEqual([1000]);
    expect(await waits(3, { minreconnectwait: 0, maxreconnectwait: 0 })).toEqual([0, 0]);
    expect(await waits(2, { minreconnectwait: 2.5 })).toEqual([2500]);
  });

  it("gives max from the 26th failure on (Aseprite's n ≥ 26 rule) even with the longest max", async () => {
    const gaps = await waits(28, { maxreconnectwait: MAX_TIMEOUT / 1000 });
    expect(gaps.slice(23)).toEqual([100 * 2 ** 23, 100 * 2 ** 24, MAX_TIMEOUT, MAX_TIMEOUT]);
  });
});

describe("wait options (seconds → ms)", () => {
  it("ignores other types and rejects impossible waits", async () => {
    expect(await waits(3, { minreconnectwait: "5", maxreconnectwait: null })).toEqual([100, 200]);
    for (const bad of [-0.001, Number.NaN, Number.POSITIVE_INFINITY, 2_147_484]) {
      expect(() => WebSocket({ url: serverUrl("/"), maxreconnectwait: bad })).toThrow(
        /^maxreconnectwait must be a number of seconds from 0 to 2147483.647, got /,
      );
    }
  });
});
