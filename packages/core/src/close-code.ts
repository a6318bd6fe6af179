import { describe } from "./describe.js";

// Close codes and reasons per RFC 6455 §7.4 and §5.5.

/** True for the codes an endpoint may put in a close frame. */
export function isValidCloseCode(code: number): boolean {
  return (
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999))
  );
}

export function assertCloseCode(code: unknown): asserts code is number {
  if (typeof code !== "number") throw new TypeError(`Close code must be a number, got ${describe(code)}`);
  if (!isValidCloseCode(code)) {
    throw new RangeError(`Invalid close code ${code}: must be 1000-1003, 1007-1014 or 3000-4999`);
  }
}

/** A close frame holds 125 bytes: 2 for the code, at most 123 for the reason. */
export const MAX_CLOSE_REASON_BYTES = 123;

export function assertCloseReason(
  reason: unknown,
  byteLength: (text: string) => number,
): asserts reason is string {
  if (typeof reason !== "string")
    throw new TypeError(`Close reason must be a string, got ${describe(reason)}`);
  const bytes = byteLength(reason);
  if (bytes > MAX_CLOSE_REASON_BYTES) {
    throw new RangeError(
      `Close reason is ${bytes} bytes in UTF-8; at most ${MAX_CLOSE_REASON_BYTES} are allowed`,
    );
  }
}
