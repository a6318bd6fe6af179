/**
 * Resolves once `condition()` (which may be async) is true; rejects after `timeoutMs`, naming `what`
 * (a string, or a function that describes the state at that moment). `tick` runs before every check
 * (a poll-driven engine's poll()); `everyMs` spaces the checks (5 ms by default).
 */
export declare function until(
  condition: () => boolean | Promise<boolean>,
  what?: string | (() => string),
  timeoutMs?: number,
  options?: { tick?: () => void; everyMs?: number },
): Promise<void>;
