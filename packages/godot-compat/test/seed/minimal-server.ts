// The seed's "Minimal server example", line for line (Node only).
import { OK, TCPServer, WebSocketPeer } from "@wsport/godot-compat";
import { Node } from "./node.ts";

export class MinimalServer extends Node {
  // The port we will listen to (the seed uses 9080; tests pass 0 for any free port).
  PORT = 9080;

  // Our TCP Server instance.
  _tcp_server = TCPServer.new();

  // Our connected peers list.
  _peers = new Map<number, WebSocketPeer>();

  last_peer_id = 1;

  override _ready() {
    // Start listening on the given port.
    const err = this._tcp_server.listen(this.PORT);
    if (err === OK) {
      this.print("Server started.");
    } else {
      this.push_error("Unable to start server.");
      this.set_process(false);
    }
  }

  override _process(_delta: number) {
    while (this._tcp_server.is_connection_available()) {
      this.last_peer_id += 1;
      this.print(`+ Peer ${this.last_peer_id} connected.`);
      const ws = WebSocketPeer.new();
      ws.accept_stream(this._tcp_server.take_connection());
      this._peers.set(this.last_peer_id, ws);
    }

    // Iterate over all connected peers using "keys()" so we can erase in the loop
    for (const peer_id of [...this._peers.keys()]) {
      const peer = this._peers.get(peer_id)!;

      peer.poll();

      const peer_state = peer.get_ready_state();
      if (peer_state === WebSocketPeer.STATE_OPEN) {
        while (peer.get_available_packet_count()) {
          const packet = peer.get_packet();
          if (peer.was_string_packet()) {
            const packet_text = packet.get_string_from_utf8();
            this.print(`< Got text data from peer ${peer_id}: ${packet_text} ... echoing`);
            // Echo the packet back.
            peer.send_text(packet_text);
          } else {
            this.print(`< Got binary data from peer ${peer_id}: ${packet.size()} ... echoing`);
            // Echo the packet back.
            peer.send(packet);
          }
        }
      } else if (peer_state === WebSocketPeer.STATE_CLOSED) {
        // Remove the disconnected peer.
        this._peers.delete(peer_id);
        const code = peer.get_close_code();
        const reason = peer.get_close_reason();
        this.print(`- Peer ${peer_id} closed with code: ${code}, reason ${reason}. Clean: ${code !== -1}`);
      }
    }
  }
}
