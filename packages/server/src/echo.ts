// The echo every route but rooms and a few faults gives: the same frame type back.
import type { RawData, WebSocket } from "ws";

// Shared, so the echo does not build an options object of its own for every message.
export const AS_BINARY = Object.freeze({ binary: true });
export const AS_TEXT = Object.freeze({ binary: false });

export function echo(ws: WebSocket): void {
  ws.on("message", (data: RawData, isBinary: boolean) => ws.send(data, isBinary ? AS_BINARY : AS_TEXT));
}
