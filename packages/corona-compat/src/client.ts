// One plugin client: connect/send/disconnect become calls on one core Connection, and that
// connection's events become the plugin's WsEvent0 events with exactly the plugin's keys.
import { type Connection, type CloseEvent as CoreClose, messageText } from "@wsport/core";
import { connectUnchecked, describe } from "@wsport/core/internal";
import { CONSTANTS, DEFAULT_REASON } from "./constants.js";
import { createDispatcher } from "./listeners.js";
import { translate } from "./options.js";
import type { CloseEvent, WebSocketClient, WsEvent } from "./types.js";

const { WSEVENT, ONOPEN, ONMESSAGE, ONCLOSE, ONERROR, TEXT, BINARY } = CONSTANTS;
/** How long the plugin waits for the server's close frame after disconnect(). */
const CLOSE_WAIT_MS = 4000;

interface Session {
  conn: Connection;
  /** disconnect() was called while the connection was still being made. */
  aborted: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

function closeEvent(code: number | undefined, reason: string | undefined): CloseEvent {
  return { name: WSEVENT, type: ONCLOSE, code, reason };
}

/** A core close → the plugin's ONCLOSE: no frame → no code; a frame without code or reason → the defaults. */
function fromCoreClose(e: CoreClose, failure: string | undefined): CloseEvent {
  if (e.code === 1006) return closeEvent(undefined, undefined);
  if (e.code === 1005) return closeEvent(1000, DEFAULT_REASON);
  return closeEvent(e.code, e.reason || failure || DEFAULT_REASON);
}

export function newClient(): WebSocketClient {
  const listeners = createDispatcher();
  let current: Session | undefined;
  const dispatch = (event: WsEvent) => listeners.dispatch(event);

  /** Stops listening to a session: nothing it does later reaches the listeners. */
  function detach(session: Session): void {
    session.conn.onevent = null;
    clearTimeout(session.timer);
  }

  function listen(session: Session): void {
    let failure: string | undefined; // a protocol failure's text, reported as the close reason
    session.conn.onevent = (e) => {
      if (e.type === "open") dispatch({ name: WSEVENT, type: ONOPEN });
      else if (e.type === "message") {
        const data = e.binary ? (e.data as Uint8Array) : messageText(e.data);
        dispatch({ name: WSEVENT, type: ONMESSAGE, data, message: { data, type: e.binary ? BINARY : TEXT } });
      } else if (e.type === "error") {
        if (e.kind === "handshake") {
          // ONERROR is terminal in the plugin: no ONCLOSE follows it.
          detach(session);
          dispatch({
            name: WSEVENT,
            type: ONERROR,
            code: 3002,
            reason: "Received invalid websocket handshake",
          });
        } else if (e.kind === "protocol" || e.kind === "too-big") failure = e.message;
      } else if (e.type === "close") {
        detach(session);
        dispatch(session.aborted ? closeEvent(1000, DEFAULT_REASON) : fromCoreClose(e, failure));
      }
    };
  }

  function connect(uri: string, options?: unknown): void {
    const target = translate(uri, options);
    if (current !== undefined) {
      // The plugin leaves the previous socket running; we close it and forget its events.
      detach(current);
      current.conn.terminate();
    }
    current = { conn: connectUnchecked(target.url, target.options), aborted: false };
    listen(current);
  }

  function disconnect(): void {
    if (current === undefined) throw new Error("disconnect: connect() was never called");
    const session = current;
    if (session.conn.state === "connecting") {
      session.aborted = true;
      session.conn.close();
    } else if (session.conn.state === "open") {
      session.conn.close(1000, DEFAULT_REASON);
      session.timer = setTimeout(() => {
        // No close frame came back in time: the plugin gives up and reports a normal close.
        detach(session);
        session.conn.terminate(); // release the socket now rather than at ws's own close timeout
        dispatch(closeEvent(1000, DEFAULT_REASON));
      }, CLOSE_WAIT_MS);
    }
  }

  function send(data: string | Uint8Array, kind?: string): void {
    if (typeof data !== "string" && !(data instanceof Uint8Array)) {
      throw new TypeError("expected string for send()");
    }
    if (kind !== undefined && kind !== TEXT && kind !== BINARY) {
      throw new TypeError(`send: kind must be ws.TEXT or ws.BINARY, got ${describe(kind)}`);
    }
    if (current === undefined) throw new Error("send: connect() was never called");
    if (current.conn.state !== "open") return; // dropped, as the plugin drops it
    try {
      current.conn.send(data, kind === undefined ? typeof data !== "string" : kind === BINARY);
    } catch {
      // The server's close frame has just arrived: the connection is closing, so this is dropped too.
    }
  }

  return {
    ...CONSTANTS,
    // Named as the plugin names them: console.log(ws) shows each method under its own name.
    addEventListener: listeners.addEventListener,
    removeEventListener: listeners.removeEventListener,
    connect,
    disconnect,
    send,
  };
}
