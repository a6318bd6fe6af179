// What both entries (node, browser) export besides their transport.
export { type BackoffOptions, backoffDelay } from "./backoff.js";
export {
  assertCloseCode,
  assertCloseReason,
  isValidCloseCode,
  MAX_CLOSE_REASON_BYTES,
} from "./close-code.js";
export { Connection } from "./connection.js";
export { describe } from "./describe.js";
export { assertHeaders, isToken, parseHeaderBlock } from "./headers.js";
export { type CheckedOptions, checkOptions, DEFAULT_MAX_PAYLOAD, MAX_TIMEOUT } from "./options.js";
export type * from "./types.js";
export { parseWebSocketUrl } from "./url.js";
export {
  decodeUtf8,
  encodeUtf8,
  isValidUtf8,
  messageBytes,
  messageText,
  utf8ByteLength,
  utf8FitsIn,
} from "./utf8.js";
