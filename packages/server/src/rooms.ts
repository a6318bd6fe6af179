// Broadcast rooms: /room/<name> joins the room named <name>; each message goes to every other member
// with its frame type. A room exists while it has members.
import { AS_BINARY, AS_TEXT } from "@wsport/core/internal";
import { type RawData, WebSocket } from "ws";

export class Rooms {
  readonly #rooms = new Map<string, Set<WebSocket>>();

  join(name: string, ws: WebSocket): void {
    const members = this.#rooms.get(name) ?? new Set<WebSocket>();
    this.#rooms.set(name, members);
    members.add(ws);
    ws.on("message", (data: RawData, isBinary: boolean) => {
      const options = isBinary ? AS_BINARY : AS_TEXT;
      for (const peer of members) {
        if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, options);
      }
    });
    ws.on("close", () => {
      members.delete(ws);
      if (members.size === 0 && this.#rooms.get(name) === members) this.#rooms.delete(name);
    });
  }
}
