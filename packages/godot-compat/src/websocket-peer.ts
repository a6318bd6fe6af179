// Godot 4's WebSocketPeer over one core Connection. Core's events wait in bounded queues and only
// poll() makes them visible: the state, the selected protocol, the close code and new packets.
// This is Godot's Web build; the Node entry adds what its native build does (see native.ts).
import {
  type CloseEvent,
  type Connection,
  type ConnectionEvent,
  type ConnectOptions,
  describe,
  messageBytes,
  open,
  utf8ByteLength,
} from "@wsport/core";
import {
  ERR_ALREADY_IN_USE,
  ERR_OUT_OF_MEMORY,
  ERR_UNAVAILABLE,
  FAILED,
  type GodotError,
  OK,
} from "./error.js";
import type { Heartbeat, NativeFeatures } from "./native.js";
import { asPacked, PackedByteArray } from "./packed-byte-array.js";
import { invalid, printError } from "./print.js";
import { plainAddress, type StreamPeerTCP } from "./stream-peer-tcp.js";
import type { TLSOptions } from "./tls-options.js";
import { godotUrl } from "./url.js";
import { bytesToVar, encodeVar, type Variant } from "./variant.js";

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;
const NO_BYTES = new PackedByteArray(0);
let warnedHeaders = false;

interface Packet {
  data: PackedByteArray;
  text: boolean;
}

/** WebSocketPeer.WriteMode: WRITE_MODE_TEXT (0) or WRITE_MODE_BINARY (1). */
export type WriteMode = 0 | 1;

export class WebSocketPeer {
  static readonly STATE_CONNECTING = CONNECTING;
  static readonly STATE_OPEN = OPEN;
  static readonly STATE_CLOSING = CLOSING;
  static readonly STATE_CLOSED = CLOSED;
  static readonly WRITE_MODE_TEXT = 0;
  static readonly WRITE_MODE_BINARY = 1;

  /** GDScript's `WebSocketPeer.new()`. */
  static new(): WebSocketPeer {
    return new this(); // the Node entry's subclass too
  }

  /**
   * `native`: what Godot's native build adds; only the Node entry's WebSocketPeer passes it. Godot's
   * `.new()` takes nothing, so whatever else a script passes here is ignored.
   */
  constructor(native?: NativeFeatures) {
    this.#native = typeof native?.createHeartbeat === "function" ? native : null;
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
  #encodeMax = 8388608;

  #conn: Connection | null = null;
  #server = false;
  #state = CLOSED;
  #url = "";
  #protocol = "";
  #closeCode = -1;
  #closeReason = "";
  #wasString = false;
  #packetError: GodotError = OK;

  // Filled by core's events, emptied by poll().
  #pendingOpen: string | null = null;
  #pendingClose: CloseEvent | null = null;
  /** Received packets; the first `#visible` have been made visible by poll(). */
  #packets: Packet[] = [];
  #visible = 0;
  #queuedBytes = 0;
  #maxPackets = 4096;
  #maxBytes = 65536;

  #outFrames = 0;

  readonly #onEvent = (event: ConnectionEvent): void => {
    switch (event.type) {
      case "open":
        this.#pendingOpen = event.protocol;
        break;
      case "message":
        this.#receive(messageBytes(event.data), !event.binary);
        break;
      case "pong":
        this.#heartbeat?.pong();
        break;
      case "close":
        this.#pendingClose = event;
        break;
    }
  };

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

  /** Largest put_var encoding in bytes: 1 KiB to 256 MiB, rounded up to a power of two. */
  get encode_buffer_max_size(): number {
    return this.#encodeMax;
  }
  set encode_buffer_max_size(size: number) {
    if (typeof size !== "number" || !(size >= 1024 && size <= 256 * 1024 * 1024)) {
      printError(`encode_buffer_max_size must be from 1024 to 268435456, got ${describe(size)}.`);
    } else this.#encodeMax = 2 ** Math.ceil(Math.log2(size));
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
    if (this.#busy()) return ERR_ALREADY_IN_USE;
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
      conn = open(godotUrl(url), options);
    } catch (e) {
      return invalid(`Invalid URL or options for '${url}': ${(e as { message: string }).message}`);
    }
    this.#start(conn, url, false);
    return OK;
  }

  /** Server side: upgrades a StreamPeerTCP from TCPServer.take_connection(). Node only. */
  accept_stream(stream: StreamPeerTCP | null): GodotError {
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
    return this.#state === CONNECTING || this.#state === OPEN;
  }

