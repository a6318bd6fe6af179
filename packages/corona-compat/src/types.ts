import type { CONSTANTS } from "./constants.js";

type C = typeof CONSTANTS;

export interface OpenEvent {
  name: C["WSEVENT"];
  type: C["ONOPEN"];
}

export interface MessageEvent {
  name: C["WSEVENT"];
  type: C["ONMESSAGE"];
  /** A string for a text frame, a Uint8Array for a binary frame. */
  data: string | Uint8Array;
  message: { data: string | Uint8Array; type: C["TEXT"] | C["BINARY"] };
}

export interface CloseEvent {
  name: C["WSEVENT"];
  type: C["ONCLOSE"];
  /** undefined when the connection failed or dropped without a close frame. */
  code: number | undefined;
  reason: string | undefined;
}

export interface ErrorEvent {
  name: C["WSEVENT"];
  type: C["ONERROR"];
  code: number;
  reason: string;
}

export type WsEvent = OpenEvent | MessageEvent | CloseEvent | ErrorEvent;

/** A function, or a table (object) with a method named after the event ("WsEvent0"). */
export type WsListener = ((event: WsEvent) => void) | { WsEvent0: (event: WsEvent) => void };

export interface ConnectOptions {
  /** Overrides the port written in the URI (or the scheme's default). */
  port?: number;
  /** ws.TLS_1_0, ws.TLS_1_1 or ws.TLS_1_2: pins the TLS version of a wss: connection (Node). */
  tls?: C["TLS_1_0"] | C["TLS_1_1"] | C["TLS_1_2"];
}

/** What `WebSockets.new()` returns: one client, with the plugin's constants (`ws.ONOPEN`, …) on it. */
export interface WebSocketClient extends C {
  /**
   * Registers `listener` for events named `name`; only `ws.WSEVENT` ("WsEvent0") is ever dispatched.
   * A function is called with the event; a table (object) has its `WsEvent0` method called. Adding
   * the same listener twice calls it twice. Throws a TypeError for a non-string name or a listener
   * that is neither a function nor an object.
   */
  addEventListener(name: string, listener: WsListener): true;
  /** Removes one registration of `listener`; `undefined` when it was not registered. */
  removeEventListener(name: string, listener: WsListener): true | undefined;
  /**
   * Opens a connection to a `ws://` or `wss://` URI; its outcome arrives as ONOPEN or ONERROR, on a
   * later task. `options.port` overrides the URI's port, `options.tls` pins the TLS version (Node).
   * Connecting again drops the previous connection first. Throws `connect: …` for a bad URI or options.
   */
  connect(uri: string, options?: ConnectOptions | null | false): void;
  /**
   * Closes with 1000 "Purpose for connection has been fulfilled"; ONCLOSE follows. Abandons a
   * connection still being made. Throws before any `connect`.
   */
  disconnect(): void;
  /**
   * Sends one message: a string as text, a Uint8Array as binary, unless `kind` (ws.TEXT or ws.BINARY)
   * says otherwise. Dropped without a word unless the connection is open, as the plugin drops it.
   */
  send(data: string | Uint8Array, kind?: C["TEXT"] | C["BINARY"]): void;
}
