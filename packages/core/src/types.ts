/** The four states of a connection, as every WebSocket API has them. */
export type ReadyState = "connecting" | "open" | "closing" | "closed";

/** What went wrong, coarse enough for every engine's error model. */
export type ErrorKind =
  | "timeout" // the whole connect + handshake took longer than `timeout`
  | "dns" // the host name did not resolve
  | "refused" // nobody listens on that port
  | "handshake" // the server answered the upgrade, but not with a valid 101
  | "tls" // the TLS handshake or certificate check failed
  | "protocol" // the peer broke RFC 6455 (bad frame, invalid UTF-8, ...)
  | "too-big" // an inbound message was larger than `maxPayload`
  | "network"; // the TCP connection failed or was reset

/** The failed handshake's HTTP response, where the runtime can see it (Node). */
export interface HandshakeResponse {
  status: number;
  statusText: string;
  /** Header names in the server's own casing; the last duplicate wins. */
  headers: Record<string, string>;
  /** The response body received so far (at most 64 KiB). */
  body: Uint8Array;
}

export interface OpenEvent {
  type: "open";
  /** The subprotocol the server selected, or "". */
  protocol: string;
}

/**
 * One whole message. Binary messages are always a Uint8Array. Text messages are a string in
 * browsers and their (already validated) UTF-8 bytes in Node, so nobody pays for a decode they
 * do not read: use `messageText()` / `messageBytes()` to get the form you need.
 */
export interface MessageEvent {
  type: "message";
  data: string | Uint8Array;
  binary: boolean;
}

export interface PingEvent {
  type: "ping" | "pong";
  data: Uint8Array;
}

export interface ErrorEvent {
  type: "error";
  kind: ErrorKind;
  /** A human-readable text, e.g. "connect ECONNREFUSED 127.0.0.1:1". */
  message: string;
  /** The runtime's error code when it has one (ECONNREFUSED, WS_ERR_INVALID_UTF8, ...). */
  code?: string;
  /** Node only: the HTTP response of a rejected handshake. */
  handshake?: HandshakeResponse;
}

export interface CloseEvent {
  type: "close";
  /** The code from the peer's close frame; 1005 if it carried none, 1006 if there was no close frame. */
  code: number;
  reason: string;
  /** True when the closing handshake completed. */
  wasClean: boolean;
}

/** The single event stream of a connection. An `error` is always followed by a `close`. */
export type ConnectionEvent = OpenEvent | MessageEvent | PingEvent | ErrorEvent | CloseEvent;

export interface TlsOptions {
  /** e.g. "TLSv1.2" */
  minVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
  maxVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
  /** Trusted CA certificates (PEM). */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
  /** Verify the server's certificate (default true). */
  rejectUnauthorized?: boolean;
  /** The name to check the certificate against, when it differs from the URL's host. */
  servername?: string;
}

export interface ConnectOptions {
  /** Milliseconds for the whole connect + handshake; 0 or undefined means no limit. */
  timeout?: number;
  /** Subprotocols to offer, in order of preference. */
  protocols?: string | readonly string[];
  /** Extra handshake headers (Node only; browsers cannot set them). */
  headers?: Record<string, string>;
  /** TLS settings for wss: (Node only). */
  tls?: TlsOptions;
  /** Offer permessage-deflate (Node; browsers negotiate it themselves). Default false. */
  perMessageDeflate?: boolean;
  /** Largest inbound message in bytes; bigger ones fail the connection with 1009. Default 100 MiB. */
  maxPayload?: number;
}

/** What the running transport can honestly do. */
export interface Capabilities {
  runtime: "node" | "browser";
  /** Extra handshake headers are sent. */
  customHeaders: boolean;
  /** A rejected handshake's status, headers and body are reported. */
  handshakeDetails: boolean;
  /** `ping()` works and ping/pong events are delivered. */
  ping: boolean;
  /** `tls` options are applied. */
  tlsOptions: boolean;
  /** `perMessageDeflate` is applied (browsers always offer it themselves). */
  perMessageDeflateOption: boolean;
  /** Any valid close code may be sent (browsers allow only 1000 and 3000-4999). */
  anyCloseCode: boolean;
  /** Raw TCP and TLS streams and server-side upgrades (`createTcpListener`, `connectTcp`, `startTls`, `acceptSocket`). */
  server: boolean;
  /** The remote address, port and TCP_NODELAY are available. */
  socketInfo: boolean;
}

/** "connecting" covers the TCP connect and a TLS handshake; "closed": either side ended it. */
export type TcpState = "connecting" | "open" | "closed" | "error";

/**
 * A TCP (or TLS) byte stream (Node): taken from a `TcpListener`, opened with `connectTcp`, or
 * made by `startTls`. It can be read and written, or upgraded with `acceptSocket`.
 */
export interface TcpStream {
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly localPort: number;
  /** True while the stream is open. */
  readonly connected: boolean;
  readonly state: TcpState;
  /** Why the stream is in "error", with Node's error code (e.g. ERR_TLS_CERT_ALTNAME_INVALID). */
  readonly error: { message: string; code: string } | null;
  /** Bytes received and not read yet. Reading starts at the first use of `available` or `read`. */
  readonly available: number;
  /** Takes up to `max` of the bytes received so far (never waits); `peek` leaves them there. */
  read(max: number, peek?: boolean): Uint8Array;
  /** Queues bytes for sending; false when the stream is not open. */
  write(bytes: Uint8Array): boolean;
  setNoDelay(enabled: boolean): void;
  /** Drops the connection ("closed" at once). */
  destroy(): void;
}

/** TLS for `startTls`: a server needs `key` and `cert` (PEM); a client checks the server's certificate. */
export interface TlsStreamOptions {
  server?: boolean;
  key?: string;
  cert?: string;
  /** Trusted CA certificates (PEM) for a client; Node's defaults when left out. */
  ca?: string | string[];
  /** The name the server's certificate must carry (client). */
  servername?: string;
  /** Verify the server's certificate (client; default true). */
  rejectUnauthorized?: boolean;
  /** Milliseconds the handshake may take; 0 = no limit. */
  timeout?: number;
}

/** A raw TCP listener that hands out connections one by one (Node). */
export interface TcpListener {
  /** Resolves once bound; rejects with the bind error (e.g. EADDRINUSE). */
  readonly ready: Promise<void>;
  readonly listening: boolean;
  /** The bound port (useful after listening on 0), or 0 before it is bound. */
  readonly port: number;
  /** Connections waiting to be taken. */
  readonly available: number;
  /** The oldest waiting connection, or undefined when none waits. */
  take(): TcpStream | undefined;
  /** Stops listening and closes every connection not taken yet. */
  close(): void;
}

export interface AcceptOptions {
  /**
   * Subprotocols this side supports. Negotiation is strict: the first protocol the client offers
   * that is listed here is selected; if the client offers some and none match, or offers none
   * while this list is not empty, the handshake fails and the TCP connection is dropped.
   */
  protocols?: readonly string[];
  /** Extra lines for the 101 response, as "Name: value". */
  headers?: readonly string[];
  /** Milliseconds for the whole handshake; 0 means no limit. */
  timeout?: number;
  maxPayload?: number;
  perMessageDeflate?: boolean;
}
