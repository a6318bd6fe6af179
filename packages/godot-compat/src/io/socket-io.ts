// Follows Godot's core/io/stream_peer_tcp.cpp (the socket under a stream).
// The core byte stream behind a StreamPeerTCP or StreamPeerTLS (their internal `_stream`, kept out of
// the published types), and the StreamPeer I/O over it.
import type { TcpStream } from "@wsport/core";
import { FAILED, OK } from "../core/error.js";
import type { ByteIo } from "./stream-peer.js";

/** A StreamPeerTCP or StreamPeerTLS: what socketIo reads and writes through. */
export interface SocketPeer {
  /** @internal The core stream under the peer, if it has one. */
  _stream: TcpStream | undefined;
}

/** The core stream behind a StreamPeerTCP or StreamPeerTLS, if `peer` is one that has one. */
export function coreStreamOf(peer: unknown): TcpStream | undefined {
  return typeof peer === "object" && peer !== null ? (peer as Partial<SocketPeer>)._stream : undefined;
}

/** StreamPeer I/O over `peer`'s core stream: bytes that arrived stay readable after a close. */
export function socketIo(peer: SocketPeer): ByteIo {
  return {
    waits: true,
    available: () => peer._stream?.available ?? 0,
    read(max, peek) {
      const stream = peer._stream;
      if (stream === undefined || (stream.available === 0 && !stream.connected)) return FAILED;
      return stream.read(max, peek);
    },
    write(bytes) {
      const stream = peer._stream;
      return stream?.write(bytes) ? OK : FAILED;
    },
  };
}

/** "::ffff:127.0.0.1" (an IPv4 peer on a dual-stack socket) reads as "127.0.0.1", as in Godot. */
export function plainAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/;

/** "*" or an IP address (what TCPServer.listen and StreamPeerTCP.bind take). */
export function isBindAddress(address: unknown): address is string {
  return address === "*" || (typeof address === "string" && (IPV4.test(address) || IPV6.test(address)));
}
