/// <reference path="./provided.d.ts" />
// Shared by every package's tests: record what a connection-like object reports, and wait for it.
import { inject } from "vitest";

/** ws://127.0.0.1:<test server port><path> */
export function serverUrl(path = "/"): string {
  return `ws://127.0.0.1:${inject("port")}${path}`;
}

/** Where the test runs: "node", or the browser engine ("chromium", "firefox", "webkit"). */
export function currentEngine(): "node" | "chromium" | "firefox" | "webkit" {
  return inject("browser");
}

let refusedCalls = 0;

/**
 * A URL where nobody listens, on the next of several refused ports: Firefox spaces out new connections
 * to a host and port whose last connection failed, so consecutive tests should not share one.
 */
export function refusedUrl(path = "/"): string {
  const ports = inject("closedPorts");
  return `ws://127.0.0.1:${ports[refusedCalls++ % ports.length]}${path}`;
}

/** Collects events in order and lets a test wait for the next one matching a predicate. */
export class EventLog<E> {
  readonly events: E[] = [];
  #waiters: Array<{ test: (e: E) => boolean; resolve: (e: E) => void }> = [];

  readonly push = (event: E): void => {
    this.events.push(event);
    this.#waiters = this.#waiters.filter((w) => {
      if (!w.test(event)) return true;
      w.resolve(event);
      return false;
    });
  };

  /** Resolves with the first event (already logged or still to come) that matches. */
  waitFor(test: (e: E) => boolean, timeoutMs = 8000, what = "event"): Promise<E> {
    const seen = this.events.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `Timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(this.events.map(summary))}`,
            ),
          ),
        timeoutMs,
      );
      this.#waiters.push({
        test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  /** Waits for `count` events in total. */
  waitForCount(count: number, timeoutMs = 8000): Promise<E> {
    if (this.events.length >= count) return Promise.resolve(this.events[count - 1]!);
    return this.waitFor(() => this.events.length >= count, timeoutMs, `${count} events`);
  }
}

function summary(e: unknown): unknown {
  if (typeof e !== "object" || e === null) return e;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) out[k] = v instanceof Uint8Array ? `<${v.length} bytes>` : v;
  return out;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Bytes 0, 1, 2, ... 255, 0, 1, ... of the given length (what the server's /send/<n> route sends). */
export function patternBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = i & 0xff;
  return bytes;
}

/**
 * Where two byte arrays first differ ("length 3, expected 4"; "byte 17 is 5, expected 6"), or "none".
 * For payloads of tens of kilobytes and more: `toEqual` compares a Uint8Array element by element
 * through the generic equality, which takes seconds per megabyte in Firefox and WebKit.
 */
export function byteDifference(actual: Uint8Array, expected: Uint8Array): string {
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] !== expected[i]) return `byte ${i} is ${actual[i]}, expected ${expected[i]}`;
  }
  return "none";
}
