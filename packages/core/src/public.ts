// What both public entries (node, browser) promise besides their transport. Everything here follows
// semver; what only wsport's own packages share is in internal.ts (`@wsport/core/internal`).
import type { Connection as Transport } from "./connection.js";

export { type BackoffOptions, backoffDelay } from "./backoff.js";
export { isValidCloseCode, MAX_CLOSE_REASON_BYTES } from "./close-code.js";
export { DEFAULT_MAX_PAYLOAD, MAX_TIMEOUT } from "./options.js";
export type * from "./types.js";
export { messageBytes, messageText } from "./utf8.js";

/**
 * One WebSocket connection, as `connect()` and `acceptSocket()` return it. A type only: core's
 * transports are its only subclasses, and the hooks they implement are renamed in the build.
 */
export type Connection = Transport;
