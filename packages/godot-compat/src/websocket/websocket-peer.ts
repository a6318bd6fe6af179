// Follows Godot's modules/websocket/websocket_peer.cpp, emws_peer.cpp.
// Godot 4's WebSocketPeer over one core Connection. Core's events wait in bounded queues and only
// poll() makes them visible: the state, the selected protocol, the close code and new packets.
// This is Godot's Web build; the Node entry adds what its native build does (see native.ts).
import { type Connection, type ConnectionEvent, type ConnectOptions, messageBytes } from "@wsport/core";
import { connectUnchecked, describe, utf8FitsIn } from "@wsport/core/internal";
import { constantsOnInstances } from "../core/class-constants.js";
import {
  ERR_ALREADY_IN_USE,
  ERR_OUT_OF_MEMORY,
  ERR_UNAVAILABLE,
  FAILED,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { propertyMethodsOnPrototype } from "../core/property-methods.js";
import type { TLSOptions } from "../crypto/tls-options.js";
import { PacketPeer } from "../io/packet-peer.js";
import { plainAddress } from "../io/socket-io.js";
import type { StreamPeer } from "../io/stream-peer.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import { bytesToVar, encodeVar, type Variant } from "../variant/variant.js";
import type { Heartbeat, NativeFeatures } from "./native.js";
import { BUSY_PRINT, CLOSED, CLOSING, CONNECTING, OPEN, type ReadyState, Session } from "./session.js";
import { godotUrl } from "./url.js";

const NO_BYTES = new PackedByteArray(0);
let warnedHeaders = false;

/** WebSocketPeer.WriteMode: WRITE_MODE_TEXT (0) or WRITE_MODE_BINARY (1). */
export type WriteMode = 0 | 1;

/** The settings a WebSocketMultiplayerPeer copies to every WebSocketPeer it makes; Godot binds get_/set_ methods for each. */
export const SETTING_NAMES = [
  "supported_protocols",
  "handshake_headers",
  "inbound_buffer_size",
  "outbound_buffer_size",
  "max_queued_packets",
] as const;

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below declares the bound methods
export class WebSocketPeer extends PacketPeer {
  static readonly STATE_CONNECTING = CONNECTING;
  static readonly STATE_OPEN = OPEN;
  static readonly STATE_CLOSING = CLOSING;
  static readonly STATE_CLOSED = CLOSED;
  static readonly WRITE_MODE_TEXT = 0;
  static readonly WRITE_MODE_BINARY = 1;
  declare readonly STATE_CONNECTING: typeof WebSocketPeer.STATE_CONNECTING;
  declare readonly STATE_OPEN: typeof WebSocketPeer.STATE_OPEN;
  declare readonly STATE_CLOSING: typeof WebSocketPeer.STATE_CLOSING;
  declare readonly STATE_CLOSED: typeof WebSocketPeer.STATE_CLOSED;
  declare readonly WRITE_MODE_TEXT: typeof WebSocketPeer.WRITE_MODE_TEXT;
  declare readonly WRITE_MODE_BINARY: typeof WebSocketPeer.WRITE_MODE_BINARY;

  /** @internal What Godot's native build adds: the Node entry's subclass sets it; null is Godot's Web build. */
  static _native: NativeFeatures | null = null;

  /** GDScript's `WebSocketPeer.new()`. */
  static new(): WebSocketPeer {
    return new this(); // the Node entry's subclass too
  }

  constructor() {
    super();
    constantsOnInstances(WebSocketPeer);
    propertyMethodsOnPrototype(WebSocketPeer, [...SETTING_NAMES, "heartbeat_interval"]);
    this.#native = new.target._native;
    this.#heartbeat = this.#native?.createHeartbeat() ?? null;
  }

  /** Largest inbound message in bytes; read when connecting or accepting. */
  inbound_buffer_size = 65535;
  /** Largest number of bytes waiting to be sent (≤ 0: no limit); checked on every send. */
  outbound_buffer_size = 65535;
  /** Inbound packets that may wait for get_packet (read when connecting), and outbound frames that may wait to be written. */
  max_queued_packets = 4096;

  readonly #native: NativeFeatures | null;
  readonly #heartbeat: Heartbeat | null;
  #protocols: string[] = [];
  #headers: string[] = [];
  #heartbeatMs = 0;
  #packetError: GodotError = OK;
  /** The current (or last) connection and everything that belongs to it. */
  #session = Session.none();

  // --- properties ------------------------------------------------------------------------

  /** Subprotocols to offer (client) or accept (server). Entries are trimmed; reading gives a copy. */
  get supported_protocols(): string[] {
    return [...this.#protocols];
  }
  set supported_protocols(protocols: readonly string[]) {
    if (!isStringArray(protocols)) printError("supported_protocols must be an array of strings.");
    else this.#protocols = protocols.map((p) => p.trim());
  }

  /** Extra "Name: value" lines for the handshake (client request or server response). Node only. */
  get handshake_headers(): string[] {
    return [...this.#headers];
  }
  set handshake_headers(protocols: readonly string[]) {
    if (!isStringArray(protocols)) printError("handshake_headers must be an array of strings.");
    else this.#headers = [...protocols];
  }

  /** Seconds between pings (0 = off); a peer that misses a pong is dropped. Node only. */
  get heartbeat_interval(): number {
    return this.#heartbeatMs / 1000;
  }
  set heartbeat_interval(seconds: number) {
    if (!(Number.isFinite(seconds) && seconds >= 0)) {
      printError(`Condition "p_interval < 0" is true: invalid heartbeat_interval ${describe(seconds)}.`);
    } else this.#heartbeatMs = Math.trunc(seconds * 1000);
  }

  // --- connecting --------------------------------------------------------------------------

  /** Starts connecting (STATE_CONNECTING at once); failures show up in poll() as STATE_CLOSED, code -1. */
  connect_to_url(url: string, tls_client_options: TLSOptions | null = null): GodotError {
    if (typeof url !== "string" || url === "") return invalid("connect_to_url() needs a non-empty URL.");
    // Checked by shape, so a client that never uses TLS does not bundle the TLSOptions class.
    if (tls_client_options !== null && typeof tls_client_options?.is_server !== "function") {
      return invalid(`connect_to_url() needs TLSOptions or null, got ${describe(tls_client_options)}.`);
    }
    if (tls_client_options?.is_server())
      return invalid("connect_to_url() needs client TLS options, got server ones.");
    if (this.#busy()) return invalid(BUSY_PRINT, ERR_ALREADY_IN_USE); // Godot's check, with its print
    const options: ConnectOptions = { protocols: this.#protocols, maxPayload: this.#inboundLimit() };
    if (this.#native !== null) {
      const error = this.#native.addClientOptions(options, this.#headers, tls_client_options);
      if (error !== null) return invalid(error);
    } else if (this.#headers.length > 0) {
      if (!warnedHeaders) console.warn("Custom headers are not supported in Web platform.");
      warnedHeaders = true;
    }
    let conn: Connection;
    try {
      conn = connectUnchecked(godotUrl(url), options);
    } catch (e) {
      return invalid(`Invalid URL or options for '${url}': ${(e as { message: string }).message}`);
    }
    this.#start(conn, url, false);
    return OK;
  }

  /** Server side: upgrades a StreamPeerTCP from TCPServer.take_connection(), or a StreamPeerTLS over one (wss://). Node only. */
  accept_stream(stream: StreamPeer | null): GodotError {
    if (this.#native === null) {
      console.warn("accept_stream() is not available in browsers: there is no server on the Web.");
      return ERR_UNAVAILABLE;
    }
    const options = { protocols: this.#protocols, headers: this.#headers, maxPayload: this.#inboundLimit() };
    const conn = this.#native.acceptStream(stream, this.#busy(), options);
    if (typeof conn === "number") return conn;
    this.#start(conn, "", true);
    return OK;
  }

  /** Connecting or open: connect_to_url and accept_stream return ERR_ALREADY_IN_USE. */
  #busy(): boolean {
    const { _state: state } = this.#session;
    return state === CONNECTING || state === OPEN;
  }

  #inboundLimit(): number {
    return Math.max(Math.trunc(numberOr(this.inbound_buffer_size, 0)), 0) || 0;
  }

  #start(conn: Connection, url: string, server: boolean): void {
    this.#session._detach();
    const size = this.#inboundLimit();
    const maxBytes = size > 0 ? 2 ** (32 - Math.clz32(size)) : Infinity;
    const session = new Session(conn, url, server, numberOr(this.max_queued_packets, 0), maxBytes);
    this.#session = session;
    conn.onevent = (event) => this.#onEvent(session, event);
    this.#heartbeat?.reset();
  }

  #onEvent(session: Session, event: ConnectionEvent): void {
    switch (event.type) {
      case "open":
        session._opened(event.protocol);
        break;
      case "message":
        // Node's text arrives as its UTF-8 bytes, kept as they are; a browser's string is encoded once.
        session._receive(messageBytes(event.data), !event.binary);
        break;
      case "pong":
        this.#heartbeat?.pong();
        break;
      case "error":
        this.#native?.failed(event);
        break;
      case "close":
        session._closedBy(event);
        break;
    }
  }

  // --- polling --------------------------------------------------------------------------

  /** Makes what happened since the last poll visible; sends heartbeat pings. Call it every frame. */
  poll(): void {
    const session = this.#session;
    // The Web build reports the close the browser saw; the native build, Godot's code and reason.
    const open = session._poll((event) => this.#native?.closeStatus(event) ?? [event.code, event.reason]);
    if (open && this.#heartbeatMs > 0 && session._conn !== null) {
      if (this.#heartbeat?.beat(session._conn, this.#heartbeatMs) === false) session._drop();
    }
  }

  // --- closing --------------------------------------------------------------------------

  /** Starts the closing handshake (STATE_CLOSING; STATE_CLOSED on a later poll) and drops unread packets. A negative code closes at once. */
  close(code = 1000, reason = ""): void {
    this.#session._close(code, String(reason));
  }

  // --- sending ----------------------------------------------------------------------------

  /** Sends one message as a binary frame, or a text frame with WRITE_MODE_TEXT. */
  send(message: Uint8Array, write_mode: WriteMode = WebSocketPeer.WRITE_MODE_BINARY): GodotError {
    if (!(message instanceof Uint8Array)) return invalid("send() needs a PackedByteArray.");
    // Godot sends any other number as binary (the Web build as text); here it is refused, unsent.
    if (write_mode !== 0 && write_mode !== 1) {
      return invalid(
        `send() needs WRITE_MODE_TEXT (0) or WRITE_MODE_BINARY (1), got ${describe(write_mode)}.`,
      );
    }
    return this.#send(message, write_mode === WebSocketPeer.WRITE_MODE_BINARY);
  }

  /** Sends a string as a text frame (UTF-8). */
  send_text(message: string): GodotError {
    if (typeof message !== "string") return invalid("send_text() needs a String.");
    return this.#send(message, false);
  }

  /** Sends a binary frame; an empty array sends nothing and returns OK. */
  put_packet(buffer: Uint8Array): GodotError {
    if (!(buffer instanceof Uint8Array)) return invalid("put_packet() needs a PackedByteArray.");
    return buffer.length === 0 ? OK : this.#send(buffer, true);
  }

  /** Encodes a value in Godot's binary Variant format and sends it as a binary frame. */
  override put_var(value: unknown, _full_objects = false): GodotError {
    const encoded = encodeVar(value);
    if (typeof encoded === "number") return invalid("put_var() cannot encode this value.", encoded);
    if (encoded.length > this.encode_buffer_max_size) return ERR_OUT_OF_MEMORY;
    return this.#send(encoded, true);
  }

  #send(data: string | Uint8Array, binary: boolean): GodotError {
    const session = this.#session;
    const conn = session._conn;
    if (conn === null || session._state !== OPEN) {
      printError('Condition "ready_state != STATE_OPEN" is true. Returning: FAILED');
      return FAILED;
    }
    // Godot's ERR_FAIL_COND_V prints the condition as written in its source (WSLPeer::_send).
    if (session._queueFull(numberOr(this.max_queued_packets, 0))) {
      return invalid(
        'Condition "wslay_event_get_queued_msg_count(wsl_ctx) >= (uint32_t)max_queued_packets" is true. Returning: ERR_OUT_OF_MEMORY',
        ERR_OUT_OF_MEMORY,
      );
    }
    const room = numberOr(this.outbound_buffer_size, 0);
    // A string is measured only when its length cannot tell; core encodes it once, when it sends.
    if (room > 0 && !fitsIn(data, room - conn.bufferedAmount)) {
      return invalid(
        'Condition "outbound_buffer_size > 0 && (wslay_event_get_queued_msg_length(wsl_ctx) + p_buffer_size > (uint32_t)outbound_buffer_size)" is true. Returning: ERR_OUT_OF_MEMORY',
        ERR_OUT_OF_MEMORY,
      );
    }
    this.#native?.holdWrites(conn);
    try {
      conn.send(data, binary);
    } catch {
      return FAILED; // the peer's close frame arrived; the close shows on the next poll
    }
    session._sent();
    return OK;
  }

  // --- receiving --------------------------------------------------------------------------

  /** Complete messages ready for get_packet(). */
  get_available_packet_count(): number {
    return this.#session._visible;
  }

  /** The next message's bytes, or an empty array (see get_packet_error()). */
  get_packet(): PackedByteArray {
    const session = this.#session;
    const packet = session._take();
    this.#packetError = packet !== undefined ? OK : session._state === OPEN ? ERR_UNAVAILABLE : FAILED;
    return packet ?? NO_BYTES;
  }

  /** The next message decoded from Godot's binary Variant format; null on any error. */
  override get_var(allow_objects = false): Variant {
    const packet = this.#session._take();
    return packet === undefined ? null : bytesToVar(packet, allow_objects);
  }

  /** The result of the last get_packet(). */
  get_packet_error(): GodotError {
    return this.#packetError;
  }

  /** Whether the last packet taken was a text frame. */
  was_string_packet(): boolean {
    return this.#session._wasString;
  }

  // --- state ------------------------------------------------------------------------------

  get_ready_state(): ReadyState {
    return this.#session._state;
  }
  get_close_code(): number {
    return this.#session._closeCode;
  }
  get_close_reason(): string {
    return this.#session._closeReason;
  }
  get_selected_protocol(): string {
    return this.#session._protocol;
  }
  get_requested_url(): string {
    return this.#session._url;
  }

  get_connected_host(): string {
    const conn = this.#tcpConnection();
    return conn ? plainAddress(conn.remoteAddress) : "";
  }

  get_connected_port(): number {
    return this.#tcpConnection()?.remotePort ?? 0;
  }

  set_no_delay(enabled: boolean): void {
    this.#tcpConnection()?.setNoDelay(enabled === true);
  }

  /** Bytes waiting to be written to the network. */
  get_current_outbound_buffered_amount(): number {
    const { _conn: conn, _state: state } = this.#session;
    return state === OPEN && conn !== null ? conn.bufferedAmount : 0;
  }

  /** The connection whose TCP socket the socket-info methods read, or null after an error print. */
  #tcpConnection(): Connection | null {
    const { _conn: conn, _state: state } = this.#session;
    if (this.#native === null) printError("Not supported in Web platform.");
    else if (conn === null || state === CLOSED) printError("No TCP connection (the peer is closed).");
    else return conn;
    return null;
  }
}

/** Godot's get_/set_ methods of the settings (added to the prototype by the first instance). */
export interface WebSocketSettingMethods {
  get_supported_protocols(): string[];
  set_supported_protocols(value: string[]): void;
  get_handshake_headers(): string[];
  set_handshake_headers(value: string[]): void;
  get_inbound_buffer_size(): number;
  set_inbound_buffer_size(value: number): void;
  get_outbound_buffer_size(): number;
  set_outbound_buffer_size(value: number): void;
  get_max_queued_packets(): number;
  set_max_queued_packets(value: number): void;
}

export interface WebSocketPeer extends WebSocketSettingMethods {
  get_heartbeat_interval(): number;
  set_heartbeat_interval(value: number): void;
}

function fitsIn(data: string | Uint8Array, room: number): boolean {
  return typeof data === "string" ? utf8FitsIn(data, room) : data.length <= room;
}

/** A property a script may have set to anything: its number, or `fallback` for what is not one. */
function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === "string");
}

/**
 * The class under a second name for the Node entry's subclass: importing it as `WebSocketPeer` there
 * would make the bundler rename the subclass (`WebSocketPeer2`), which is what users would see.
 */
export const WebSocketPeerBase = WebSocketPeer;
