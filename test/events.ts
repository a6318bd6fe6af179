/// <reference path="./provided.d.ts" />
// Shared by every package's tests: record what a connection-like object reports, and wait for it.
import { inject } from "vitest";

/** ws://127.0.0.1:<test server port><path> */
export function serverUrl(path = "/"): string {
  return `ws://127.0.0.1:${inject("port")}${path}`;
}

/** A URL where nobody listens. */
export function refusedUrl(path = "/"): string {
  return `ws://127.0.0.1:${inject("closedPort")}${path}`;
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
 * Where two byte arrays first differ (the shorter length when one is a prefix of the other), or -1
 * when they are equal. For large payloads: toEqual compares a megabyte element by element, slowly.
 */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
