// Aseprite's WebSocket{ url, onreceive }: sendText() / sendBinary() out, TEXT / BINARY messages in.
import { WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";
import type { ClientKind } from "./types.ts";

export const aseprite: ClientKind = {
  name: "@wsport/aseprite-compat",
  open(url, onReply) {
    return new Promise((resolve, reject) => {
      const ws = WebSocket({
        url,
        // Aseprite reconnects forever; one failure is enough for a benchmark.
        onreceive: (type, _data, error) => {
          if (type === WebSocketMessageType.BINARY || type === WebSocketMessageType.TEXT) onReply();
          else if (type === WebSocketMessageType.OPEN)
            resolve({
              send: (payload) =>
                typeof payload === "string" ? ws.sendText(payload) : ws.sendBinary(payload),
              close: () => ws.close(),
            });
          else if (type === WebSocketMessageType.ERROR) {
            ws.close();
            reject(new Error(error));
          }
        },
      });
      ws.connect();
    });
  },
};
