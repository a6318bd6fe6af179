// @wsport/core/internal for browsers (no semver: see internal.ts).
import { BrowserConnection } from "./browser-connection.js";
import type { Connection } from "./connection.js";
import { DEFAULT_MAX_PAYLOAD } from "./options.js";
import type { ConnectOptions } from "./types.js";

export * from "./internal.js";

/**
 * connect() for adapters, which check their arguments in their engine's terms first: core checks
 * nothing more, and the native WebSocket refuses what it cannot use (a bad URL, subprotocol, close
 * code or reason) with its own DOMException. A bundle that opens connections only this way carries
 * no second set of checks. In Node it is connect(), checks included.
 */
export function connectUnchecked(url: string, options: ConnectOptions = {}): Connection {
  const { timeout = 0, protocols = [], maxPayload = DEFAULT_MAX_PAYLOAD } = options;
  return new BrowserConnection(url, timeout, protocols, maxPayload);
}
