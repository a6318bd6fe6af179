// Follows Godot's modules/websocket/wsl_peer.cpp (native) and emws_peer.cpp (Web).
// Godot has two WebSocketPeers: the native build's (WSLPeer) and the Web build's (EMWSPeer).
// WebSocketPeer here is the Web one; what only the native build does is behind this interface,
// which the Node entry (node.ts) fills in (WebSocketPeer's internal static `_native`), so none of it
// reaches a browser bundle.
import type { AcceptOptions, CloseEvent, Connection, ConnectOptions, ErrorEvent } from "@wsport/core";
import type { GodotError } from "../core/error.js";
import type { TLSOptions } from "../crypto/tls-options.js";

export interface NativeFeatures {
  /** Adds handshake_headers and TLS settings to `options`; returns the error to print for a bad header line. */
  addClientOptions(
    options: ConnectOptions,
    headers: readonly string[],
    tls: TLSOptions | null,
  ): string | null;
  /**
   * Starts the server side of the handshake on a StreamPeerTCP from TCPServer.take_connection().
   * Returns Godot's error code for anything else, then for a `busy` peer (connecting or open).
   */
  acceptStream(stream: unknown, busy: boolean, options: AcceptOptions): Connection | GodotError;
  /** Prints what Godot's native TLS stream prints when a connection fails this way (a failed TLS handshake). */
  failed(event: ErrorEvent): void;
  /** Godot's close code and reason for a connection that ended this way. */
  closeStatus(event: CloseEvent): [code: number, reason: string];
  /**
   * Holds the frames sent from now to the end of the current task and writes them together, so a
   * server relaying one poll's packets to a peer makes one system call for them, not one per packet.
   * Godot's native peer writes each frame as it is sent; a script sees no difference: the same bytes in
   * the same order, and get_current_outbound_buffered_amount and the outbound limits leave them out.
   */
  holdWrites(conn: Connection): void;
  /** A new heartbeat for one peer (pings every heartbeat_interval; see Heartbeat). */
  createHeartbeat(): Heartbeat;
}

/** One peer's pings. Its last-ping time outlives a connection, as in Godot. */
export interface Heartbeat {
  /** A new connection owes no pong. */
  reset(): void;
  /** A pong arrived. */
  pong(): void;
  /** Pings when `intervalMs` has passed since the last ping; false when that ping is still unanswered. */
  beat(conn: Connection, intervalMs: number): boolean;
}
