// The Defold player: a game object script ported from Lua. Defold calls init/update/final; the
// extension calls websocket_callback(self, connection, data) with one event at a time.
import { type Connection, type EventData, websocket } from "@wsport/defold-compat";
import type { Reporter } from "../panel.ts";
import type { GameLink } from "../protocol.ts";
import type { NetPlayer } from "./player.ts";

/** The script instance (`self` in Lua). */
interface Self {
  connection: Connection | undefined;
  connected: boolean;
  report: Reporter;
  game: GameLink;
}

function websocket_callback(self: Self, conn: Connection, data: EventData) {
  if (data.event === websocket.EVENT_DISCONNECTED) {
    self.report.event("EVENT_DISCONNECTED", `code=${data.code}`);
    self.report.closed(`code=${data.code}`);
    self.report.state("EVENT_DISCONNECTED", false);
    self.connection = undefined;
    self.connected = false;
  } else if (data.event === websocket.EVENT_CONNECTED) {
    self.report.event("EVENT_CONNECTED");
    self.report.state("EVENT_CONNECTED", true);
    self.connected = true;
    self.game.restart();
  } else if (data.event === websocket.EVENT_ERROR) {
    self.report.event("EVENT_ERROR", `message="${data.message}"`);
    self.report.error(data.message);
  } else if (data.event === websocket.EVENT_MESSAGE) {
    const reply = self.game.receive(data.message, performance.now());
    if (reply) sendText(self, conn, reply);
  }
}

function init(self: Self, url: string) {
  const params = { timeout: 3000 };
  self.connection = websocket.connect(url, params, websocket_callback, self);
  self.report.state("connecting (no event yet)", false);
}

function update(self: Self, now: number) {
  if (!self.connected || !self.connection) return;
  for (const message of self.game.due(now)) sendText(self, self.connection, message);
}

// The Lua would use pcall(websocket.send, ...): between the server's close frame and
// EVENT_DISCONNECTED, send raises "Connection isn't connected".
function sendText(self: Self, conn: Connection, message: string) {
  try {
    websocket.send(conn, message, { type: websocket.DATA_TYPE_TEXT });
  } catch (err) {
    self.report.error(`send: ${(err as Error).message}`);
  }
}

function final(self: Self) {
  if (self.connection) websocket.disconnect(self.connection);
  self.connected = false;
}

export function defoldPlayer(game: GameLink): NetPlayer {
  let self: Self | undefined;
  return {
    join(url, report) {
      self = { connection: undefined, connected: false, report, game };
      init(self, url);
    },
    leave: () => self && final(self),
    update: (now) => self && update(self, now),
  };
}
