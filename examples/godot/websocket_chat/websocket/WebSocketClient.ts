// Port of godot-demo-projects networking/websocket_chat/websocket/WebSocketClient.gd.
import {
  bytes_to_var,
  Node,
  OK,
  Signal,
  type TLSOptions,
  type Variant,
  var_to_bytes,
  WebSocketPeer,
} from "@wsport/godot-compat";

export class WebSocketClient extends Node {
  handshake_headers: string[] = [];
  supported_protocols: string[] = [];
  tls_options: TLSOptions | null = null;

  socket = WebSocketPeer.new();
  last_state: number = WebSocketPeer.STATE_CLOSED;

  connected_to_server = new Signal<[]>(this, "connected_to_server");
  connection_closed = new Signal<[]>(this, "connection_closed");
  message_received = new Signal<[message: Variant]>(this, "message_received");

  connect_to_url(url: string): number {
    this.socket.supported_protocols = this.supported_protocols;
    this.socket.handshake_headers = this.handshake_headers;

    const err = this.socket.connect_to_url(url, this.tls_options);
    if (err !== OK) {
      return err;
    }

    this.last_state = this.socket.get_ready_state();
    return OK;
  }

  send(message: string): number {
    if (typeof message === "string") {
      return this.socket.send_text(message);
    }
    return this.socket.send(var_to_bytes(message));
  }

  get_message(): Variant {
    if (this.socket.get_available_packet_count() < 1) {
      return null;
    }
    const pkt = this.socket.get_packet();
    if (this.socket.was_string_packet()) {
      return pkt.get_string_from_utf8();
    }
    return bytes_to_var(pkt);
  }

  close(code = 1000, reason = ""): void {
    this.socket.close(code, reason);
    this.last_state = this.socket.get_ready_state();
  }

  clear(): void {
    this.socket = WebSocketPeer.new();
    this.last_state = this.socket.get_ready_state();
  }

  get_socket(): WebSocketPeer {
    return this.socket;
  }

  poll(): void {
    if (this.socket.get_ready_state() !== this.socket.STATE_CLOSED) {
      this.socket.poll();
    }

    const state = this.socket.get_ready_state();

    if (this.last_state !== state) {
      this.last_state = state;
      if (state === this.socket.STATE_OPEN) {
        this.connected_to_server.emit();
      } else if (state === this.socket.STATE_CLOSED) {
        this.connection_closed.emit();
      }
    }
    while (
      this.socket.get_ready_state() === this.socket.STATE_OPEN &&
      this.socket.get_available_packet_count()
    ) {
      this.message_received.emit(this.get_message());
    }
  }

  _process(_delta: number): void {
    this.poll();
  }
}
