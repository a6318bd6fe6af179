// Follows Godot's modules/websocket/wsl_peer.cpp.
// What Godot's native WebSocketPeer (WSLPeer) does beyond its Web one, for the Node entry:
// handshake headers and TLS, the server side, heartbeat pings, and its own close codes.
import { acceptSocket, type CloseEvent, type Connection, type ErrorEvent } from "@wsport/core";
import { holdWrites, parseHeaderBlock } from "@wsport/core/internal";
import { ERR_ALREADY_IN_USE } from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { coreClientTls } from "../crypto/tls-options.js";
import { handOver, StreamPeerTCP } from "../io/stream-peer-tcp.js";
import { StreamPeerTLS } from "../io/stream-peer-tls.js";
import type { Heartbeat, NativeFeatures } from "./native.js";
import { BUSY_PRINT } from "./session.js";

/** The reasons native Godot reports when it failed the connection itself. */
const FAILURE_REASONS: Record<number, string> = {
  1002: "Protocol error",
  1007: "Invalid frame payload data",
  1009: "Message too big",
};

export const nativeFeatures: NativeFeatures = {
  addClientOptions(options, headers, tls) {
    if (headers.length > 0) {
      try {
        options.headers = Object.fromEntries(parseHeaderBlock(headers.join("\r\n")));
      } catch (e) {
        return `Bad handshake_headers: ${(e as { message: string }).message}`;
      }
    }
    if (tls) {
      const coreTls = coreClientTls(tls);
      if (coreTls === null)
        return "connect_to_url() needs TLSOptions made by TLSOptions.client() or client_unsafe().";
      options.tls = coreTls;
    }
    return null;
  },

  acceptStream(stream, busy, options) {
    const tcp =
      stream instanceof StreamPeerTCP
        ? StreamPeerTCP._streamOf(stream)
        : stream instanceof StreamPeerTLS
          ? StreamPeerTLS._streamOf(stream)
          : undefined;
    if (tcp === undefined)
      return invalid("accept_stream() needs a connected StreamPeerTCP or StreamPeerTLS.");
    if (busy) {
      // Godot's own check and its print; the stream stays with the caller.
      return invalid(BUSY_PRINT, ERR_ALREADY_IN_USE);
    }
    let conn: Connection;
    try {
      conn = acceptSocket(tcp, options);
    } catch (e) {
      return invalid(`accept_stream() failed: ${(e as { message: string }).message}`);
    }
    handOver(stream as object);
    conn.setNoDelay(true);
    return conn;
  },

  failed(event: ErrorEvent): void {
    // A refused certificate or a plain server: Godot's TLS stream prints the failed handshake; the
    // other failures it reports only as STATE_CLOSED.
    if (event.kind === "tls") printError(`TLS handshake error: ${event.message}`);
  },
  closeStatus(event: CloseEvent): [number, string] {
    // Native Godot reports a close frame without a status as 0.
    if (event.wasClean) return [event.code === 1005 ? 0 : event.code, event.reason];
    const reason = FAILURE_REASONS[event.code];
    return reason === undefined ? [-1, ""] : [event.code, reason];
  },

  holdWrites,
  createHeartbeat: () => new PingHeartbeat(),
};

class PingHeartbeat implements Heartbeat {
  #lastPing = 0;
  #awaitingPong = false;

  reset(): void {
    this.#awaitingPong = false;
  }

  pong(): void {
    this.#awaitingPong = false;
  }

  beat(conn: Connection, intervalMs: number): boolean {
    const now = Date.now();
    if (now - this.#lastPing <= intervalMs) return true;
    if (this.#awaitingPong) return false; // no pong for a whole interval: the peer is gone
    this.#lastPing = now;
    this.#awaitingPong = true;
    try {
      conn.ping();
    } catch {
      // the connection is closing; its close event comes on a later poll
    }
    return true;
  }
}
