// Aseprite's WebSocket: one core connection at a time, driven by IXWebSocket's reconnect loop.
import { type Connection, type ConnectionEvent, type ErrorEvent, messageText } from "@wsport/core";
import { connectUnchecked, isValidUtf8 } from "@wsport/core/internal";
import { connectErrorText, parseErrorText } from "./error-text.js";
import { joinParts, luaNumber, type Part } from "./lua-string.js";
import { WebSocketMessageType as T, type WebSocketMessageType } from "./message-type.js";
import { reconnectWait, waitOption } from "./reconnect.js";
import { dialTarget } from "./url.js";

export interface WebSocketOptions {
  /** ws://, wss://, http:// (= ws://) or https:// (= wss://). A number is turned into its string. */
  url?: string | number;
  /**
   * Called for every event, never inside the call that caused it. `data` is a string, except for
   * BINARY where it is the message's bytes; `error` is "" except for ERROR. (A method signature, so
   * a handler declared as `(mt: number, data: string)` is accepted too.)
   */
  onreceive?(type: WebSocketMessageType, data: string | Uint8Array, error: string): void;
  /** Offer permessage-deflate (Node; browsers always offer it themselves). */
  deflate?: boolean;
  /** Shortest wait before a reconnection attempt, in seconds (default 0.001). */
  minreconnectwait?: number;
  /** Longest wait before a reconnection attempt, in seconds (default 10). */
  maxreconnectwait?: number;
}

export interface WebSocket {
  /** The URL given to the constructor (read-only). */
  readonly url: string;
  /** Starts connecting, and reconnecting whenever the connection fails or ends, until `close()`. */
  connect(): void;
  /** Stops everything; one CLOSE follows if the connection was open. */
  close(): void;
  /** Sends the parts, joined with no separator, as one text message. */
  sendText(...parts: Part[]): void;
  /** Sends the parts, joined byte by byte, as one binary message. */
  sendBinary(...parts: Part[]): void;
  /** Sends a ping carrying `data` (at most 125 bytes). Node only: browsers cannot send pings. */
  sendPing(data?: Part): void;
}

export interface WebSocketConstructor {
  new (options?: WebSocketOptions): WebSocket;
  (options?: WebSocketOptions): WebSocket;
  readonly prototype: WebSocket;
}

const HANDSHAKE_TIMEOUT_MS = 60_000; // IXWebSocket's

/**
 * `WebSocket{...}` works with and without `new`, as in Lua. An anonymous function takes its name from
 * the constant: a named one would be renamed by bundlers (`WebSocket2`) and print so in V8's errors.
 */
