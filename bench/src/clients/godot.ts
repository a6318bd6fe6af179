// Godot's WebSocketPeer: poll() + get_packet(). By default driven by a loop that polls on every
// event-loop turn (setImmediate in Node, a MessageChannel in a page) rather than a 16 ms frame timer,
// so the figures are the library's and not a frame clock's; with `driver: "caller"` the caller polls
// once per frame, as a game does. The buffers are raised so 32 pipelined 16 KiB messages fit
// (Godot's defaults are 64 KiB, as a game would also have to).
import { OK, WebSocketPeer } from "@wsport/godot-compat";
import { nextTurn } from "./next-turn.ts";
import type { ClientKind } from "./types.ts";

export const BENCH_BUFFER = 1 << 20;

/** An open peer, polled until it is open (rejects if it closes first). */
export function openPeer(url: string): Promise<WebSocketPeer> {
  const peer = new WebSocketPeer();
  peer.inbound_buffer_size = BENCH_BUFFER;
  peer.outbound_buffer_size = BENCH_BUFFER;
  const status = peer.connect_to_url(url);
  return new Promise((resolve, reject) => {
    if (status !== OK) return reject(new Error(`connect_to_url returned ${status}`));
    const tick = () => {
      peer.poll();
      const state = peer.get_ready_state();
      if (state === WebSocketPeer.STATE_OPEN) resolve(peer);
      else if (state === WebSocketPeer.STATE_CLOSED)
        reject(new Error(`closed with ${peer.get_close_code()}`));
      else nextTurn(tick);
    };
    tick();
  });
}

export const godot: ClientKind = {
  name: "@wsport/godot-compat",
  note: "Godot: poll() driven by a loop on every event-loop turn (not a 16 ms frame timer), except in the browser frame figure (once per frame); inbound/outbound buffers 1 MiB.",
  async open(url, onReply, options) {
    const peer = await openPeer(url);
    const drain = () => {
      peer.poll();
      while (peer.get_available_packet_count() > 0) {
        peer.get_packet();
        onReply();
      }
    };
    let polling = options?.driver !== "caller";
    const tick = () => {
      if (!polling) return;
      drain();
      if (peer.get_ready_state() === WebSocketPeer.STATE_CLOSED) polling = false;
      else nextTurn(tick);
    };
    if (polling) nextTurn(tick);
    return {
      send: (payload) => {
        const status = typeof payload === "string" ? peer.send_text(payload) : peer.send(payload);
        if (status !== OK) throw new Error(`send returned ${status}`);
      },
      close: () => {
        polling = false;
        peer.close();
      },
      poll: drain,
    };
  },
};
