// The echo every route but rooms and a few faults gives: the same frame type back.
import { AS_BINARY, AS_TEXT } from "@wsport/core/internal";
import type { RawData, WebSocket } from "ws";

export function echo(ws: WebSocket): void {
  ws.on("message", (data: RawData, isBinary: boolean) => ws.send(data, isBinary ? AS_BINARY : AS_TEXT));
}
