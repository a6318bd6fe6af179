// What the example tests share (Node and browser): wait, bounded, for what a program shows.
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