// biome-ignore lint/complexity/useArrowFunction: `new WebSocket{…}` needs a function with a prototype.
export const WebSocket = function (options?: WebSocketOptions): WebSocket {
  // Like Aseprite, anything but a table means "no url, no handler"; unknown keys are ignored.
  const o: WebSocketOptions = typeof options === "object" && options !== null ? options : {};
  const url = typeof o.url === "number" ? luaNumber(o.url) : typeof o.url === "string" ? o.url : "";
  // An unusable URL is no exception in Aseprite: each connection attempt reports it as an ERROR.
  const target = dialTarget(url);
  const onreceive = typeof o.onreceive === "function" ? o.onreceive : undefined;
  const connectOptions = { timeout: HANDSHAKE_TIMEOUT_MS, perMessageDeflate: Boolean(o.deflate) };
  const minWait = waitOption("minreconnectwait", o.minreconnectwait);
  const maxWait = waitOption("maxreconnectwait", o.maxreconnectwait);

  let running = false;
  /** Bumped by close(), so callbacks of an earlier run know they are stale. */
  let run = 0;
  let connection: Connection | undefined;
  /** OPEN was delivered and its CLOSE not yet. */
  let open = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function emit(type: WebSocketMessageType, data: string | Uint8Array, error = ""): void {
    try {
      onreceive?.(type, data, error);
    } catch (err) {
      // Aseprite prints a failing handler's error to its console and stops the socket.
      console.error(err);
      socket.close();
    }
  }

  /** One connection attempt; its outcome drives the next one. */
  function attempt(current: number): void {
    let conn: Connection | undefined;
    try {
      if (target !== undefined) conn = connectUnchecked(target.href, connectOptions);
    } catch {
      // The runtime refused a URL that parsed (a browser may); it is reported the same way.
    }
    if (target === undefined || conn === undefined) {
      const text = parseErrorText(url);
      queueMicrotask(() => failed(current, text));
      return;
    }
    connection = conn;
    let error: ErrorEvent | undefined;
    conn.onevent = (event: ConnectionEvent) => {
      switch (event.type) {
        case "open":
          failures = 0;
          open = true;
          emit(T.OPEN, "");
          break;
        case "message":
          if (onreceive === undefined) break; // nobody reads it: no decoding
          // Binary payloads are always bytes; text ones are bytes in Node, a string in browsers.
          if (event.binary) emit(T.BINARY, event.data as Uint8Array);
          else emit(T.TEXT, messageText(event.data));
          break;
        case "ping":
        case "pong":
          emit(event.type === "ping" ? T.PING : T.PONG, messageText(event.data));
          break;
        case "error":
          error = event; // an open connection that fails only reports its CLOSE, as in Aseprite
          break;
        case "close":
          connection = undefined;
          if (!open) {
            failed(current, connectErrorText(url, target, error));
            break;
          }
          open = false;
          emit(T.CLOSE, "");
          // A connection that was open is retried at once; the backoff starts over.
          if (running && current === run) attempt(current);
      }
    };
  }

  /** A failed attempt: ERROR, then the next attempt after the backoff wait. */
  function failed(current: number, text: string): void {
    if (!running || current !== run) return; // close() cancelled this attempt
    const wait = reconnectWait(++failures, minWait, maxWait);
    emit(T.ERROR, "", text);
    // The handler may have called close().
    if (running && current === run) timer = setTimeout(() => attempt(current), wait);
  }

  /**
   * Sends on the open connection with Aseprite's errors: "not connected" first, then "failed to send"
   * for a payload the protocol refuses (`acceptable` false) or a send the transport refuses. Takes
   * the payload rather than a callback: a closure per message was most of what a send allocated.
   */
  function transmit(what: "text" | "data" | "ping", acceptable: boolean, data: string | Uint8Array): void {
    const conn = connection;
    if (conn?.state !== "open") throw new Error(`WebSocket is not connected, can't send ${what}`);
    if (!acceptable) throw new Error(`WebSocket failed to send ${what}`);
    try {
      if (what === "ping") conn.ping(data);
      else conn.send(data, what === "data");
    } catch (cause) {
      throw new Error(`WebSocket failed to send ${what}`, { cause });
    }
  }

  const socket: WebSocket = {
    get url() {
      return url;
    },
    connect() {
      if (running) return;
      running = true;
      failures = 0;
      attempt(run);
    },
    close() {
      if (!running) return;
      running = false;
      run++;
      clearTimeout(timer);
      if (connection !== undefined) {
        connection.onevent = null; // nothing more from it reaches the script
        connection.close(1000, "Normal closure");
        connection = undefined;
      }
      if (open) {
        open = false;
        queueMicrotask(() => emit(T.CLOSE, ""));
      }
    },
    sendText(...parts) {
      const data = joinParts("sendText", parts);
      // Text frames must be UTF-8: IXWebSocket refuses to send anything else.
      const valid = typeof data === "string" || isValidUtf8(data);
      transmit("text", valid, data);
    },
    sendBinary(...parts) {
      const data = joinParts("sendBinary", parts);
      transmit("data", true, data);
    },
    sendPing(data = "") {
      const payload = joinParts("sendPing", [data]);
      // Core refuses a ping over 125 bytes (and any ping in a browser); transmit reports it.
      transmit("ping", true, payload);
    },
  };
  // Aseprite's WebSocket has no settable fields; the prototype makes `instanceof WebSocket` work.
  return Object.freeze(Object.setPrototypeOf(socket, WebSocket.prototype));
} as unknown as WebSocketConstructor;
