// The baseline: a bare `ws` client, as in ws's own bench/speed.js.
import WebSocket from "ws";
import type { ClientKind } from "./types.ts";

export const rawWs: ClientKind = {
  name: "raw ws",
  open(url, onReply) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.binaryType = "nodebuffer";
      ws.on("message", () => onReply());
      ws.once("error", reject);
      ws.once("open", () => resolve({ send: (payload) => ws.send(payload), close: () => ws.close() }));
    });
  },
};
