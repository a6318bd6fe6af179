// Follows Godot's core/io/socket_server.cpp.
// Godot 4.7's SocketServer: what every listening socket shares; TCPServer extends it.
import type { StreamPeerSocket } from "./stream-peer-socket.js";

export abstract class SocketServer {
  /** A connection waits to be taken. */
  abstract is_connection_available(): boolean;
  abstract is_listening(): boolean;
  /** Stops listening; connections already taken stay open. */
  abstract stop(): void;

  /** The next waiting connection, or null when none waits (TCPServer's take_connection under its 4.7 name). */
  take_socket_connection(): StreamPeerSocket | null {
    return this.take_connection();
  }
  abstract take_connection(): StreamPeerSocket | null;
}
