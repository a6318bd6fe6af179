// The Node transport: a Connection over a `ws` WebSocket, client or server side.

import type { ClientRequest, IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import WebSocket from "ws";
import { argumentChecks } from "./checks.js";
import { Connection } from "./connection.js";
import { errorKind, failureCloseCode, handshakeError } from "./node-errors.js";
import { AS_BINARY, AS_TEXT } from "./send-options.js";
import type { Capabilities } from "./types.js";

export const nodeCapabilities: Capabilities = Object.freeze({
  runtime: "node",
  customHeaders: true,
  handshakeDetails: true,
  ping: true,
  tlsOptions: true,
  perMessageDeflateOption: true,
  anyCloseCode: true,
  server: true,
  socketInfo: true,
});

/**
 * The most bytes _holdWrites keeps back: beyond it they are written at once. Held frames are left out of
 * bufferedAmount as if the network had taken them; this bounds how far that can be from the truth.
 */
const HOLD_AT_MOST = 16 * 1024;

export class NodeConnection extends Connection {
  readonly capabilities = nodeCapabilities;
  #ws: WebSocket | undefined;
  #socket: Socket | undefined;
  /** The code we sent when failing the connection over a protocol error; ws reports 1006 then. */
  #failCode: number | undefined;

  constructor(url: string, timeout: number) {
    super(url, timeout, argumentChecks); // bytes do not matter in Node: always the clear texts
  }

  /** Frames held by _holdWrites are not counted: they are written when the task ends. */
  get bufferedAmount(): number {
    return Math.max(0, (this.#ws?.bufferedAmount ?? 0) - this.#heldBytes);
  }
  override get remoteAddress(): string {
    return this.#socket?.remoteAddress ?? "";
  }
  override get remotePort(): number {
    return this.#socket?.remotePort ?? 0;
  }
  override setNoDelay(enabled: boolean): boolean {
    if (this.#socket === undefined || this.#socket.destroyed) return false;
    this.#socket.setNoDelay(enabled);
    return true;
  }

  /** Takes over a ws client that is still connecting. */
  attachClient(ws: WebSocket): void {
    this.#listen(ws);
    ws.on("upgrade", (res: IncomingMessage) => {
      this.#socket = res.socket as Socket;
    });
    ws.on("unexpected-response", (req: ClientRequest, res: IncomingMessage) => {
      handshakeError(res).then((event) => {
        this._failed(event);
        req.destroy();
        ws.terminate();
      });
    });
  }

  /** Takes over a ws server-side socket whose upgrade has just completed. */
  attachServer(ws: WebSocket, socket: Socket): void {
    this.#socket = socket;
    this.#listen(ws);
    queueMicrotask(() => this._opened(ws.protocol));
  }

  /** Reports a failure seen before a ws instance exists (server-side handshake), then the close. */
  failBeforeOpen(message: string): void {
    queueMicrotask(() => {
      this._failed({ type: "error", kind: "handshake", message });
      this._closed(1006, "", false);
    });
  }

  #listen(ws: WebSocket): void {
    this.#ws = ws;
    ws.binaryType = "nodebuffer";
    ws.on("open", () => this._opened(ws.protocol));
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      this._emit({ type: "message", data: plainBytes(data), binary: isBinary });
    });
    ws.on("ping", (data: Buffer) => this._emit({ type: "ping", data: plainBytes(data) }));
    ws.on("pong", (data: Buffer) => this._emit({ type: "pong", data: plainBytes(data) }));
    ws.on("error", (err: Error & { code?: string }) => {
      this.#failCode ??= failureCloseCode(err.code);
      this._failed({ type: "error", kind: errorKind(err), message: err.message, code: err.code });
    });
    ws.on("close", (code: number, reason: Buffer) => {
      if (code === 1006 && this.#failCode !== undefined) this._closed(this.#failCode, "", false);
      else this._closed(code, reason.toString(), code !== 1006);
    });
  }

  protected _send(data: string | Uint8Array, binary: boolean): void {
    const ws = this.#ws!;
    if (ws.readyState !== WebSocket.OPEN) {
      // The peer's close frame has arrived and ws is finishing the closing handshake.
      this._closing();
      throw new Error("Cannot send: the connection is closing");
    }
    const held = this.#held;
    const before = held?.writableLength ?? 0;
    if (binary === (typeof data !== "string")) ws.send(data);
    else ws.send(data, binary ? AS_BINARY : AS_TEXT);
    if (held === undefined) return;
    this.#heldBytes += held.writableLength - before;
    if (this.#heldBytes < HOLD_AT_MOST) return;
    held.uncork(); // written now, as they would have been: what the network does not take shows as buffered
    held.cork();
    this.#heldBytes = 0;
  }

  /** The socket corked by _holdWrites, until the task ends (or terminate() writes what it held). */
  #held: Socket | undefined;
  /** The bytes of the frames held (fewer than HOLD_AT_MOST), which bufferedAmount leaves out. */
  #heldBytes = 0;

  override _holdWrites(): void {
    const socket = this.#socket;
    if (this.#held !== undefined || socket === undefined || socket.destroyed) return;
    if (socket.writableLength > 0) return; // the network is behind: Node already writes the waiting frames together
    this.#held = socket;
    socket.cork(); // ws corks around each frame too: its uncork leaves ours in place
    process.nextTick(() => this.#releaseWrites());
  }

  #releaseWrites(): void {
    const socket = this.#held;
    this.#held = undefined;
    this.#heldBytes = 0;
    socket?.uncork();
  }

  protected _ping(data: string | Uint8Array): void {
    this.#ws!.ping(data);
  }

  protected _close(code: number | undefined, reason: string): void {
    this.#ws!.close(code, reason);
  }

  protected _abort(): void {
    this.#releaseWrites(); // frames sent before terminate() leave first, as when nothing is held
    if (this.#ws !== undefined) this.#ws.terminate();
    else {
      this.#socket?.destroy();
      queueMicrotask(() => this._closed(1006, "", false));
    }
  }

  /** Sets the socket for a server-side connection before its upgrade completes. */
  setSocket(socket: Socket): void {
    this.#socket = socket;
  }
}

/** A Uint8Array view of a Buffer's bytes (no copy), so users never meet Buffer's own semantics. */
function plainBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
