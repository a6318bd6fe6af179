// The seed's example script, ported line for line (only the URL differs: it is the test server).
import { type Connection, type EventData, websocket } from "@wsport/defold-compat";

export interface Script {
  url?: string;
  connection?: Connection | undefined;
}

/** What `log` printed, and how often `update_gui` ran: the test reads both. */
export const output = { lines: [] as string[], guiUpdates: 0 };
const log = (text: string) => output.lines.push(text);
const update_gui = (_self: Script) => output.guiUpdates++;

function websocket_callback(self: Script, conn: Connection, data: EventData) {
  if (data.event === websocket.EVENT_DISCONNECTED) {
    log(`Disconnected: ${String(conn)}`);
    self.connection = undefined;
    update_gui(self);
  } else if (data.event === websocket.EVENT_CONNECTED) {
    update_gui(self);
    log(`Connected: ${String(conn)}`);
  } else if (data.event === websocket.EVENT_ERROR) {
    log(`Error: '${String(data.message)}'`);
    if (data.handshake_response) {
      log(`Handshake response status: '${String(data.handshake_response.status)}'`);
      for (const [key, value] of Object.entries(data.handshake_response.headers)) {
        log(`Handshake response header: '${key}: ${value}'`);
      }
      log(`Handshake response body: '${String(data.handshake_response.response)}'`);
    }
  } else if (data.event === websocket.EVENT_MESSAGE) {
    log(`Receiving: '${String(data.message)}'`);
  }
}

export function init(self: Script, url: string) {
  self.url = url; // the seed has: self.url = "ws://echo.websocket.org"
  const params = {};
  self.connection = websocket.connect(self.url, params, websocket_callback, self);
}

export function finalize(self: Script) {
  if (self.connection !== undefined) {
    websocket.disconnect(self.connection);
  }
}
