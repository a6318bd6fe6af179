// The shapes Defold's extension hands to Lua, as TypeScript types.

declare const connectionBrand: unique symbol;

/**
 * The handle `websocket.connect` returns (Defold's light userdata): opaque, compared by identity,
 * usable as a Map key. `String(connection)` reads "userdata: 0x…" like Lua's `tostring`.
 */
export interface Connection {
  readonly [connectionBrand]: true;
}

/**
 * `params` of `websocket.connect`. Unknown fields are ignored, as in Defold. `ConnectParams` says
 * messages are strings; `ConnectParams<true>` (or `<boolean>`) allows `binary_as_bytes: true`, which
 * makes `data.message` a `string | Uint8Array`.
 */
export interface ConnectParams<Bytes extends boolean = false> {
  /** Milliseconds for the whole connect sequence. Default 3000. */
  timeout?: number;
  /** Subprotocol(s) to offer, comma-separated ("chat" or "v2.chat, v1.chat"). */
  protocol?: string;
  /** Extra handshake headers, "Name: value\r\n" lines (Node only: browsers cannot set headers). */
  headers?: string;
  /** wsport only (Defold ignores it): deliver binary frames as a Uint8Array instead of a string. */
  binary_as_bytes?: Bytes;
}

/** `options` of `websocket.send`. */
export interface SendOptions {
  /** websocket.DATA_TYPE_BINARY (2, the default) or websocket.DATA_TYPE_TEXT (1). */
  type?: 1 | 2;
}

/** The HTTP answer of a rejected handshake (Node only, as on Defold's native builds). */
export interface HandshakeResponse {
  status: number;
  /** Header names in the server's casing; the last duplicate wins. */
  headers: Record<string, string>;
  /** The response body, decoded as UTF-8. */
  response: string;
}

export interface ConnectedData {
  event: 0;
  message: "";
}
export interface DisconnectedData {
  event: 1;
  message: "";
  /** The close code: the server's, 1005 when its close frame had none, 1006 when none arrived. */
  code: number;
}
export interface MessageData<M = string> {
  event: 2;
  message: M;
}
export interface ErrorData {
  event: 3;
  message: string;
  handshake_response?: HandshakeResponse;
}

/** The `data` table of the callback; compare `event` with the websocket.EVENT_* names to narrow it. */
export type EventData<M = string> = ConnectedData | DisconnectedData | MessageData<M> | ErrorData;

/** What a message payload is: always a string, unless `binary_as_bytes: true` may make it bytes. */
export type MessageOf<P> = P extends { binary_as_bytes?: infer B }
  ? unknown extends B // params without the field, e.g. {}
    ? string
    : true extends B
      ? string | Uint8Array
      : string
  : string;

/** `callback(self, connection, data)`; `this` is `self` too. */
export type Callback<S = undefined, M = string> = (
  this: S,
  self: S,
  connection: Connection,
  data: EventData<M>,
) => void;
