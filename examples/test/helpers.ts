// What the example tests share: wait (bounded) for what a program shows, a free loopback port, a
// forced garbage collection (Node), and a captured console.
import { createServer } from "node:net";
import { delay } from "../../test/events.ts";

/** Waits until `lines()` has a line matching `pattern`; returns it. */
export async function waitForLine(
  lines: () => readonly string[],
  pattern: RegExp,
  timeoutMs = 8000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const line = lines().find((l) => pattern.test(l));
    if (line !== undefined) return line;
    if (Date.now() > end) throw new Error(`No line matching ${pattern} in ${JSON.stringify(lines())}`);
    await delay(10);
  }
}

/** Waits until `test()` holds. */
export async function waitUntil(test: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await delay(10);
  }
}

/** A loopback port that was free a moment ago, for a program that listens on a fixed port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
