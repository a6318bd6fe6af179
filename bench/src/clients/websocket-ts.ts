// websocket-ts: WebsocketBuilder(url).build(), listeners called with (instance, event). It creates
// the global WebSocket and takes no class, so in Node 20 (no global WebSocket) ws's class is
// installed as the global first, in this client's own process only.
import { WebsocketBuilder, WebsocketEvent } from "websocket-ts";
import type { ClientKind } from "./types.ts";
import type { WebSocketClass } from "./web-socket-api.ts";

export function websocketTs(webSocketClass?: WebSocketClass): ClientKind {
  return {
    name: "websocket-ts",
    open(url, onReply) {
      if (webSocketClass !== undefined && globalThis.WebSocket === undefined)
        (globalThis as { WebSocket?: unknown }).WebSocket = webSocketClass;
      const ws = new WebsocketBuilder(url).build();
      ws.binaryType = "arraybuffer";
      ws.addEventListener(WebsocketEvent.message, (_instance, event) => {
        if (event.data !== undefined) onReply(); // read, as in web-socket-api.ts
      });
      return new Promise((resolve, reject) => {
        ws.addEventListener(WebsocketEvent.open, () =>
          resolve({ send: (payload) => ws.send(payload), close: () => ws.close() }),
        );
        ws.addEventListener(WebsocketEvent.error, () => {
          ws.close();
          reject(new Error("websocket-ts: error before open"));
        });
      });
    },
  };
}
