// Port of a small public Godot 4 client wrapper (extends RefCounted; see README.md for its source).
import {
  // biome-ignore lint/suspicious/noShadowRestrictedNames: Godot's Error enum, as the script names it
  type Error,
  error_string,
  OK,
  type PackedByteArray,
  print_verbose,
  push_error,
  Signal,
  str,
  TLSOptions,
  WebSocketPeer,
} from "@wsport/godot-compat";
import { OS, RefCounted } from "../stand-in/ui.ts";

const TRACE = true;

export class WebSocketClient extends RefCounted {
  recv_text = new Signal<[message: string]>(this, "recv_text");
  recv_binary = new Signal<[message: PackedByteArray]>(this, "recv_binary");
  connected = new Signal<[]>(this, "connected");
  disconnected = new Signal<[]>(this, "disconnected");

  socket: WebSocketPeer | null = null;

  _last_state: number = WebSocketPeer.STATE_CLOSED;

  connect_to_url(url: string): Error {
    if (TRACE) print_verbose(`WebSocketClient: connect_to_url(${url})`);

    const tls_options = OS.has_feature("web") ? TLSOptions.client() : TLSOptions.client_unsafe();

    this.socket = WebSocketPeer.new();

    const err = this.socket.connect_to_url(url, tls_options);
    if (err !== OK) {
      push_error("Failed to open socket: ", error_string(err));
      return err;
    }

    this._last_state = this.socket.get_ready_state();
    if (TRACE) print_verbose(`WebSocketClient: connect_to_url(${url}) -> OK`);
    return OK;
  }

  close(code = 1000, reason = ""): void {
    if (TRACE) print_verbose(`WebSocketClient: close(${code}, ${reason})`);
    if (this.socket) {
      this.socket.close(1000, reason);
    }
  }

  send_text(message: string): Error {
    if (TRACE) print_verbose(`WebSocketClient: send_text(${message})`);
    return this.socket!.send_text(message);
  }

  send_binary(message: PackedByteArray): Error {
    if (TRACE) print_verbose(`WebSocketClient: send_binary(${str(message)})`);
    return this.socket!.send(message);
  }

  poll(): void {
    if (!this.socket) {
      return;
    }

    if (this.socket.get_ready_state() !== WebSocketPeer.STATE_CLOSED) {
      this.socket.poll();
    }

    const state = this.socket.get_ready_state();

    if (this._last_state !== state) {
      if (TRACE) print_verbose(`WebSocketClient: state changed (${this._last_state} => ${state})`);
      this._last_state = state;
      if (state === WebSocketPeer.STATE_OPEN) {
        this.connected.emit();
      } else if (state === WebSocketPeer.STATE_CLOSED) {
        this.disconnected.emit();
        this.socket = null;
        return;
      }
    }

    while (
      this.socket.get_ready_state() === this.socket.STATE_OPEN &&
      this.socket.get_available_packet_count() > 0
    ) {
      const pkt: PackedByteArray = this.socket.get_packet();
      if (this.socket.was_string_packet()) {
        this.recv_text.emit(pkt.get_string_from_utf8());
      } else {
        this.recv_binary.emit(pkt);
      }
    }
  }
}
