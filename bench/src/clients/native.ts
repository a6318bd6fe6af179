// The reference in the browser pages: the native WebSocket used directly.

import type { ClientKind } from "./types.ts";
import { openWebSocketLike, type WebSocketLike } from "./web-socket-api.ts";

export const native: ClientKind = {
  name: "native WebSocket",
  open: (url, onReply) => openWebSocketLike(new WebSocket(url) as WebSocketLike, onReply),
};
