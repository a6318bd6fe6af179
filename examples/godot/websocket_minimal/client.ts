// Port of godot-demo-projects networking/websocket_minimal/client.gd (Godot 4 version).
import { Node, OK, WebSocketPeer } from "@wsport/godot-compat";
import { type RichTextLabel, Time } from "../stand-in/ui.ts";

export class Client extends Node {
  /** The URL we will connect to. */
  websocket_url = "ws://localhost:9080";

  socket = WebSocketPeer.new();

  log_message(message: string): void {
    const time = `[color=#aaaaaa] ${Time.get_time_string_from_system()} |[/color] `;
    (this.get_node("%TextClient") as RichTextLabel).text += time + message + "\n";
  }

  _ready(): void {
    if (this.socket.connect_to_url(this.websocket_url) !== OK) {
      this.log_message("Unable to connect.");
      this.set_process(false);
    }
  }

  _process(_delta: number): void {
    this.socket.poll();

    if (this.socket.get_ready_state() === WebSocketPeer.STATE_OPEN) {
      while (this.socket.get_available_packet_count()) {
        this.log_message(this.socket.get_packet().get_string_from_ascii());
      }
    }
  }

  _exit_tree(): void {
    this.socket.close();
  }

  _on_button_ping_pressed(): void {
    this.socket.send_text("Ping");
  }
}
