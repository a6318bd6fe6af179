// Follows Godot's modules/websocket/websocket_multiplayer_peer.cpp.
// Godot 4's WebSocketMultiplayerPeer: a star of WebSocketPeers. The server (id 1) listens with a
// TCPServer and greets each new client with its id, one 4-byte little-endian message; after that
// every message is a bare payload and clients only ever talk to the server. Packets are taken from
// the WebSocketPeers, and signals emitted, only inside poll(). See docs/spec/godot-multiplayer.md.
import { describe } from "@wsport/core/internal";
import {
  ERR_ALREADY_IN_USE,
  ERR_OUT_OF_MEMORY,
  ERR_UNAVAILABLE,
  ERR_UNCONFIGURED,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { propertyMethodsOnPrototype } from "../core/property-methods.js";
import type { TLSOptions } from "../crypto/tls-options.js";
import { StreamPeerTCP } from "../io/stream-peer-tcp.js";
import type { StreamPeerTLS } from "../io/stream-peer-tls.js";
import { TCPServer } from "../io/tcp-server.js";
import {
  CONNECTION_CONNECTED,
  CONNECTION_CONNECTING,
  CONNECTION_DISCONNECTED,
  type ConnectionStatus,
  isPeerId,
  MultiplayerPeer,
  TRANSFER_MODE_RELIABLE,
  type TransferMode,
} from "../scene/multiplayer-peer.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import { PacketQueue } from "./packet-queue.js";
import { SETTING_NAMES, WebSocketPeer, type WebSocketSettingMethods } from "./websocket-peer.js";

const NO_BYTES = new PackedByteArray(0);

/** An integer setting; anything else is refused with a print (Godot's int properties take only ints). */
function isSize(name: string, value: unknown): value is number {
  if (Number.isSafeInteger(value)) return true;
  printError(`${name} must be an integer, got ${describe(value)}.`);
  return false;
}

interface Packet {
  data: PackedByteArray;
  source: number;
}

/** A connection still in its handshake (the server's pending peers, or a client's server). */
interface Pending {
  since: number;
  ws: WebSocketPeer;
}

/** A wss:// server's connection still in its TLS handshake; its WebSocket handshake comes next. */
interface PendingTls {
  /** When the TCP connection was taken: handshake_timeout covers both handshakes, as in Godot. */
  since: number;
  tls: StreamPeerTLS;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below declares the bound methods
export class WebSocketMultiplayerPeer extends MultiplayerPeer {
  /** GDScript's `WebSocketMultiplayerPeer.new()`. */
  static new(): WebSocketMultiplayerPeer {
    return new this(); // the Node entry's subclass too
  }

  /**
   * @internal Users write `new WebSocketMultiplayerPeer()` or `.new()`; the hooks are for the Node entry.
   * `createPeer`: how to make a WebSocketPeer; the Node entry passes its native one. `acceptTls`: how a
   * wss:// server starts TLS on a taken connection (null when it cannot start, with a print); the Node
   * entry passes StreamPeerTLS's, so browser bundles, which cannot serve, do not carry it. Godot's
   * `.new()` takes nothing, so whatever else a script passes here is ignored.
   */
  constructor(
    createPeer?: () => WebSocketPeer,
    acceptTls?: (tcp: StreamPeerTCP, options: TLSOptions) => StreamPeerTLS | null,
  ) {
    super();
    propertyMethodsOnPrototype(WebSocketMultiplayerPeer, [...SETTING_NAMES, "handshake_timeout"]);
    this.#newPeer = typeof createPeer === "function" ? createPeer : () => new WebSocketPeer();
    this.#acceptTls = typeof acceptTls === "function" ? acceptTls : () => null;
    this.#config = this.#newPeer();
  }

  readonly #newPeer: () => WebSocketPeer;
  readonly #acceptTls: (tcp: StreamPeerTCP, options: TLSOptions) => StreamPeerTLS | null;
  /** Holds the WebSocketPeer settings every new connection copies, as Godot's `peer_config`. */
  readonly #config: WebSocketPeer;
  #handshakeTimeoutMs = 3000;

  #status: ConnectionStatus = CONNECTION_DISCONNECTED;
  #uniqueId = 0;
  #targetPeer = 0;
  #server: TCPServer | null = null;
  /** The server's TLS options (wss://), or null for ws://. */
  #tlsOptions: TLSOptions | null = null;
  #pendingTls: PendingTls[] = [];
  #pending = new Map<number, Pending>();
  #peers = new Map<number, WebSocketPeer>();
  readonly #incoming = new PacketQueue<Packet>();
  #packetError: GodotError = OK;

  // --- settings, copied to every WebSocketPeer this creates ----------------------------------

  get supported_protocols(): string[] {
    return this.#config.supported_protocols;
  }
  set supported_protocols(protocols: readonly string[]) {
    this.#config.supported_protocols = protocols;
  }
  get handshake_headers(): string[] {
    return this.#config.handshake_headers;
  }
  set handshake_headers(headers: readonly string[]) {
    this.#config.handshake_headers = headers;
  }
  get inbound_buffer_size(): number {
    return this.#config.inbound_buffer_size;
  }
  set inbound_buffer_size(size: number) {
    if (isSize("inbound_buffer_size", size)) this.#config.inbound_buffer_size = size;
  }
  get outbound_buffer_size(): number {
    return this.#config.outbound_buffer_size;
  }
  set outbound_buffer_size(size: number) {
    if (isSize("outbound_buffer_size", size)) this.#config.outbound_buffer_size = size;
  }
  get max_queued_packets(): number {
    return this.#config.max_queued_packets;
  }
  set max_queued_packets(count: number) {
    if (isSize("max_queued_packets", count)) this.#config.max_queued_packets = count;
  }

  /** Seconds a connection may take to open (and, on a client, to receive its id). */
  get handshake_timeout(): number {
    return this.#handshakeTimeoutMs / 1000;
  }
  set handshake_timeout(seconds: number) {
    if (typeof seconds === "number" && seconds > 0 && Number.isFinite(seconds)) {
      this.#handshakeTimeoutMs = seconds * 1000;
    } else
      printError(`Condition "p_timeout <= 0.0" is true: invalid handshake_timeout ${describe(seconds)}.`);
  }

  #createPeer(): WebSocketPeer {
    const peer = this.#newPeer();
    peer.supported_protocols = this.#config.supported_protocols;
    peer.handshake_headers = this.#config.handshake_headers;
    peer.inbound_buffer_size = this.#config.inbound_buffer_size;
    peer.outbound_buffer_size = this.#config.outbound_buffer_size;
    peer.max_queued_packets = this.#config.max_queued_packets;
    return peer;
  }

  // --- starting and stopping ------------------------------------------------------------------

  /**
   * Listens for clients (Node only; ERR_UNAVAILABLE in a browser) and is CONNECTION_CONNECTED at once,
   * with id 1. Node binds after this returns: a port already in use is printed by TCPServer and the
   * peer turns CONNECTION_DISCONNECTED on the next poll(). With `TLSOptions.server(key, certificate)`
   * it serves wss://: each connection goes through StreamPeerTLS.accept_stream first, as in Godot.
   */
  create_server(port: number, bind_address = "*", tls_server_options: TLSOptions | null = null): GodotError {
    if (this.#status !== CONNECTION_DISCONNECTED) {
      return invalid(
        'Condition "get_connection_status() != CONNECTION_DISCONNECTED" is true.',
        ERR_ALREADY_IN_USE,
      );
    }
    if (tls_server_options !== null && typeof tls_server_options?.is_server !== "function") {
      return invalid(`create_server() needs TLSOptions or null, got ${describe(tls_server_options)}.`);
    }
    if (tls_server_options !== null && !tls_server_options.is_server()) {
      return invalid("create_server() needs server TLS options, got client ones.");
    }
    this.#clear();
    const server = new TCPServer();
    const error = server.listen(port, bind_address);
    if (error === ERR_UNAVAILABLE)
      printError("create_server() is not available in browsers: there is no server on the Web.");
    if (error !== OK) return error;
    this.#server = server;
    this.#tlsOptions = tls_server_options;
    this.#uniqueId = 1;
    this.#status = CONNECTION_CONNECTED;
    return OK;
  }

  /** Connects to a server (Node and browsers); CONNECTION_CONNECTED once the server's id arrives. */
  create_client(url: string, tls_client_options: TLSOptions | null = null): GodotError {
    if (this.#status !== CONNECTION_DISCONNECTED) {
      return invalid(
        'Condition "get_connection_status() != CONNECTION_DISCONNECTED" is true.',
        ERR_ALREADY_IN_USE,
      );
    }
    if (tls_client_options !== null && tls_client_options?.is_server?.() === true) {
      return invalid("create_client() needs client TLS options, got server ones.");
    }
    this.#clear();
    const ws = this.#createPeer();
    const error = ws.connect_to_url(url, tls_client_options);
    if (error !== OK) return error;
    this.#pending.set(1, { since: performance.now(), ws });
    this.#peers.set(1, ws);
    this.#status = CONNECTION_CONNECTING;
    return OK;
  }

  /** Drops every connection (no closing handshake) and stops listening. */
  close(): void {
    this.#clear();
  }

  #clear(): void {
    for (const { tls } of this.#pendingTls) tls.disconnect_from_stream();
    this.#pendingTls.length = 0;
    this.#tlsOptions = null;
    for (const { ws } of this.#pending.values()) ws.close(-1);
    for (const ws of this.#peers.values()) ws.close(-1);
    this.#pending.clear();
    this.#peers.clear();
    this.#server?.stop();
    this.#server = null;
    this.#incoming.clear();
    this.#uniqueId = 0;
    this.#status = CONNECTION_DISCONNECTED;
  }

  /** Closes one peer's connection; `force` forgets it at once, without peer_disconnected. */
  disconnect_peer(id: number, force = false): void {
    const ws = isPeerId(id) ? this.#peers.get(id) : undefined;
    if (ws === undefined) {
      printError(`Condition "!peers_map.has(p_peer_id)" is true: no peer ${describe(id)}.`);
      return;
    }
    ws.close();
    if (force !== true) return; // peer_disconnected on a later poll
    ws.close(-1);
    this.#peers.delete(id);
    if (!this.is_server()) this.#clear();
  }

  // --- polling ----------------------------------------------------------------------------------

  poll(): void {
    if (this.#status === CONNECTION_DISCONNECTED) return;
    if (this.is_server()) this.#pollServer();
    else this.#pollClient();
  }

  #pollClient(): void {
    const ws = this.#peers.get(1)!;
    ws.poll();
    const state = ws.get_ready_state();
    if (state === WebSocketPeer.STATE_OPEN) {
      if (this.#status === CONNECTION_CONNECTING) {
        if (ws.get_available_packet_count() > 0) {
          if (!this.#acceptId(ws.get_packet())) {
            ws.close(); // the close shows as connection_failed on a later poll
            printError("Invalid ID received from server");
            return;
          }
          this.#pending.delete(1);
          this.#status = CONNECTION_CONNECTED;
          this.peer_connected.emit(1);
          if (this.#peers.get(1) !== ws) return; // a signal handler closed this peer
        }
      }
      if (this.#status === CONNECTION_CONNECTED) this.#takePackets(ws, 1);
    } else if (state === WebSocketPeer.STATE_CLOSED) {
      if (this.#status === CONNECTION_CONNECTED) this.peer_disconnected.emit(1);
      if (this.#peers.get(1) === ws) this.#clear(); // unless a signal handler already did
      return;
    }
    // Unlike Godot 4, which stops counting once the WebSocket is open, this also gives up on a
    // server that never sends the id (see docs/spec/godot-multiplayer.md).
    const pending = this.#pending.get(1);
    if (pending !== undefined && performance.now() - pending.since > this.#handshakeTimeoutMs) {
      this.#clear(); // Godot only mentions this in verbose mode
    }
  }

  /** A client's first message: its id, a 32-bit little-endian integer of at least 2. */
  #acceptId(message: PackedByteArray): boolean {
    if (message.length !== 4) return false;
    const id = new DataView(message.buffer, message.byteOffset, 4).getInt32(0, true);
    if (id < 2) return false;
    this.#uniqueId = id;
    return true;
  }

  #pollServer(): void {
    const server = this.#server!;
    if (!server.is_listening()) {
      if (TCPServer._bindFailed(server)) this.#clear(); // TCPServer printed why
      return; // still binding
    }
    this.#takeConnection(server);
    const now = performance.now();
    this.#pollTls(now);
    for (const [id, { since, ws }] of this.#pending) {
      ws.poll();
      const state = ws.get_ready_state();
      if (state === WebSocketPeer.STATE_OPEN) {
        this.#pending.delete(id);
        if (this.refuse_new_connections) ws.close(-1);
        else this.#admit(id, ws);
        if (this.#status !== CONNECTION_CONNECTED) return; // a signal handler closed this peer
      } else if (state !== WebSocketPeer.STATE_CONNECTING || now - since > this.#handshakeTimeoutMs) {
        this.#pending.delete(id);
        ws.close(-1); // failed, or too slow (Godot only mentions this in verbose mode)
      }
    }
    for (const [id, ws] of this.#peers) {
      ws.poll();
      if (ws.get_ready_state() === WebSocketPeer.STATE_OPEN) {
        this.#takePackets(ws, id);
        continue;
      }
      this.#peers.delete(id); // a closing connection finishes its closing handshake by itself
      this.peer_disconnected.emit(id);
      if (this.#status !== CONNECTION_CONNECTED) return;
    }
  }

  /** One new connection per poll, as Godot does. While refusing, it is dropped at once. */
  #takeConnection(server: TCPServer): void {
    const tcp = server.take_connection();
    if (tcp === null) return;
    if (this.refuse_new_connections) {
      tcp.disconnect_from_host();
      return;
    }
    const since = performance.now();
    if (this.#tlsOptions === null) {
      this.#acceptWebSocket(tcp, since);
      return;
    }
    const tls = this.#acceptTls(tcp, this.#tlsOptions);
    if (tls !== null) this.#pendingTls.push({ since, tls });
    else tcp.disconnect_from_host(); // StreamPeerTLS printed why (e.g. no key or certificate loaded)
  }

  /** TLS handshakes: a finished one goes on to its WebSocket handshake; a failed or slow one is dropped. */
  #pollTls(now: number): void {
    for (let i = 0; i < this.#pendingTls.length; i++) {
      const { since, tls } = this.#pendingTls[i]!;
      tls.poll();
      const status = tls.get_status();
      if (status === tls.STATUS_HANDSHAKING && now - since <= this.#handshakeTimeoutMs) continue;
      this.#pendingTls.splice(i--, 1);
      if (status === tls.STATUS_CONNECTED) this.#acceptWebSocket(tls, since);
      else tls.disconnect_from_stream(); // a plain ws:// client, a refused certificate, or too slow
    }
  }

  #acceptWebSocket(stream: StreamPeerTCP | StreamPeerTLS, since: number): void {
    const ws = this.#createPeer();
    if (ws.accept_stream(stream) !== OK) {
      if (stream instanceof StreamPeerTCP) stream.disconnect_from_host();
      else stream.disconnect_from_stream();
      return;
    }
    let id = this.generate_unique_id();
    while (this.#peers.has(id) || this.#pending.has(id)) id = this.generate_unique_id();
    this.#pending.set(id, { since, ws });
  }

  #admit(id: number, ws: WebSocketPeer): void {
    const greeting = new PackedByteArray(4);
    new DataView(greeting.buffer).setInt32(0, id, true);
    if (ws.put_packet(greeting) !== OK) {
      printError("Failed to send ID to newly connected peer.");
      ws.close(-1);
      return;
    }
    this.#peers.set(id, ws);
    this.peer_connected.emit(id);
  }

  #takePackets(ws: WebSocketPeer, source: number): void {
    for (let count = ws.get_available_packet_count(); count > 0; count--) {
      const data = ws.get_packet();
      if (ws.get_packet_error() !== OK || data.length === 0) break;
      this.#incoming.push({ data, source });
    }
  }

  // --- MultiplayerPeer --------------------------------------------------------------------------

  get_connection_status(): ConnectionStatus {
    return this.#status;
  }
  get_unique_id(): number {
    return this.#uniqueId;
  }
  is_server(): boolean {
    return this.#server !== null;
  }
  override is_server_relay_supported(): boolean {
    return true;
  }

  /** Where put_packet sends on a server: 0 everyone, an id that peer, -id everyone but that peer. */
  set_target_peer(id: number): void {
    if (isPeerId(id)) this.#targetPeer = id;
    else printError(`set_target_peer() needs an integer peer id, got ${describe(id)}.`);
  }

  /** The sender of the next packet (1 when none waits, with an error print). */
  get_packet_peer(): number {
    const next = this.#incoming.peek();
    if (next === undefined) printError('Condition "incoming_packets.is_empty()" is true. Returning: 1');
    return next?.source ?? 1;
  }
  /** WebSocket is always reliable and ordered. */
  get_packet_mode(): TransferMode {
    return TRANSFER_MODE_RELIABLE;
  }
  get_packet_channel(): number {
    return 0;
  }

  // --- PacketPeer --------------------------------------------------------------------------------

  get_available_packet_count(): number {
    return this.#incoming.length;
  }

  get_packet(): PackedByteArray {
    if (this.#status !== CONNECTION_CONNECTED) {
      this.#packetError = invalid(
        'Condition "get_connection_status() != CONNECTION_CONNECTED" is true. Returning: ERR_UNCONFIGURED',
        ERR_UNCONFIGURED,
      );
      return NO_BYTES;
    }
    const packet = this.#incoming.shift();
    this.#packetError =
      packet !== undefined
        ? OK
        : invalid(
            'Condition "incoming_packets.is_empty()" is true. Returning: ERR_UNAVAILABLE',
            ERR_UNAVAILABLE,
          );
    return packet?.data ?? NO_BYTES;
  }

  get_packet_error(): GodotError {
    return this.#packetError;
  }

  /** Sends to the target peer (a client always sends to the server). */
  put_packet(buffer: Uint8Array): GodotError {
    if (!(buffer instanceof Uint8Array))
      return invalid(`put_packet() needs a PackedByteArray, got ${describe(buffer)}.`);
    if (this.#status !== CONNECTION_CONNECTED) {
      return invalid(
        'Condition "get_connection_status() != CONNECTION_CONNECTED" is true. Returning: ERR_UNCONFIGURED',
        ERR_UNCONFIGURED,
      );
    }
    const limit = this.outbound_buffer_size;
    if (limit > 0 && buffer.length > limit) {
      return invalid(
        `A packet of ${buffer.length} bytes is larger than outbound_buffer_size (${limit}).`,
        ERR_OUT_OF_MEMORY,
      );
    }
    if (!this.is_server()) return this.#peers.get(1)!.put_packet(buffer);
    const target = this.#targetPeer;
    if (target > 0) {
      const ws = this.#peers.get(target);
      return ws === undefined ? invalid(`Peer not found: ${target}`) : ws.put_packet(buffer);
    }
    for (const [id, ws] of this.#peers) if (id !== -target) ws.put_packet(buffer);
    return OK;
  }

  // --- WebSocketMultiplayerPeer -----------------------------------------------------------------

  /** The WebSocketPeer of a connected peer, or null (with an error print). */
  get_peer(peer_id: number): WebSocketPeer | null {
    const ws = isPeerId(peer_id) ? this.#peers.get(peer_id) : undefined;
    if (ws === undefined)
      printError(`Condition "!peers_map.has(p_id)" is true: no peer ${describe(peer_id)}.`);
    return ws ?? null;
  }

  get_peer_address(id: number): string {
    return this.get_peer(id)?.get_connected_host() ?? "";
  }

  get_peer_port(id: number): number {
    return this.get_peer(id)?.get_connected_port() ?? 0;
  }
}
// Godot's get_/set_ methods of the settings (added to the prototype by the first instance).
export interface WebSocketMultiplayerPeer extends WebSocketSettingMethods {
  get_handshake_timeout(): number;
  set_handshake_timeout(value: number): void;
}

/** The class under another name, for the Node entry's subclass of the same name (see node.ts). */
export const WebSocketMultiplayerPeerBase = WebSocketMultiplayerPeer;
