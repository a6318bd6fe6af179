// The browser transport: a Connection over the native WebSocket.
import type { ArgumentChecks } from "./checks.js";
import { Connection } from "./connection.js";
import type { Capabilities } from "./types.js";
import { decodeUtf8, encodeUtf8 } from "./utf8.js";

export const browserCapabilities: Capabilities = Object.freeze({
  runtime: "browser",
  customHeaders: false,
  handshakeDetails: false,
  ping: false,
  tlsOptions: false,
  perMessageDeflateOption: false,
  anyCloseCode: false,
  server: false,
  socketInfo: false,
});

export class BrowserConnection extends Connection {
  readonly capabilities = browserCapabilities;
  readonly #ws: WebSocket;
  readonly #maxPayload: number;
  /** Set when we closed the socket over an oversized message: the close we report is 1009. */
  #tooBig = false;

  constructor(
    url: string,
    timeout: number,
    protocols: string | readonly string[],
    maxPayload: number,
    checks?: ArgumentChecks,
  ) {
    // First, so that when the browser refuses the URL or a subprotocol no timer is left running.
    const ws = new globalThis.WebSocket(url, protocols as string | string[]);
    super(url, timeout, checks);
    this.#maxPayload = maxPayload;
    this.#ws = ws;
    ws.binaryType = "arraybuffer";
    ws.onopen = () => this._opened(ws.protocol);
    ws.onmessage = (e: MessageEvent<string | ArrayBuffer>) => this.#message(e.data);
    ws.onerror = () => this._failed({ type: "error", kind: "network", message: "WebSocket error" });
    ws.onclose = (e: CloseEvent) => {
      if (this.#tooBig) this._closed(1009, "Message too big", false);
      else this._closed(e.code, e.reason, e.wasClean);
    };
  }

  get bufferedAmount(): number {
    return this.#ws.bufferedAmount;
  }

  #message(data: string | ArrayBuffer): void {
    if (this.state !== "open") return; // after close() browsers may still deliver; the engines drop these
    const binary = typeof data !== "string";
    const limit = this.#maxPayload;
    if (limit > 0) {
      // A string of n UTF-16 units is at most 3n bytes: only a long one is worth encoding to measure.
      const size = binary ? data.byteLength : data.length * 3 > limit ? encodeUtf8(data).length : 0;
      if (size > limit) {
        this.#tooBig = true;
        this._failed({
          type: "error",
          kind: "too-big",
          message: `Message of ${size} bytes is larger than maxPayload (${limit})`,
        });
        this._closing();
        this.#ws.close(); // browsers may not send 1009 themselves; the close we report says 1009
        return;
      }
    }
    this._emit({ type: "message", data: binary ? new Uint8Array(data) : data, binary });
  }

  protected _send(data: string | Uint8Array, binary: boolean): void {
    if (this.#ws.readyState !== this.#ws.OPEN) {
      // The peer's close frame has arrived; the browser would drop this send without a word.
      this._closing();
      throw new Error("Cannot send: the connection is closing");
    }
    if (typeof data === "string") this.#ws.send(binary ? encodeUtf8(data) : data);
    else this.#ws.send(binary ? data : decodeUtf8(data));
  }

  protected _ping(): void {
    throw new Error("ping() is not available in browsers");
  }

  protected _close(code: number | undefined, reason: string): void {
    if (code === undefined) this.#ws.close();
    else this.#ws.close(code, reason);
  }

  protected _abort(): void {
    this.#ws.close();
  }
}