  #inboundLimit(): number {
    return Math.max(Math.trunc(this.inbound_buffer_size), 0) || 0;
  }

  #start(conn: Connection, url: string, server: boolean): void {
    this.#detach();
    this.#clearPackets();
    this.#conn = conn;
    conn.onevent = this.#onEvent;
    this.#server = server;
    this.#url = url;
    this.#state = CONNECTING;
    this.#protocol = "";
    this.#closeCode = -1;
    this.#closeReason = "";
    this.#wasString = false;
    this.#pendingOpen = null;
    this.#pendingClose = null;
    this.#outFrames = 0;
    this.#heartbeat?.reset();
    const size = this.#inboundLimit();
    this.#maxBytes = size > 0 ? 2 ** (32 - Math.clz32(size)) : Infinity;
    this.#maxPackets = this.max_queued_packets;
  }

  // --- polling --------------------------------------------------------------------------

  /** Makes what happened since the last poll visible; sends heartbeat pings. Call it every frame. */
  poll(): void {
    const open = this.#pendingOpen;
    if (open !== null) {
      this.#pendingOpen = null;
      if (this.#state === CONNECTING) {
        this.#state = OPEN;
        this.#protocol = open;
        if (this.#server) this.#url = this.#conn?.url ?? "";
      }
    }
    this.#visible = this.#packets.length;
    const close = this.#pendingClose;
    if (close !== null) this.#closed(close);
    else if (this.#heartbeatMs > 0 && this.#state === OPEN && this.#conn !== null) {
      if (this.#heartbeat?.beat(this.#conn, this.#heartbeatMs) === false) this.#drop();
    }
  }

  #closed(event: CloseEvent): void {
    this.#pendingClose = null;
    this.#conn = null;
    this.#state = CLOSED;
    // The Web build reports what the browser saw.
    [this.#closeCode, this.#closeReason] = this.#native?.closeStatus(event) ?? [event.code, event.reason];
  }

  #receive(bytes: Uint8Array, text: boolean): void {
    if (this.#state === CLOSING || this.#state === CLOSED) return; // after close(): dropped, as in Godot
    if (this.#packets.length >= this.#maxPackets) {
      printError("Too many packets in queue! Dropping data.");
      return;
    }
    if (this.#queuedBytes + bytes.length > this.#maxBytes) {
      printError("Buffer payload full! Dropping data.");
      return;
    }
    this.#queuedBytes += bytes.length;
    this.#packets.push({ data: asPacked(bytes), text });
  }

  // --- closing --------------------------------------------------------------------------

  /** Starts the closing handshake (STATE_CLOSING; STATE_CLOSED on a later poll) and drops unread packets. A negative code closes at once. */
  close(code = 1000, reason = ""): void {
    this.#clearPackets();
    const conn = this.#conn;
    if (conn === null || this.#state === CLOSED) return;
    // A negative code closes at once in any state, CLOSING included, as in Godot.
    if (typeof code !== "number" || code < 0 || this.#state === CONNECTING) {
      this.#drop();
      return;
    }
    if (this.#state === CLOSING) return;
    try {
      if (code === 0) conn.close();
      else conn.close(code, String(reason));
    } catch (e) {
      printError(`close(${code}) was not sent: ${(e as { message: string }).message}`);
      return;
    }
    this.#state = CLOSING;
  }

  /** Closes at once without a closing handshake: STATE_CLOSED, code -1. */
  #drop(): void {
    const conn = this.#detach();
    this.#state = CLOSED;
    this.#closeCode = -1;
    this.#closeReason = "";
    conn?.terminate(); // no closing handshake (a browser still sends a close frame without a status)
  }

  /** Stops listening to the current connection and returns it. */
  #detach(): Connection | null {
    const conn = this.#conn;
    if (conn !== null) conn.onevent = null;
    this.#conn = null;
    this.#pendingOpen = null;
    this.#pendingClose = null;
    return conn;
  }

  #clearPackets(): void {
    this.#packets.length = 0;
    this.#visible = 0;
    this.#queuedBytes = 0;
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
    return this.#send(message, message.length, write_mode === WebSocketPeer.WRITE_MODE_BINARY);
  }

  /** Sends a string as a text frame (UTF-8). */
  send_text(message: string): GodotError {
    if (typeof message !== "string") return invalid("send_text() needs a String.");
    return this.#send(message, utf8ByteLength(message), false);
  }

  /** Sends a binary frame; an empty array sends nothing and returns OK. */
  put_packet(buffer: Uint8Array): GodotError {
    if (!(buffer instanceof Uint8Array)) return invalid("put_packet() needs a PackedByteArray.");
    return buffer.length === 0 ? OK : this.#send(buffer, buffer.length, true);
  }

  /** Encodes a value in Godot's binary Variant format and sends it as a binary frame. */
  put_var(value: unknown, _full_objects = false): GodotError {
    const encoded = encodeVar(value);
    if (typeof encoded === "number") return invalid("put_var() cannot encode this value.", encoded);
    if (encoded.length > this.#encodeMax) return ERR_OUT_OF_MEMORY;
    return this.#send(encoded, encoded.length, true);
  }

  #send(data: string | Uint8Array, size: number, binary: boolean): GodotError {
    const conn = this.#conn;
    if (conn === null || this.#state !== OPEN) {
      printError('Condition "ready_state != STATE_OPEN" is true. Returning: FAILED');
      return FAILED;
    }
    const buffered = conn.bufferedAmount;
    if (buffered === 0) this.#outFrames = 0; // everything queued so far has been written
    // Godot's ERR_FAIL_COND_V prints the condition as written in its source (WSLPeer::_send).
    if (this.#outFrames >= this.max_queued_packets) {
      return invalid(
        'Condition "wslay_event_get_queued_msg_count(wsl_ctx) >= (uint32_t)max_queued_packets" is true. Returning: ERR_OUT_OF_MEMORY',
        ERR_OUT_OF_MEMORY,
      );
    }
    if (this.outbound_buffer_size > 0 && buffered + size > this.outbound_buffer_size) {
      return invalid(
        'Condition "outbound_buffer_size > 0 && (wslay_event_get_queued_msg_length(wsl_ctx) + p_buffer_size > (uint32_t)outbound_buffer_size)" is true. Returning: ERR_OUT_OF_MEMORY',
        ERR_OUT_OF_MEMORY,
      );
    }
    try {
      conn.send(data, binary);
    } catch {
      return FAILED; // the peer's close frame arrived; the close shows on the next poll
    }
    this.#outFrames++;
    return OK;
  }

  // --- receiving --------------------------------------------------------------------------

  /** Complete messages ready for get_packet(). */
  get_available_packet_count(): number {
    return this.#visible;
  }

  /** The next message's bytes, or an empty array (see get_packet_error()). */
  get_packet(): PackedByteArray {
    const packet = this.#next();
    this.#packetError = packet !== undefined ? OK : this.#state === OPEN ? ERR_UNAVAILABLE : FAILED;
    return packet?.data ?? NO_BYTES;
  }

  /** The next message decoded from Godot's binary Variant format; null on any error. */
  get_var(allow_objects = false): Variant {
    const packet = this.#next();
    return packet === undefined ? null : bytesToVar(packet.data, allow_objects);
  }

  #next(): Packet | undefined {
    if (this.#visible === 0) return undefined;
    const packet = this.#packets.shift()!;
    this.#visible--;
    this.#queuedBytes -= packet.data.length;
    this.#wasString = packet.text;
    return packet;
  }

  /** The result of the last get_packet(). */
  get_packet_error(): GodotError {
    return this.#packetError;
  }

  /** Whether the last packet taken was a text frame. */
  was_string_packet(): boolean {
    return this.#wasString;
  }

  // --- state ------------------------------------------------------------------------------

  get_ready_state(): number {
    return this.#state;
  }
  get_close_code(): number {
    return this.#closeCode;
  }
  get_close_reason(): string {
    return this.#closeReason;
  }
  get_selected_protocol(): string {
    return this.#protocol;
  }
  get_requested_url(): string {
    return this.#url;
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
    return this.#state === OPEN && this.#conn !== null ? this.#conn.bufferedAmount : 0;
  }

  /** The connection whose TCP socket the socket-info methods read, or null after an error print. */
  #tcpConnection(): Connection | null {
    if (this.#native === null) printError("Not supported in Web platform.");
    else if (this.#conn === null || this.#state === CLOSED)
      printError("No TCP connection (the peer is closed).");
    else return this.#conn;
    return null;
  }
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === "string");
}

/**
 * The class under a second name for the Node entry's subclass: importing it as `WebSocketPeer` there
 * would make the bundler rename the subclass (`WebSocketPeer2`), which is what users would see.
 */
export const WebSocketPeerBase = WebSocketPeer;
