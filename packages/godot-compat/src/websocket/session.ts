// Follows Godot's modules/websocket/wsl_peer.cpp (one connection's state).
// What belongs to one connection of a WebSocketPeer. connect_to_url and accept_stream create a new
// Session, so nothing of an earlier connection (state, close code, queued packets, counters) can
// leak into the next one. The session owns its state machine: WebSocketPeer reads its state and
// calls its transitions (_opened, _closedBy, _poll, _close, _drop, _sent …), never writes it. Core's
// events wait here until the peer's poll() makes them visible.
// Members start with "_": the build renames them (mangleInternals), so a browser bundle does not carry
// their names.
import type { CloseEvent, Connection } from "@wsport/core";
import { printError } from "../core/print.js";
import { asPacked, type PackedByteArray } from "../variant/packed-byte-array.js";

export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSING = 2;
export const CLOSED = 3;
/** WebSocketPeer.State: STATE_CONNECTING (0), STATE_OPEN (1), STATE_CLOSING (2) or STATE_CLOSED (3). */
export type ReadyState = 0 | 1 | 2 | 3;

/** Godot's print when connect_to_url or accept_stream is called on a peer still connecting or open. */
export const BUSY_PRINT =
  'Condition "ready_state != STATE_CLOSED && ready_state != STATE_CLOSING" is true. Returning: ERR_ALREADY_IN_USE';

export class Session {
  readonly _conn: Connection | null;
  readonly #server: boolean;
  readonly #maxPackets: number;
  readonly #maxBytes: number;
  // Read by WebSocketPeer, written only by the transitions below.
  /** The URL asked for (a server's session: the request's path, once open). */
  _url: string;
  /** CONNECTING, OPEN, CLOSING or CLOSED. */
  _state: ReadyState = CONNECTING;
  /** The subprotocol the server selected, once poll() has seen the connection open. */
  _protocol = "";
  _closeCode = -1;
  _closeReason = "";
  /** Whether the last packet taken was a text frame. */
  _wasString = false;
  /** Packets poll() has made visible (the first ones of the queue). */
  _visible = 0;
  /** Frames sent since the transport last had nothing buffered (bounded by max_queued_packets). */
  #outFrames = 0;

  // Filled by core's events, taken by poll().
  #pendingOpen: string | null = null;
  #pendingClose: CloseEvent | null = null;
  /** Received packets; the first `_visible` have been made visible by poll(). */
  readonly #packets: PackedByteArray[] = [];
  /** Whether each of `#packets` came in a text frame (beside it, not in a record per packet). */
  readonly #texts: boolean[] = [];
  #queuedBytes = 0;

  /**
   * `maxPackets` and `maxBytes` bound the inbound queue (Godot sizes its ring buffer from
   * inbound_buffer_size and max_queued_packets when the connection starts).
   */
  constructor(conn: Connection | null, url: string, server: boolean, maxPackets: number, maxBytes: number) {
    this._conn = conn;
    this._url = url;
    this.#server = server;
    this.#maxPackets = maxPackets;
    this.#maxBytes = maxBytes;
  }

  /** The session of a peer that never connected: closed, with Godot's defaults. */
  static none(): Session {
    const session = new Session(null, "", false, 0, 0);
    session._state = CLOSED;
    return session;
  }

  // --- transitions: core's events (kept until poll()) -------------------------------------

  /** The connection opened with this subprotocol. */
  _opened(protocol: string): void {
    this.#pendingOpen = protocol;
  }

  /** The connection ended. */
  _closedBy(event: CloseEvent): void {
    this.#pendingClose = event;
  }

  /** Queues a received message unless the queue is full (Godot prints and drops it). */
  _receive(bytes: Uint8Array, text: boolean): void {
    if (this._state === CLOSING || this._state === CLOSED) return; // after close(): dropped, as in Godot
    if (this.#packets.length >= this.#maxPackets) {
      printError("Too many packets in queue! Dropping data.");
      return;
    }
    if (this.#queuedBytes + bytes.length > this.#maxBytes) {
      printError("Buffer payload full! Dropping data.");
      return;
    }
    this.#queuedBytes += bytes.length;
    this.#packets.push(asPacked(bytes));
    this.#texts.push(text);
  }

  // --- transitions: the peer's calls ------------------------------------------------------

  /**
   * poll(): what core reported becomes visible (open, packets, close). `closeStatus` gives Godot's
   * close code and reason for a close event. True when the session is open after it.
   */
  _poll(closeStatus: (event: CloseEvent) => [code: number, reason: string]): boolean {
    const open = this.#pendingOpen;
    if (open !== null) {
      this.#pendingOpen = null;
      if (this._state === CONNECTING) {
        this._state = OPEN;
        this._protocol = open;
        if (this.#server) this._url = this._conn?.url ?? "";
      }
    }
    this._visible = this.#packets.length;
    const close = this.#pendingClose;
    if (close !== null) {
      this.#pendingClose = null;
      this._state = CLOSED;
      [this._closeCode, this._closeReason] = closeStatus(close);
    }
    return this._state === OPEN;
  }

  /**
   * close(): drops unread packets, then starts the closing handshake (CLOSING), or closes at once
   * (a negative code, or still connecting), as Godot does.
   */
  _close(code: unknown, reason: string): void {
    this.#clearPackets();
    const conn = this._conn;
    const state = this._state;
    if (conn === null || state === CLOSED) return;
    // A negative code closes at once in any state, CLOSING included, as in Godot.
    if (typeof code !== "number" || code < 0 || state === CONNECTING) {
      this._drop();
      return;
    }
    if (state === CLOSING) return;
    try {
      if (code === 0) conn.close();
      else conn.close(code, reason);
    } catch (e) {
      printError(`close(${code}) was not sent: ${(e as { message: string }).message}`);
      return;
    }
    this._state = CLOSING;
  }

  /** Closes at once without a closing handshake: CLOSED, code -1. */
  _drop(): void {
    this._detach();
    this._state = CLOSED;
    this._closeCode = -1;
    this._closeReason = "";
    this._conn?.terminate(); // no closing handshake (a browser still sends a close frame without a status)
  }

  /** Whether `max` frames already wait to be written (a transport with nothing buffered waits for none). */
  _queueFull(max: number): boolean {
    if (this._conn?.bufferedAmount === 0) this.#outFrames = 0; // everything queued so far has been written
    return this.#outFrames >= max;
  }

  /** A frame was handed to the transport. */
  _sent(): void {
    this.#outFrames++;
  }

  /** The next visible packet, or undefined when poll() has made none visible. */
  _take(): PackedByteArray | undefined {
    if (this._visible === 0) return undefined;
    const packet = this.#packets.shift()!;
    this._visible--;
    this.#queuedBytes -= packet.length;
    this._wasString = this.#texts.shift()!;
    return packet;
  }

  #clearPackets(): void {
    this.#packets.length = 0;
    this.#texts.length = 0;
    this._visible = 0;
    this.#queuedBytes = 0;
  }

  /** Stops listening to the connection: nothing it reports later reaches this session. */
  _detach(): void {
    if (this._conn !== null) this._conn.onevent = null;
    this.#pendingOpen = null;
    this.#pendingClose = null;
  }
}
