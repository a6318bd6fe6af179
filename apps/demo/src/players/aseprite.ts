// The Aseprite player: a script's handleMessage ported from Lua. Aseprite's WebSocket reconnects by
// itself whenever the connection fails or ends, until close(); the script only reacts to messages.
import { WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";
import type { Reporter } from "../panel.ts";
import type { GameLink } from "../protocol.ts";
import type { NetPlayer } from "./player.ts";

const NAMES = Object.fromEntries(Object.entries(WebSocketMessageType).map(([name, value]) => [value, name]));

export function asepritePlayer(game: GameLink): NetPlayer {
  let ws: WebSocket | undefined;
  let isOpen = false;

  let sessionReport: Reporter | undefined;

  // The Lua would use pcall(ws.sendText, ...): when the server has just closed, Aseprite raises
  // "WebSocket failed to send text", and an error escaping onreceive would stop the socket.
  function send(socket: WebSocket, text: string) {
    try {
      socket.sendText(text);
    } catch (err) {
      sessionReport?.error(`sendText: ${(err as Error).message}`);
    }
  }

  function join(url: string, report: Reporter) {
    sessionReport = report;
    function handleMessage(mt: number, data: string | Uint8Array, err: string) {
      const current = ws === socket; // false for a socket this player already closed
      if (mt === WebSocketMessageType.TEXT || mt === WebSocketMessageType.BINARY) {
        const reply = current ? game.receive(data, performance.now()) : undefined;
        if (reply) send(socket, reply);
        return;
      }
      const name = NAMES[mt] ?? String(mt);
      report.event(name, err ? `error="${err}"` : "");
      if (!current) return;
      if (mt === WebSocketMessageType.OPEN) {
        isOpen = true;
        game.restart();
        report.state("OPEN", true);
      } else if (mt === WebSocketMessageType.CLOSE) {
        isOpen = false;
        report.closed("CLOSE (Aseprite gives no code)");
        report.state("CLOSE · reconnecting by itself", false);
      } else if (mt === WebSocketMessageType.ERROR) {
        isOpen = false;
        report.error(err);
        report.state("ERROR · retrying with backoff", false);
      }
    }
    const socket = WebSocket({ url, onreceive: handleMessage, maxreconnectwait: 2 });
    ws = socket;
    socket.connect();
    report.state("connecting (no event yet)", false);
  }

  return {
    join,
    leave() {
      ws?.close();
      isOpen = false;
    },
    update(now) {
      if (!isOpen || !ws) return;
      for (const message of game.due(now)) send(ws, message);
    },
  };
}
