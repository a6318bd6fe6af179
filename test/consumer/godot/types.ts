// What a game's TypeScript writes against @wsport/godot-compat, checked strict.
import { type GodotError, OK, PackedByteArray, WebSocketPeer } from "@wsport/godot-compat";

const socket: WebSocketPeer = WebSocketPeer.new();
const err: GodotError = socket.connect_to_url("ws://127.0.0.1:9080");
if (err === OK) {
  socket.poll();
  if (socket.get_ready_state() === WebSocketPeer.STATE_OPEN) {
    socket.send_text("hi");
    socket.send(new PackedByteArray([1, 2, 3]), WebSocketPeer.WRITE_MODE_BINARY);
    socket.send(new PackedByteArray([1, 2, 3]), WebSocketPeer.WRITE_MODE_TEXT);
    // @ts-expect-error 7 is no WriteMode
    socket.send(new PackedByteArray([1]), 7);
    while (socket.get_available_packet_count() > 0) {
      const packet: PackedByteArray = socket.get_packet();
      console.log(socket.was_string_packet() ? packet.get_string_from_utf8() : packet.size());
    }
  }
}
