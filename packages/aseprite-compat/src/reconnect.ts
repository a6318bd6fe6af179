// IXWebSocket's reconnection backoff, as Aseprite configures it.
import { backoffDelay, MAX_TIMEOUT } from "@wsport/core";

/** Aseprite's defaults (IXWebSocket's): 1 ms and 10 s. */
const DEFAULT_MIN_WAIT_MS = 1;
const DEFAULT_MAX_WAIT_MS = 10_000;

/**
 * The wait in ms after `failures` consecutive failed attempts (1 = the first): 100 ms × 2^(failures-1),
 * raised to `min`, then capped at `max` (so max wins when they cross). Aseprite's "from n = 26 on,
 * always max" rule needs no code: max is at most 2^31 - 1 ms, which 100 ms × 2^25 already exceeds.
 */
export function reconnectWait(
  failures: number,
  min: number = DEFAULT_MIN_WAIT_MS,
  max: number = DEFAULT_MAX_WAIT_MS,
): number {
  return backoffDelay(failures, { initial: 100, factor: 2, min, max });
}

/** A wait option in seconds → ms. Aseprite reads it only when it is a number; other types are ignored. */
export function waitOption(name: string, value: unknown): number | undefined {
  if (typeof value !== "number") return undefined;
  const ms = value * 1000;
  if (!(ms >= 0 && ms <= MAX_TIMEOUT)) {
    throw new RangeError(`${name} must be a number of seconds from 0 to ${MAX_TIMEOUT / 1000}, got ${value}`);
  }
  return ms;
}
