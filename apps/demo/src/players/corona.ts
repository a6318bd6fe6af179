// The Solar2D (Corona) player: the plugin's "Simple Connect" pattern ported from Lua. One client,
// one listener on ws.WSEVENT, and a branch per event type.
import WebSockets, { type WsEvent } from "@wsport/corona-compat";
import type { Reporter } from "../panel.ts";
import type { GameLink } from "../protocol.ts";
import type { NetPlayer } from "./player.ts";

export function coronaPlayer(game: GameLink): NetPlayer {
  const ws = WebSockets.new();
  let report: Reporter | undefined;
  let isOpen = false;

  const wsHandler = (event: WsEvent) => {
    if (event.type === ws.ONOPEN) {
      isOpen = true;
      game.restart();
      report?.event("ONOPEN");
      report?.state("ONOPEN", true);
    } else if (event.type === ws.ONMESSAGE) {
      const reply = game.receive(event.data, performance.now());
      if (reply) ws.send(reply);
    } else if (event.type === ws.ONCLOSE) {
      isOpen = false;
      // code and reason are nil when the connection failed or dropped without a close frame
      const text = `code=${event.code ?? "nil"} reason=${event.reason === undefined ? "nil" : `"${event.reason}"`}`;
      report?.event("ONCLOSE", text);
      report?.closed(`ONCLOSE ${text}`);
      report?.state("ONCLOSE", false);
    } else if (event.type === ws.ONERROR) {
      isOpen = false;
      const text = `code=${event.code} reason="${event.reason}"`;
      report?.event("ONERROR", text);
      report?.error(`ONERROR ${text}`);
      report?.state("ONERROR", false);
    }
  };
  ws.addEventListener(ws.WSEVENT, wsHandler);

  return {
    join(url, r) {
      report = r;
      isOpen = false;
      ws.connect(url);
      report.state("connecting (no event yet)", false);
    },
    leave() {
      if (report) ws.disconnect();
      isOpen = false;
    },
    update(now) {
      if (!isOpen) return;
      for (const message of game.due(now)) ws.send(message);
    },
  };
}
