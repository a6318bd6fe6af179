// What wsport's own packages share besides the public API, in both runtimes: checks in the words
// their errors use, UTF-8 without surprises, ws's send options. `@wsport/core/internal` follows no
// semver: it changes with the packages of the same release, which pin core with `workspace:^`.
export { describe } from "./describe.js";
export { isToken, parseHeaderBlock } from "./headers.js";
export { AS_BINARY, AS_TEXT } from "./send-options.js";
export { parseWebSocketUrl } from "./url.js";
export { decodeUtf8, encodeUtf8, isValidUtf8, utf8ByteLength, utf8FitsIn } from "./utf8.js";
