// Corona / Solar2D plugin.websockets: WebSockets.new(), one listener for "WsEvent0".
import WebSockets from "@wsport/corona-compat";
import type { ClientKind } from "./types.ts";

export const corona: ClientKind = {
  name: "@wsport/corona-compat",
  open(url, onReply) {
    return new Promise((resolve, reject) => {
      const ws = WebSockets.new();
      ws.addEventListener(ws.WSEVENT, (event) => {
        if (event.type === ws.ONMESSAGE) onReply();
        else if (event.type === ws.ONOPEN)
          resolve({
            send: (payload) => ws.send(payload, typeof payload === "string" ? ws.TEXT : ws.BINARY),
            close: () => ws.disconnect(),
          });
        else if (event.type === ws.ONERROR) reject(new Error(event.reason));
        else if (event.type === ws.ONCLOSE) reject(new Error(`closed before open (${event.code})`));
      });
      ws.connect(url);
    });
  },
};
