import { Node, OK, Signal, WebSocketPeer } from "@wsport/godot-compat";
import { gd } from "@wsport/port-runtime";

export class ChatClient extends Node {
  /// A chat client: connects, sends what the user types, and logs what arrives.
  line_received = new Signal<[text: string]>("line_received");

  url = "ws://127.0.0.1:9080/";
  socket = WebSocketPeer.new();
  log_lines: string[] = [];
  _was_open = false; // becomes true once the handshake is done

  _ready(): void {
    const err = this.socket.connect_to_url(this.url);
    if (err !== OK) {
      this._log(gd.format("Could not connect to %s (error %d)", [this.url, err]));
    }
  }

  _process(_delta: number): void {
    this.socket.poll();
    const state = this.socket.get_ready_state();
    if (state === WebSocketPeer.STATE_OPEN && !this._was_open) {
      this._was_open = true;
      this._log("Connected to " + this.url);
    }
    while (state === WebSocketPeer.STATE_OPEN && this.socket.get_available_packet_count() > 0) {
      const text = this.socket.get_packet().get_string_from_utf8();
      this._log("< " + text);
      this.line_received.emit(text);
    }
    if (state === WebSocketPeer.STATE_CLOSED && this._was_open) {
      this._was_open = false;
      this._log(gd.format("Closed: %d %s", [this.socket.get_close_code(), this.socket.get_close_reason()]));
    }
  }

  // Sends one line; blank lines are not sent.
  say(text: string): void {
    if (gd.truthy(gd.call(gd.call(text, "strip_edges"), "is_empty"))) {
      return;
    }
    this.socket.send_text(text);
    this._log("> " + text);
  }

  leave(): void {
    this.socket.close(1000, "bye");
  }

  _log(message: string): void {
    gd.call(this.log_lines, "append", message);
    gd.print(message);
  }
}

export default ChatClient;
