// The one wait of every test in the repository (Node, browsers, the demo's end-to-end runs): check a
// condition every few milliseconds until it holds, or fail after a time limit, saying what it waited for.
// A test that must show that something did NOT happen does not wait a fixed time: it does something
// whose effect must come after (a marker message), waits for that, then checks the absence.

/**
 * Resolves once `condition()` (which may be async) is true; rejects after `timeoutMs`.
 * `tick` runs before every check (a poll-driven engine's poll()); `everyMs` spaces the checks.
 */
export async function until(condition, what = "condition", timeoutMs = 8000, { tick, everyMs = 5 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    tick?.();
    if (await condition()) return;
    if (Date.now() > end) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${typeof what === "function" ? what() : what}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
