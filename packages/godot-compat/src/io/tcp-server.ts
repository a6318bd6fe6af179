// Follows Godot's core/io/tcp_server.cpp.
// TCPServer over core's TcpListener (Node only). Godot binds synchronously; Node binds on a later
// tick, so listen() returns OK for valid arguments and is_listening() turns true once bound. A bind
// failure (port taken) prints an error, as Godot's failing checks do, and is_listening() stays false.
import { capabilities, createTcpListener, type TcpListener } from "@wsport/core";
import { describe } from "@wsport/core/internal";
import {
  ERR_ALREADY_IN_USE,
  ERR_INVALID_PARAMETER,
  ERR_UNAVAILABLE,
  type GodotError,
  OK,
} from "../core/error.js";
import { printError } from "../core/print.js";
import { isBindAddress } from "./socket-io.js";
import { SocketServer } from "./socket-server.js";
import { type StreamPeerTCP, streamPeerFor } from "./stream-peer-tcp.js";

export class TCPServer extends SocketServer {
  static new(): TCPServer {
    return new TCPServer();
  }

  #listener: TcpListener | null = null;
  /** Whether the last listen() returned OK but then could not bind: Node reports that after listen() has returned. */
  #bindFailed = false;

  /** @internal Whether `server`'s last listen() returned OK but then could not bind (e.g. the port is taken). */
  static _bindFailed(server: TCPServer): boolean {
    return server.#bindFailed;
  }

  /** "*" = every address (dual-stack), "0.0.0.0" = every IPv4, "::" = every IPv6, or one IP. Port 0 = any free port. */
  listen(port: number, bind_address = "*"): GodotError {
    if (!capabilities.server) return ERR_UNAVAILABLE;
    if (this.#listener !== null) return ERR_ALREADY_IN_USE;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      printError(`Invalid port ${describe(port)}: it must be from 0 to 65535.`);
      return ERR_INVALID_PARAMETER;
    }
    if (!isBindAddress(bind_address)) {
      printError(`Invalid bind address ${describe(bind_address)}: it must be "*" or an IP address.`);
      return ERR_INVALID_PARAMETER;
    }
    const listener = createTcpListener(port, bind_address === "*" ? "::" : bind_address);
    this.#listener = listener;
    this.#bindFailed = false;
    listener.ready.catch((err: { message?: string }) => {
      printError(`TCPServer could not listen on port ${port}: ${err.message ?? String(err)}`);
      if (this.#listener !== listener) return;
      this.#listener = null; // a later listen() may try again
      this.#bindFailed = true;
    });
    return OK;
  }

  override is_listening(): boolean {
    return this.#listener?.listening ?? false;
  }

  get_local_port(): number {
    return this.#listener?.port ?? 0;
  }

  override is_connection_available(): boolean {
    return this.#listener?.listening === true && this.#listener.available > 0;
  }

  /** The next waiting connection, already connected, or null when none waits. */
  override take_connection(): StreamPeerTCP | null {
    const stream = this.#listener?.take();
    return stream === undefined ? null : streamPeerFor(stream);
  }

  /** Stops listening; connections already taken stay open. */
  override stop(): void {
    this.#listener?.close();
    this.#listener = null;
    this.#bindFailed = false;
  }
}
