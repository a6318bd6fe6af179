// The seed's "Minimal client example", line for line.
import { OK, WebSocketPeer } from "@wsport/godot-compat";
import { create_timer, Node } from "./node.ts";

export class MinimalClient extends Node {
  // The URL we will connect to.
  websocket_url = "wss://echo.websocket.org";
  /** How long _ready waits before sending (the seed waits 2 s). */
  wait_seconds = 2;

  // Our WebSocketClient instance.
  socket = WebSocketPeer.new();

  override async _ready() {
    // Initiate connection to the given URL.
    const err = this.socket.connect_to_url(this.websocket_url);
    if (err === OK) {
      this.print(`Connecting to ${this.websocket_url}...`);
      // Wait for the socket to connect.
      await create_timer(this.wait_seconds);
      // Send data.
      this.print("> Sending test packet.");
      this.socket.send_text("Test packet");
    } else {
      this.push_error("Unable to connect.");
      this.set_process(false);
    }
  }

  override _process(_delta: number) {
    // Data transfer and state updates will only happen when calling this function.
    this.socket.poll();

    // get_ready_state() tells you what state the socket is in.
    const state = this.socket.get_ready_state();

    // `WebSocketPeer.STATE_OPEN` means the socket is connected and ready to send and receive data.
    if (state === WebSocketPeer.STATE_OPEN) {
      while (this.socket.get_available_packet_count()) {
        const packet = this.socket.get_packet();
        if (this.socket.was_string_packet()) {
          const packet_text = packet.get_string_from_utf8();
          this.print(`< Got text data from server: ${packet_text}`);
        } else {
          this.print(`< Got binary data from server: ${packet.size()} bytes`);
        }
      }
    }
    // `WebSocketPeer.STATE_CLOSING` means the socket is closing.
    // It is important to keep polling for a clean close.
    else if (state === WebSocketPeer.STATE_CLOSING) {
    }
    // `WebSocketPeer.STATE_CLOSED` means the connection has fully closed.
    // It is now safe to stop polling.
    else if (state === WebSocketPeer.STATE_CLOSED) {
      // The code will be `-1` if the disconnection was not properly notified by the remote peer.
      const code = this.socket.get_close_code();
      this.print(`WebSocket closed with code: ${code}. Clean: ${code !== -1}`);
      this.set_process(false); // Stop processing.
    }
  }
}
