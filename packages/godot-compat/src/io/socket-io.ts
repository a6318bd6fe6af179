// Follows Godot's core/io/stream_peer_tcp.cpp (the socket under a stream).
// The StreamPeer I/O over the core byte stream behind a StreamPeerTCP or StreamPeerTLS, and the
// address rules they share.
import type { TcpStream } from "@wsport/core";
import { FAILED, OK } from "../core/error.js";
import type { ByteIo } from "./stream-peer.js";

/** StreamPeer I/O over a peer's core stream (`stream()` gives it): bytes that arrived stay readable after a close. */
export function socketIo(streamOf: () => TcpStream | undefined): ByteIo {
  return {
    waits: true,
    available: () => streamOf()?.available ?? 0,
    read(max, peek) {
      const stream = streamOf();
      if (stream === undefined || (stream.available === 0 && !stream.connected)) return FAILED;
      return stream.read(max, peek);
    },
    write(bytes) {
      const stream = streamOf();
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
