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
 * whose poll sends many small frames to one peer (a Godot server relaying its clients' packets) pays one
 * write per peer and task instead of one per frame. The frames and their order are unchanged;
 * `bufferedAmount` leaves the held frames out (as if the network had taken them; at most 16 KiB are held,
 * more are written at once), and terminate() still writes them before it drops the connection. A
 * connection whose network is behind is not held (Node already writes its waiting frames together).
 * Nothing in browsers.
 */
export function holdWrites(conn: Connection): void {
  conn._holdWrites();
}
