// partysocket's WebSocket (a reconnecting drop-in for the browser's): in Node it is handed ws's
// class through its documented `WebSocket` option. maxRetries 0: one failure is enough for a benchmark.
import { WebSocket as PartySocket } from "partysocket";
import type { ClientKind } from "./types.ts";
import { openWebSocketLike, type WebSocketClass, type WebSocketLike } from "./web-socket-api.ts";

export function partysocket(webSocketClass?: WebSocketClass): ClientKind {
  return {
    name: "partysocket",
    open(url, onReply) {
      const options =
        webSocketClass === undefined ? { maxRetries: 0 } : { maxRetries: 0, WebSocket: webSocketClass };
      return openWebSocketLike(new PartySocket(url, [], options) as unknown as WebSocketLike, onReply);
    },
  };
}
