// The Godot player: the docs' minimal WebSocket client node ported from GDScript. Nothing arrives
// by callback: _process() polls the peer every frame and reads its state and packets.
import { OK, WebSocketPeer } from "@wsport/godot-compat";
import type { Reporter } from "../panel.ts";
import type { GameLink } from "../protocol.ts";
import type { NetPlayer } from "./player.ts";

const STATE_NAMES = ["STATE_CONNECTING", "STATE_OPEN", "STATE_CLOSING", "STATE_CLOSED"];
// WebSocketPeer has no connect timeout of its own, so a Godot game keeps one.
const CONNECT_TIMEOUT_MS = 3000;

class GodotClient {
  socket = new WebSocketPeer();
  last_state: number = WebSocketPeer.STATE_CLOSED;
  connect_started = 0;

  constructor(
    readonly game: GameLink,
    readonly report: Reporter,
  ) {}

  _ready(url: string) {
    const err = this.socket.connect_to_url(url);
    if (err !== OK) {
      this.report.event("connect_to_url", `returned error ${err}`);
      this.report.error(`connect_to_url() returned ${err}`);
      return;
    }
    this.connect_started = performance.now();
    this._process(performance.now());
  }

  _process(now: number) {
    this.socket.poll();
    const state = this.socket.get_ready_state();
    if (state !== this.last_state) this.state_changed(state);

    if (state === WebSocketPeer.STATE_OPEN) {
      while (this.socket.get_available_packet_count() > 0) {
        const packet = this.socket.get_packet();
        const text = this.socket.was_string_packet() ? packet.get_string_from_utf8() : packet;
        const reply = this.game.receive(text, now);
        if (reply) this.socket.send_text(reply);
      }
      for (const message of this.game.due(now)) this.socket.send_text(message);
    } else if (state === WebSocketPeer.STATE_CONNECTING && now - this.connect_started > CONNECT_TIMEOUT_MS) {
      this.report.event("timeout", `gave up after ${CONNECT_TIMEOUT_MS} ms: close()`);
      this.socket.close();
    }
  }

  state_changed(state: number) {
    this.last_state = state;
    const name = STATE_NAMES[state] ?? String(state);
    if (state === WebSocketPeer.STATE_CLOSED) {
      const code = this.socket.get_close_code();
      const reason = this.socket.get_close_reason();
      const text = `get_close_code()=${code} reason="${reason}"`; // -1: no close frame (Node)
      this.report.event(name, text);
      this.report.closed(text);
    } else {
      this.report.event(name);
    }
    if (state === WebSocketPeer.STATE_OPEN) this.game.restart();
    this.report.state(name, state === WebSocketPeer.STATE_OPEN);
  }
}

export function godotPlayer(game: GameLink): NetPlayer {
  let node: GodotClient | undefined;
  // An old node keeps polling until its close completes, like a node freed after its socket closed.
  const closing = new Set<GodotClient>();
  return {
    join(url, report) {
      node = new GodotClient(game, report);
      node._ready(url);
    },
    leave() {
      if (!node) return;
      node.socket.close();
      closing.add(node);
      node = undefined;
    },
    update(now) {
      node?._process(now);
      for (const old of closing) {
        old._process(now);
        if (old.last_state === WebSocketPeer.STATE_CLOSED) closing.delete(old);
      }
    },
  };
}
