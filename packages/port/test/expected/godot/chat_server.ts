import { Node, Signal, TCPServer, WebSocketPeer } from "@wsport/godot-compat";
import { gd } from "@wsport/port-runtime";

export class ChatServer extends Node {
  /// Relays each chat line to every other client, tagged with the sender's number.
  client_joined = new Signal<[id: number]>("client_joined");

  _tcp = TCPServer.new();
  _clients = gd.dict(); // id -> WebSocketPeer
  _open = gd.dict();
  _next_id = 1;
  log_lines: string[] = [];

  listen(port: number): number {
    return this._tcp.listen(port, "127.0.0.1");
  }

  stop(): void {
    for (const id of gd.iter(this._clients)) {
      gd.index(this._clients, id).close();
    }
    this._tcp.stop();
  }

  _process(_delta: number): void {
    while (gd.truthy(this._tcp.is_connection_available())) {
      const ws = WebSocketPeer.new();
      ws.accept_stream(this._tcp.take_connection());
      gd.set_index(this._clients, this._next_id, ws);
      this._next_id += 1;
    }

    for (const id of gd.iter(gd.call(this._clients, "keys"))) {
      const ws: WebSocketPeer = gd.index(this._clients, id);
      ws.poll();
      const state = ws.get_ready_state();
      if (state === WebSocketPeer.STATE_OPEN && !gd.has(this._open, id)) {
        gd.set_index(this._open, id, true);
        this.client_joined.emit(id);
        this._relay(id, gd.format("[%d] joined", id));
      }
      while (ws.get_available_packet_count() > 0) {
        const text = ws.get_packet().get_string_from_utf8();
        gd.call(this.log_lines, "append", gd.format("%d: %s", [id, text]));
        this._relay(id, gd.format("[%d] %s", [id, text]));
      }
      if (state === WebSocketPeer.STATE_CLOSED) {
        gd.call(this._clients, "erase", id);
        if (gd.truthy(gd.call(this._open, "erase", id))) {
          this._relay(id, gd.format("[%d] left", id));
        }
      }
    }
  }

  // Sends to every open client except the one the line came from.
  _relay(from_id: number, text: string): void {
    for (const id of gd.iter(this._clients)) {
      if (id !== from_id && gd.has(this._open, id)) {
        gd.index(this._clients, id).send_text(text);
      }
    }
  }
}

export default ChatServer;
