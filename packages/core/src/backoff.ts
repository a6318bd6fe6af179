// Exponential backoff for reconnecting clients.

export interface BackoffOptions {
  /** Wait after the first failure, in ms (default 100). */
  initial?: number;
  /** Growth per failure (default 2). */
  factor?: number;
  /** Lower bound in ms (default 0). */
  min?: number;
  /** Upper bound in ms (default 10000); it wins over `min` when they cross. */
  max?: number;
  /** 0..1: the share of the wait that may be taken off at random (default 0). */
  jitter?: number;
}

/**
 * The wait before the next attempt after `failures` consecutive failures (1 = the first):
 * initial × factor^(failures-1), raised to `min`, then capped at `max`, then jittered.
 */
export function backoffDelay(
  failures: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { initial = 100, factor = 2, min = 0, max = 10_000, jitter = 0 } = options;
  if (!Number.isInteger(failures) || failures < 1)
    throw new RangeError(`failures must be an integer ≥ 1, got ${failures}`);
  if (!(jitter >= 0 && jitter <= 1)) throw new RangeError(`jitter must be between 0 and 1, got ${jitter}`);
  const grown = initial * factor ** (failures - 1); // Infinity past ~1000 failures, which the cap absorbs
  const wait = Math.min(Math.max(grown, min), max);
  return jitter === 0 ? wait : wait * (1 - jitter * random());
}
