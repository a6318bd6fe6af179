// Aseprite's WebSocket: one core connection at a time, driven by IXWebSocket's reconnect loop.
import {
  type Connection,
  type ConnectionEvent,
  decodeUtf8,
  connect as dial,
  type ErrorEvent,
  isValidUtf8,
  messageBytes,
  messageText,
  parseWebSocketUrl,
  utf8ByteLength,
} from "@wsport/core";
import { connectErrorText, parseErrorText } from "./error-text.js";
import { joinParts, luaNumber, type Part } from "./lua-string.js";
import { WebSocketMessageType as T, type WebSocketMessageType } from "./message-type.js";
import { reconnectWait, waitOption } from "./reconnect.js";
import { toWebSocketUrl } from "./url.js";

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

class AsepriteWebSocket implements WebSocket {
  readonly #url: string;
  readonly #target: URL | undefined; // undefined: the URL cannot be parsed
  readonly #onreceive: WebSocketOptions["onreceive"];
  readonly #deflate: boolean;
  readonly #minWait: number | undefined; // ms
  readonly #maxWait: number | undefined; // ms

  #running = false;
  /** Bumped by close(), so callbacks of an earlier run know they are stale. */
  #run = 0;
  #connection: Connection | undefined;
  /** OPEN was delivered and its CLOSE not yet. */
  #open = false;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options?: WebSocketOptions) {
    // Like Aseprite, anything but a table means "no url, no handler"; unknown keys are ignored.
    const o: WebSocketOptions = typeof options === "object" && options !== null ? options : {};
    this.#url = typeof o.url === "number" ? luaNumber(o.url) : typeof o.url === "string" ? o.url : "";
    try {
      this.#target = parseWebSocketUrl(toWebSocketUrl(this.#url));
    } catch {
      this.#target = undefined; // reported as an ERROR by each connection attempt, as Aseprite does
    }
    this.#onreceive = typeof o.onreceive === "function" ? o.onreceive : undefined;
    this.#deflate = Boolean(o.deflate);
    this.#minWait = waitOption("minreconnectwait", o.minreconnectwait);
    this.#maxWait = waitOption("maxreconnectwait", o.maxreconnectwait);
    Object.freeze(this); // Aseprite's WebSocket has no settable fields
  }

  get url(): string {
    return this.#url;
  }

  connect(): void {
    if (this.#running) return;
    this.#running = true;
    this.#failures = 0;
    this.#attempt(this.#run);
  }

  close(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#run++;
    clearTimeout(this.#timer);
    const connection = this.#connection;
    this.#connection = undefined;
    if (connection !== undefined) {
      connection.onevent = null; // nothing more from it reaches the script
      connection.close(1000, "Normal closure");
    }
    if (this.#open) {
      this.#open = false;
      queueMicrotask(() => this.#emit(T.CLOSE, "", ""));
    }
  }

  sendText(...parts: Part[]): void {
    const data = joinParts("sendText", parts);
    const connection = this.#connected("text");
    if (typeof data !== "string" && !isValidUtf8(data)) throw new Error("WebSocket failed to send text");
    this.#send("text", () => connection.send(data, false));
  }

  sendBinary(...parts: Part[]): void {
    const data = joinParts("sendBinary", parts);
    const connection = this.#connected("data");
    this.#send("data", () => connection.send(data, true));
  }

  sendPing(data: Part = ""): void {
    const payload = joinParts("sendPing", [data]);
    const connection = this.#connected("ping");
    const size = typeof payload === "string" ? utf8ByteLength(payload) : payload.length;
    if (size > 125) throw new Error("WebSocket failed to send ping");
    this.#send("ping", () => connection.ping(payload));
  }

  #connected(what: string): Connection {
    const connection = this.#connection;
    if (connection?.state !== "open") throw new Error(`WebSocket is not connected, can't send ${what}`);
    return connection;
  }

  #send(what: string, send: () => void): void {
    try {
      send();
    } catch (cause) {
      throw new Error(`WebSocket failed to send ${what}`, { cause });
    }
  }

  /** One connection attempt; its outcome drives the next one. */
  #attempt(run: number): void {
    this.#timer = undefined;
    const target = this.#target;
    if (target === undefined) {
      queueMicrotask(() => this.#failed(run, parseErrorText(this.#url)));
      return;
    }
    const connection = dial(target.href, {
      timeout: HANDSHAKE_TIMEOUT_MS,
      perMessageDeflate: this.#deflate,
    });
    this.#connection = connection;
    let error: ErrorEvent | undefined;
    connection.onevent = (event: ConnectionEvent) => {
      switch (event.type) {
        case "open":
          this.#failures = 0;
          this.#open = true;
          this.#emit(T.OPEN, "", "");
          break;
        case "message":
          if (event.binary) this.#emit(T.BINARY, messageBytes(event.data), "");
          else this.#emit(T.TEXT, messageText(event.data), "");
          break;
        case "ping":
          this.#emit(T.PING, decodeUtf8(event.data), "");
          break;
        case "pong":
          this.#emit(T.PONG, decodeUtf8(event.data), "");
          break;
        case "error":
          error = event; // an open connection that fails only reports its CLOSE, as in Aseprite
          break;
        case "close":
          this.#connection = undefined;
          if (!this.#open) {
            this.#failed(run, connectErrorText(this.#url, target, error));
            break;
          }
          this.#open = false;
          this.#emit(T.CLOSE, "", "");
          // A connection that was open is retried at once; the backoff starts over.
          if (this.#running && run === this.#run) this.#attempt(run);
      }
    };
  }

  /** A failed attempt: ERROR, then the next attempt after the backoff wait. */
  #failed(run: number, text: string): void {
    if (!this.#running || run !== this.#run) return; // close() cancelled this attempt
    const wait = reconnectWait(++this.#failures, this.#minWait, this.#maxWait);
    this.#emit(T.ERROR, "", text);
    if (this.#running && run === this.#run) this.#timer = setTimeout(() => this.#attempt(run), wait);
  }

  #emit(type: WebSocketMessageType, data: string | Uint8Array, error: string): void {
    try {
      this.#onreceive?.(type, data, error);
    } catch (err) {
      // Aseprite prints a failing handler's error to its console and stops the socket.
      console.error(err);
      this.close();
    }
  }
}

/** `WebSocket{...}` works with and without `new`, as in Lua. */
export const WebSocket = function WebSocket(options?: WebSocketOptions): WebSocket {
  return new AsepriteWebSocket(options);
} as unknown as WebSocketConstructor;
(WebSocket as { prototype: unknown }).prototype = AsepriteWebSocket.prototype; // for instanceof
