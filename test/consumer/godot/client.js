// Godot: WebSocketPeer polled like _process(), one text packet echoed back.
import { OK, PackedByteArray, WebSocketPeer } from "@wsport/godot-compat";

export function run(url, print) {
  const socket = WebSocketPeer.new();
  if (socket.connect_to_url(url) !== OK) return Promise.reject(new Error("connect_to_url failed"));
  let sent = false;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      socket.poll();
      const state = socket.get_ready_state();
      if (state === WebSocketPeer.STATE_OPEN && !sent) sent = socket.send_text("hello from godot") === OK;
      if (state === WebSocketPeer.STATE_OPEN && socket.get_available_packet_count() > 0) {
        clearInterval(timer);
        const packet = socket.get_packet();
        socket.close();
        resolve({ echo: packet.get_string_from_utf8(), printed: [print(socket), print(packet)] });
      } else if (state === WebSocketPeer.STATE_CLOSED) {
        clearInterval(timer);
        reject(new Error(`closed with ${socket.get_close_code()}`));
      }
    }, 10);
  });
}

export { PackedByteArray };
