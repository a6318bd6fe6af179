// Follows Godot's core/io/stream_peer_socket.cpp.
// Godot 4.7's StreamPeerSocket: what every socket stream shares (its status, poll, disconnect_from_host);
// StreamPeerTCP extends it.
import { constantsOnInstances } from "../core/class-constants.js";
import type { GodotError } from "../core/error.js";
import { StreamPeer } from "./stream-peer.js";

/** StreamPeerSocket.Status: STATUS_NONE (0), STATUS_CONNECTING (1), STATUS_CONNECTED (2) or STATUS_ERROR (3). */
export type SocketStatus = 0 | 1 | 2 | 3;

export abstract class StreamPeerSocket extends StreamPeer {
  static readonly STATUS_NONE = 0;
  static readonly STATUS_CONNECTING = 1;
  static readonly STATUS_CONNECTED = 2;
  static readonly STATUS_ERROR = 3;

  declare readonly STATUS_NONE: typeof StreamPeerSocket.STATUS_NONE;
  declare readonly STATUS_CONNECTING: typeof StreamPeerSocket.STATUS_CONNECTING;
  declare readonly STATUS_CONNECTED: typeof StreamPeerSocket.STATUS_CONNECTED;
  declare readonly STATUS_ERROR: typeof StreamPeerSocket.STATUS_ERROR;

  constructor() {
    super();
    // On the first instance rather than at load, so that a bundle which never makes one can drop the class.
    if (!Object.hasOwn(StreamPeerSocket.prototype, "STATUS_NONE")) constantsOnInstances(StreamPeerSocket);
  }

  /** Reads what the socket has (so a close by the other side shows in get_status()). */
  abstract poll(): GodotError;
  abstract get_status(): SocketStatus;
  /** Drops the connection (STATUS_NONE); the peer can connect again. */
  abstract disconnect_from_host(): void;
}
