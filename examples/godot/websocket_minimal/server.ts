// Port of godot-demo-projects networking/websocket_minimal/server.gd (Godot 4 version).
import { Node, OK, type StreamPeerTCP, TCPServer, WebSocketPeer } from "@wsport/godot-compat";
import { assert, type RichTextLabel, Time } from "../stand-in/ui.ts";

export class Server extends Node {
  /** The port the server will listen on. */
  PORT = 9080;

  tcp_server = TCPServer.new();
  socket = WebSocketPeer.new();

  log_message(message: string): void {
    const time = `[color=#aaaaaa] ${Time.get_time_string_from_system()} |[/color] `;
    (this.get_node("%TextServer") as RichTextLabel).text += time + message + "\n";
  }

  _ready(): void {
    if (this.tcp_server.listen(this.PORT) !== OK) {
      this.log_message("Unable to start server.");
      this.set_process(false);
    }
  }

  _process(_delta: number): void {
    while (this.tcp_server.is_connection_available()) {
      const conn: StreamPeerTCP | null = this.tcp_server.take_connection();
      assert(conn !== null);
      this.socket.accept_stream(conn);
    }

    this.socket.poll();

    if (this.socket.get_ready_state() === WebSocketPeer.STATE_OPEN) {
      while (this.socket.get_available_packet_count()) {
        this.log_message(this.socket.get_packet().get_string_from_ascii());
      }
    }
  }

  _exit_tree(): void {
    this.socket.close();
    this.tcp_server.stop();
  }

  _on_button_pong_pressed(): void {
    this.socket.send_text("Pong");
  }
}
