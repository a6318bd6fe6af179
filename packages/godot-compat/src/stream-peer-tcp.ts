// StreamPeerTCP: here only the server side's accepted connection, handed to
// WebSocketPeer.accept_stream. Core has no raw TCP client, so connect_to_host is unavailable.
import type { TcpStream } from "@wsport/core";
import { plainAddress } from "./address.js";
import { constantsOnInstances } from "./class-constants.js";
import { ERR_UNAVAILABLE, type GodotError, OK } from "./error.js";
import { printError } from "./print.js";

const streams = new WeakMap<StreamPeerTCP, TcpStream>();

// Godot frees a StreamPeerTCP when its last reference goes, which closes the connection. Here the
// garbage collector stands in for that count: a stream nobody took is closed once its peer is collected.
const unreferenced = /* @__PURE__ */ new FinalizationRegistry<TcpStream>((stream) => stream.destroy());

// The instance constants are added on the first construction, not at load: a call at load would keep
// the class in every browser bundle, even one that never uses StreamPeerTCP.
let constantsShared = false;

/** The core stream behind a StreamPeerTCP taken from a TCPServer, if it is one. */
export function tcpStreamOf(peer: unknown): TcpStream | undefined {
  return typeof peer === "object" && peer !== null ? streams.get(peer as StreamPeerTCP) : undefined;
}

/** A WebSocketPeer now owns the stream: it lives as long as that peer's connection, not this object. */
export function handOver(peer: object): void {
  unreferenced.unregister(peer);
}

export class StreamPeerTCP {
  static readonly STATUS_NONE = 0;
  static readonly STATUS_CONNECTING = 1;
  static readonly STATUS_CONNECTED = 2;
  static readonly STATUS_ERROR = 3;
  declare readonly STATUS_NONE: typeof StreamPeerTCP.STATUS_NONE;
  declare readonly STATUS_CONNECTING: typeof StreamPeerTCP.STATUS_CONNECTING;
  declare readonly STATUS_CONNECTED: typeof StreamPeerTCP.STATUS_CONNECTED;
  declare readonly STATUS_ERROR: typeof StreamPeerTCP.STATUS_ERROR;

  static new(): StreamPeerTCP {
    return new StreamPeerTCP();
  }

  readonly #localPort: number;

  constructor(stream?: TcpStream, localPort = 0) {
    if (!constantsShared) {
      constantsOnInstances(StreamPeerTCP);
      constantsShared = true;
    }
    this.#localPort = localPort;
    if (stream !== undefined) {
      streams.set(this, stream);
      unreferenced.register(this, stream, this);
    }
  }

  get_status(): number {
    return streams.get(this)?.connected ? StreamPeerTCP.STATUS_CONNECTED : StreamPeerTCP.STATUS_NONE;
  }

  /** Status changes are read live from the socket, so there is nothing to do. */
  poll(): GodotError {
    return OK;
  }

  get_connected_host(): string {
    const stream = streams.get(this);
    return stream?.connected ? plainAddress(stream.remoteAddress) : "";
  }

  get_connected_port(): number {
    const stream = streams.get(this);
    return stream?.connected ? stream.remotePort : 0;
  }

  get_local_port(): number {
    return streams.get(this)?.connected ? this.#localPort : 0;
  }

  disconnect_from_host(): void {
    streams.get(this)?.destroy();
  }

  /** Kept for ports; WebSocketPeer.accept_stream turns no-delay on anyway, as Godot does. */
  set_no_delay(_enabled: boolean): void {}

  /** Not available: @wsport/core has no raw TCP client. */
  connect_to_host(_host: string, _port: number): GodotError {
    printError("StreamPeerTCP.connect_to_host() is not available in this port (server side only).");
    return ERR_UNAVAILABLE;
  }
}
