// reconnecting-websocket (partysocket's ancestor): in Node it is handed ws's class through its
// documented `WebSocket` option. maxRetries 0: one failure is enough for a benchmark.
import ReconnectingWebSocket from "reconnecting-websocket";
import type { ClientKind } from "./types.ts";
import { openWebSocketLike, type WebSocketClass, type WebSocketLike } from "./web-socket-api.ts";

export function reconnectingWebSocket(webSocketClass?: WebSocketClass): ClientKind {
  return {
    name: "reconnecting-websocket",
    open(url, onReply) {
      const options =
        webSocketClass === undefined ? { maxRetries: 0 } : { maxRetries: 0, WebSocket: webSocketClass };
      return openWebSocketLike(
        new ReconnectingWebSocket(url, [], options) as unknown as WebSocketLike,
        onReply,
      );
    },
  };
}
