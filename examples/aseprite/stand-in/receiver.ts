// Stand-in for the program on the other end of the Aseprite demos (the interprocessing demo's
// main.cpp, the API page's local server): listens on 127.0.0.1:34613, where the scripts connect,
// records every message and answers text with the same text. Built on @wsport/godot-compat's
// server side, polled every few ms (Node only).
import { OK, TCPServer, WebSocketPeer } from "@wsport/godot-compat";
import { until } from "../../../test/until.mjs";

export interface Received {
  text: boolean;
  data: Uint8Array;
}

export class Receiver {
  readonly received: Received[] = [];
  readonly #server = TCPServer.new();
  readonly #peers: WebSocketPeer[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;

  /**
   * 34613 lies in Linux's ephemeral range, where a socket on port 0 lands. The run's test servers keep
   * off it (test/global-setup.ts), but another test's short-lived socket can hold it for a moment: a bind
   * that has not happened within a second is tried again, for up to 30 s.
   */
  async listen(port = 34613): Promise<void> {
    const end = Date.now() + 30_000;
    for (;;) {
      if (this.#server.listen(port, "127.0.0.1") !== OK) throw new Error(`cannot listen on ${port}`);
      try {
        await until(() => this.#server.is_listening(), `port ${port}`, 1000);
        break;
      } catch (err) {
        this.#server.stop();
        if (Date.now() > end) throw new Error(`port ${port} stayed taken for 30 s`, { cause: err });
      }
    }
    this.#timer = setInterval(() => this.#poll(), 5);
  }

  /** Connections open now. */
  get open(): number {
    return this.#peers.filter((p) => p.get_ready_state() === WebSocketPeer.STATE_OPEN).length;
  }

  /** Closes every connection from this side (the other program quits). */
  close_all(): void {
    for (const peer of this.#peers) peer.close();
  }

  stop(): void {
    clearInterval(this.#timer);
    for (const peer of this.#peers) peer.close(-1);
    this.#server.stop();
  }

  #poll(): void {
    while (this.#server.is_connection_available()) {
      const peer = WebSocketPeer.new();
      peer.inbound_buffer_size = 1 << 20;
      peer.accept_stream(this.#server.take_connection());
      this.#peers.push(peer);
    }
    for (const peer of this.#peers) {
      peer.poll();
      while (peer.get_available_packet_count() > 0) {
        const data = peer.get_packet();
        const text = peer.was_string_packet();
        this.received.push({ text, data });
        if (text) peer.send_text(data.get_string_from_utf8());
      }
    }
  }
}
