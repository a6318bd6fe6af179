// Follows Godot's modules/websocket/wsl_peer.cpp (one connection's state).
// What belongs to one connection of a WebSocketPeer. connect_to_url and accept_stream create a new
// Session, so nothing of an earlier connection (state, close code, queued packets, counters) can
// leak into the next one. Core's events wait here until the peer's poll() makes them visible.
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
  _url: string;
  readonly _server: boolean;
  readonly _maxPackets: number;
  readonly _maxBytes: number;
  _state: ReadyState = CONNECTING;
  /** The subprotocol the server selected, once poll() has seen the connection open. */
  _protocol = "";
  _closeCode = -1;
  _closeReason = "";
  /** Whether the last packet taken was a text frame. */
  _wasString = false;
  /** Frames sent since the transport last had nothing buffered (bounded by max_queued_packets). */
  _outFrames = 0;

  // Filled by core's events, emptied by poll().
  _pendingOpen: string | null = null;
  _pendingClose: CloseEvent | null = null;
  /** Received packets; the first `_visible` have been made visible by poll(). */
  readonly _packets: PackedByteArray[] = [];
  /** Whether each of `_packets` came in a text frame (beside it, not in a record per packet). */
  readonly #texts: boolean[] = [];
  _visible = 0;
  #queuedBytes = 0;

  /**
   * `maxPackets` and `maxBytes` bound the inbound queue (Godot sizes its ring buffer from
   * inbound_buffer_size and max_queued_packets when the connection starts).
   */
  constructor(conn: Connection | null, url: string, server: boolean, maxPackets: number, maxBytes: number) {
    this._conn = conn;
    this._url = url;
    this._server = server;
    this._maxPackets = maxPackets;
    this._maxBytes = maxBytes;
  }

  /** The session of a peer that never connected: closed, with Godot's defaults. */
  static none(): Session {
    const session = new Session(null, "", false, 0, 0);
    session._state = CLOSED;
    return session;
  }

  /** Queues a received message unless the queue is full (Godot prints and drops it). */
  _receive(bytes: Uint8Array, text: boolean): void {
    if (this._state === CLOSING || this._state === CLOSED) return; // after close(): dropped, as in Godot
    if (this._packets.length >= this._maxPackets) {
      printError("Too many packets in queue! Dropping data.");
      return;
    }
    if (this.#queuedBytes + bytes.length > this._maxBytes) {
      printError("Buffer payload full! Dropping data.");
      return;
    }
    this.#queuedBytes += bytes.length;
    this._packets.push(asPacked(bytes));
    this.#texts.push(text);
  }

  /** The next visible packet, or undefined when poll() has made none visible. */
  _take(): PackedByteArray | undefined {
    if (this._visible === 0) return undefined;
    const packet = this._packets.shift()!;
    this._visible--;
    this.#queuedBytes -= packet.length;
    this._wasString = this.#texts.shift()!;
    return packet;
  }

  _clearPackets(): void {
    this._packets.length = 0;
    this.#texts.length = 0;
    this._visible = 0;
    this.#queuedBytes = 0;
  }

  /** Stops listening to the connection: nothing it reports later reaches this session. */
  _detach(): void {
    if (this._conn !== null) this._conn.onevent = null;
    this._pendingOpen = null;
    this._pendingClose = null;
  }
}
