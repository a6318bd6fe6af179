// Records what a WebSocket's onreceive is given, with the time it arrived, and closes it after the test.
import { WebSocket, type WebSocketOptions } from "@wsport/aseprite-compat";
import { afterEach, vi } from "vitest";
import { EventLog } from "../../../test/events.ts";

export interface Received {
  type: number;
  data: string | Uint8Array;
  error: string;
  /** performance.now() when it arrived */
  at: number;
}

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.close();
  vi.useRealTimers();
});

/**
 * Fakes the timers the reconnection backoff runs on and the clock `at` reads, so a test asserts the
 * schedule exactly: the clock stands still while sockets do their real I/O, and moves only by
 * `nextTimer()` (the next wait, in full). Sockets, their events and the server stay real.
 */
export function fakeClock(): { nextTimer: () => Promise<void> } {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  return {
    nextTimer: async () => {
      await vi.advanceTimersToNextTimerAsync();
    },
  };
}

export function record(options: Omit<WebSocketOptions, "onreceive">) {
  const log = new EventLog<Received>();
  const ws = WebSocket({
    ...options,
    onreceive: (type, data, error) => log.push({ type, data, error, at: performance.now() }),
  });
  sockets.push(ws);
  /** The n-th event (1-based) of the given type, waiting for it if needed. */
  const nth = (type: number, n = 1, timeoutMs = 8000) => {
    let seen = 0;
    return log.waitFor((e) => e.type === type && ++seen === n, timeoutMs, `event #${n} of type ${type}`);
  };
  const types = () => log.events.map((e) => e.type);
  return { ws, log, nth, types };
}
