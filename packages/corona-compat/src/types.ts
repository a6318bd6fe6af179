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

/** What `WebSockets.new()` returns. */
export interface WebSocketClient extends C {
  addEventListener(name: string, listener: WsListener): true;
  removeEventListener(name: string, listener: WsListener): true | undefined;
  connect(uri: string, options?: ConnectOptions | null | false): void;
  disconnect(): void;
  send(data: string | Uint8Array, kind?: C["TEXT"] | C["BINARY"]): void;
}
