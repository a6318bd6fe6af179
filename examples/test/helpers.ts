// What the example tests share (Node and browser): wait, bounded, for what a program shows.
import { until } from "../../test/until.mjs";

export { until };

/** Waits until `lines()` has a line matching `pattern`; returns it. */
export async function waitForLine(
  lines: () => readonly string[],
  pattern: RegExp,
  timeoutMs = 8000,
): Promise<string> {
  let line: string | undefined;
  const found = () => {
    line = lines().find((l) => pattern.test(l));
    return line !== undefined;
  };
  await until(found, () => `a line matching ${pattern} in ${JSON.stringify(lines())}`, timeoutMs);
  return line!;
}
