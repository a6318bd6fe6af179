// The libraries that keep the browser's WebSocket API (native, isomorphic-ws, partysocket,
// reconnecting-websocket) are driven alike: binaryType "arraybuffer" (what a binary protocol sets),
// addEventListener("open" / "message" / "error"), send(), close(). The message listener reads
// `event.data`, as every app does: a browser makes the data's JS object only when it is read.
import type { ClientKind, EchoClient } from "./types.ts";

/** The part of the WebSocket API these clients use; ws's and each library's class fit it. */
export interface WebSocketLike {
  binaryType: string;
  send(data: string | Uint8Array): void;
  close(): void;
  addEventListener(type: "open" | "error", listener: () => void): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}

/** Wires an unopened WebSocket-like object: resolves once it is open, rejects on its first error. */
export function openWebSocketLike(ws: WebSocketLike, onReply: () => void): Promise<EchoClient> {
  ws.binaryType = "arraybuffer";
  ws.addEventListener("message", (event) => {
    if (event.data !== undefined) onReply();
  });
  return new Promise((resolve, reject) => {
    ws.addEventListener("open", () =>
      resolve({ send: (payload) => ws.send(payload), close: () => ws.close() }),
    );
    ws.addEventListener("error", () => {
      ws.close();
      reject(new Error("WebSocket error before open"));
    });
  });
}

/** What Node code passes for the browser's WebSocket class (ws's); undefined in a browser. */
export type WebSocketClass = new (url: string, protocols?: string | string[]) => unknown;

/** The constructor partysocket and reconnecting-websocket share: (url, protocols, options). */
export type ReconnectingClass = new (
  url: string,
  protocols: string[],
  options: { maxRetries: number; WebSocket?: WebSocketClass },
) => unknown;

/**
 * A client over such a class, driven through the WebSocket API: in Node it is handed ws's class
 * through the documented `WebSocket` option. maxRetries 0: one failure is enough for a benchmark.
 */
export function reconnectingClient(
  name: string,
  LibraryClass: ReconnectingClass,
  webSocketClass?: WebSocketClass,
): ClientKind {
  return {
    name,
    open(url, onReply) {
      const options =
        webSocketClass === undefined ? { maxRetries: 0 } : { maxRetries: 0, WebSocket: webSocketClass };
      return openWebSocketLike(new LibraryClass(url, [], options) as WebSocketLike, onReply);
    },
  };
}
