import {
  bytes_to_var,
  JSON,
  Node,
  Signal,
  TYPE_DICTIONARY,
  TYPE_STRING,
  WebSocketPeer,
} from "@wsport/godot-compat";
import { gd, type Variant } from "@wsport/port-runtime";

/// Messages as Dictionaries over a WebSocket, the way signaling clients write them:
/// JSON text {"type", "id", "data"} one way, a Variant Dictionary with put_var the other.
export enum Message {
  JOIN = 0,
  PEER_CONNECT = 1,
  OFFER = 2,
}

export class JsonMessages extends Node {
  message_received = new Signal<[type: number, id: number, data: string]>("message_received");

  socket = WebSocketPeer.new();
  received: Variant[] = [];
  variants: Variant[] = [];

  open(url: string): number {
    return this.socket.connect_to_url(url);
  }

  send_msg(type: number, id: number, data: string = ""): number {
    return this.socket.send_text(
      JSON.stringify(
        gd.dict([
          ["type", type],
          ["id", id],
          ["data", data],
        ]),
      ),
    );
  }

  send_variant(value: gd.Dictionary): number {
    return this.socket.put_var(value);
  }

  _process(_delta: number): void {
    this.socket.poll();
    while (
      this.socket.get_ready_state() === WebSocketPeer.STATE_OPEN &&
      this.socket.get_available_packet_count() > 0
    ) {
      const packet = this.socket.get_packet();
      if (gd.truthy(this.socket.was_string_packet())) {
        this._parse_msg(packet.get_string_from_utf8());
      } else {
        const value = bytes_to_var(packet);
        if (gd.typeof_(value) === TYPE_DICTIONARY) {
          gd.call(this.variants, "append", gd.call(value, "keys"));
          gd.call(this.variants, "append", gd.call(value, "get", "score", -1));
        }
      }
    }
  }

  _parse_msg(text: string): boolean {
    const parsed = JSON.parse_string(text);
    if (
      gd.typeof_(parsed) !== TYPE_DICTIONARY ||
      !gd.truthy(gd.call(parsed, "has", "type")) ||
      !gd.truthy(gd.call(parsed, "has", "id")) ||
      gd.typeof_(gd.call(parsed, "get", "data")) !== TYPE_STRING
    ) {
      return false;
    }
    const msg = gd.as_type(parsed, TYPE_DICTIONARY);
    const type = gd.int(msg.type);
    if (!gd.has([Message.JOIN, Message.PEER_CONNECT, Message.OFFER], type)) {
      return false;
    }
    gd.call(this.received, "append", [type, gd.int(msg.id), msg.data]);
    this.message_received.emit(type, gd.int(msg.id), msg.data);
    return true;
  }
}

export default JsonMessages;
