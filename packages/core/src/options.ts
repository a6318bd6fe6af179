// Checks connect options once, up front, so a typo is an exception and not a silent default.
// What only Node can apply (headers, TLS, deflate) is checked in node-options.ts.
import { describe } from "./describe.js";
import { isToken } from "./headers.js";
import type { ConnectOptions } from "./types.js";

/** A connection's largest inbound message unless `maxPayload` says otherwise: 100 MiB. */
export const DEFAULT_MAX_PAYLOAD = 100 * 1024 * 1024;
/** The longest timer a JavaScript runtime keeps (about 24.8 days). */
export const MAX_TIMEOUT = 2 ** 31 - 1;

export interface CheckedOptions {
  timeout: number;
  protocols: string[];
  maxPayload: number;
}

/** The options every runtime applies: timeout, protocols, maxPayload. */
export function checkOptions(options: unknown): CheckedOptions {
  if (options == null) options = {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  }
  const { timeout = 0, protocols = [], maxPayload = DEFAULT_MAX_PAYLOAD } = options as ConnectOptions;
  // setTimeout fires at once past 2^31-1 ms, so larger values would time out immediately.
  // A value of the wrong type is a TypeError, a number out of range a RangeError.
  if (typeof timeout !== "number" || !(timeout >= 0 && timeout <= MAX_TIMEOUT)) {
    throw new (typeof timeout === "number" ? RangeError : TypeError)(
      `timeout must be 0 to ${MAX_TIMEOUT} ms, got ${describe(timeout)}`,
    );
  }
  const list = typeof protocols === "string" ? [protocols] : protocols;
  if (!Array.isArray(list))
    throw new TypeError(`protocols must be a string or an array, got ${describe(protocols)}`);
  list.forEach((p: unknown, i) => {
    if (typeof p !== "string" || !isToken(p))
      throw new SyntaxError(`Subprotocol ${describe(p)} is not a token`);
    if (list.indexOf(p) !== i) throw new SyntaxError(`Subprotocol '${p}' is listed twice`);
  });
  if (!Number.isSafeInteger(maxPayload) || maxPayload < 0) {
    throw new (typeof maxPayload === "number" ? RangeError : TypeError)(
      `maxPayload must be a whole number of bytes ≥ 0, got ${describe(maxPayload)}`,
    );
  }
  return { timeout, protocols: list as string[], maxPayload };
}
