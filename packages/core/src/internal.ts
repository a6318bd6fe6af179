// What wsport's own packages share besides the public API, in both runtimes: checks in the words
// their errors use, UTF-8 without surprises, ws's send options. `@wsport/core/internal` follows no
// semver: it changes with the packages of the same release, which pin core with `workspace:^`.
import type { Connection } from "./connection.js";

export { describe } from "./describe.js";
export { isToken, parseHeaderBlock } from "./headers.js";
export { AS_BINARY, AS_TEXT } from "./send-options.js";
export { parseWebSocketUrl } from "./url.js";
export { decodeUtf8, encodeUtf8, isValidUtf8, utf8ByteLength, utf8FitsIn } from "./utf8.js";

/**
 * Holds what `conn` sends until the current task ends, then writes it in one system call: an engine
 * whose poll sends many small frames to one peer (Godot's native peer writes what it queued in poll)
 * pays one write per peer and task instead of one per frame. The frames and their order are unchanged;
 * terminate() still writes what was held before it drops the connection. Does nothing in browsers.
 */
export function holdWrites(conn: Connection): void {
  conn._holdWrites();
}
