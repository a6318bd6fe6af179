// isomorphic-ws: ws in Node, the global WebSocket in a browser, driven through the API both share.
import WebSocket from "isomorphic-ws";
import type { ClientKind } from "./types.ts";
import { openWebSocketLike, type WebSocketLike } from "./web-socket-api.ts";

export const isomorphicWs: ClientKind = {
  name: "isomorphic-ws",
  open: (url, onReply) => openWebSocketLike(new WebSocket(url) as unknown as WebSocketLike, onReply),
};
