// Shared by this package's tests: a client whose events are logged, and cleanup after each test.
import WebSockets, { type WebSocketClient, type WsEvent } from "@wsport/corona-compat";
import { EventLog } from "../../../test/events.ts";

export const DEFAULT_REASON = "Purpose for connection has been fulfilled";

const clients: WebSocketClient[] = [];

/** A new client with one function listener that logs every event. */
export function client() {
  const ws = WebSockets.new();
  clients.push(ws);
  const log = new EventLog<WsEvent>();
  ws.addEventListener(ws.WSEVENT, log.push);
  const next = (type: WsEvent["type"], timeoutMs = 8000) =>
    log.waitFor((e) => e.type === type, timeoutMs, type);
  return { ws, log, next };
}

/** Disconnects every client the test made (those never connected throw, which is fine here). */
export function disconnectAll(): void {
  for (const ws of clients.splice(0)) {
    try {
      ws.disconnect();
    } catch {
      // never connected
    }
  }
}

/** The ONCLOSE of a connection that ended without a close frame (refused, timed out, dropped). */
export const DROPPED = { name: "WsEvent0", type: "OnClose0", code: undefined, reason: undefined };
