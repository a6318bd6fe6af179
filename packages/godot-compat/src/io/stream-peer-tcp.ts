// Follows Godot's core/io/stream_peer_tcp.cpp.
// Godot's StreamPeerTCP: a TCP connection, taken from TCPServer.take_connection() or opened with
// connect_to_host (Node; in a browser it returns ERR_UNAVAILABLE), read and written through
// StreamPeer's methods. Its state is read live from the socket; poll() also starts reading, so
// that a close by the other side shows in get_status().
import { capabilities, connectTcp, type TcpStream } from "@wsport/core";
import { describe } from "@wsport/core/internal";
import { ERR_ALREADY_IN_USE, ERR_UNAVAILABLE, type GodotError, OK } from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { isBindAddress, plainAddress, socketIo } from "./socket-io.js";
import { StreamPeer } from "./stream-peer.js";
import { type SocketStatus, StreamPeerSocket } from "./stream-peer-socket.js";

export class StreamPeerTCP extends StreamPeerSocket {
  static new(): StreamPeerTCP {
    return new StreamPeerTCP();
  }

  /** The connection, once connect_to_host or TCPServer.take_connection made one. */
  #stream: TcpStream | undefined = undefined;

  /** @internal The core stream under `peer`, if it has one (StreamPeerTLS and the Node entry's WebSocketPeer take it over). */
  static _streamOf(peer: StreamPeerTCP): TcpStream | undefined {
    return peer.#stream;
  }

  /** @internal A StreamPeerTCP over a connection a TCPServer took. */
  static _over(stream: TcpStream): StreamPeerTCP {
    const peer = new StreamPeerTCP();
    peer.#stream = stream;
    return peer;
  }
  #bindPort = 0;
  #bindAddress: string | undefined;

  constructor() {
    super();
    StreamPeer._setIo(
      this,
      socketIo(() => this.#stream),
    );
  }

  /** Connects to `host` (an IP address or a name to resolve) on `port`; StreamPeerTCP.STATUS_CONNECTING until it is done. */
  connect_to_host(host: string, port: number): GodotError {
    if (!capabilities.server) return invalid("StreamPeerTCP is not available in browsers.", ERR_UNAVAILABLE);
    if (this.get_status() !== StreamPeerTCP.STATUS_NONE) return ERR_ALREADY_IN_USE;
    if (typeof host !== "string" || host === "") return invalid(`Invalid host ${describe(host)}.`);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return invalid(`Invalid port ${describe(port)}: it must be from 1 to 65535.`);
    }
    try {
      this.#stream = connectTcp(host, port, { port: this.#bindPort, address: this.#bindAddress });
    } catch (e) {
      return invalid(`connect_to_host() failed: ${(e as Error).message}`);
    }
    return OK;
  }

  /** The local port (and address, "*" = any) the next connect_to_host uses. */
  bind(port: number, host = "*"): GodotError {
    if (this.get_status() !== StreamPeerTCP.STATUS_NONE) return ERR_ALREADY_IN_USE;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return invalid(`Invalid port ${describe(port)}: it must be from 0 to 65535.`);
    }
    if (!isBindAddress(host))
      return invalid(`Invalid bind address ${describe(host)}: it must be "*" or an IP address.`);
    this.#bindPort = port;
    this.#bindAddress = host === "*" ? undefined : host;
    return OK;
  }

  override get_status(): SocketStatus {
    switch (this.#stream?.state) {
      case "connecting":
        return StreamPeerTCP.STATUS_CONNECTING;
      case "open":
        return StreamPeerTCP.STATUS_CONNECTED;
      case "error":
        return StreamPeerTCP.STATUS_ERROR;
      default:
        return StreamPeerTCP.STATUS_NONE;
    }
  }

  /** Starts reading (so a close by the other side is seen); status changes are read live. */
  override poll(): GodotError {
    const stream = this.#stream;
    if (stream?.state === "open") void stream.available;
    if (stream?.state === "error" && !this.#reported) {
      this.#reported = true;
      printError(`StreamPeerTCP: ${stream.error?.message ?? "connection failed"}`);
    }
    return OK;
  }
  #reported = false;

  get_connected_host(): string {
    const stream = this.#stream;
    return stream?.connected ? plainAddress(stream.remoteAddress) : "";
  }

  get_connected_port(): number {
    const stream = this.#stream;
    return stream?.connected ? stream.remotePort : 0;
  }

  get_local_port(): number {
    const stream = this.#stream;
    return stream?.connected ? stream.localPort : 0;
  }

  /** Drops the connection (STATUS_NONE); the peer can connect again. */
  override disconnect_from_host(): void {
    this.#stream?.destroy();
    this.#reported = false;
  }

  set_no_delay(enabled: boolean): void {
    if (typeof enabled !== "boolean") printError(`set_no_delay() needs a bool, got ${describe(enabled)}.`);
    else this.#stream?.setNoDelay(enabled);
  }
}

// Godot frees a StreamPeerTCP when its last reference goes, which closes the connection. Here the
// garbage collector stands in for that count: a taken stream nobody kept is closed once its peer is collected.
const unreferenced = /* @__PURE__ */ new FinalizationRegistry<TcpStream>((stream) => stream.destroy());

/** A StreamPeerTCP over a connection a TCPServer took (module-internal: not a public constructor). */
export function streamPeerFor(stream: TcpStream): StreamPeerTCP {
  const peer = StreamPeerTCP._over(stream);
  unreferenced.register(peer, stream, peer);
  return peer;
}

/** A WebSocketPeer (or a StreamPeerTLS) now owns the stream: it lives as long as that owner, not this object. */
export function handOver(peer: object): void {
  unreferenced.unregister(peer);
}
