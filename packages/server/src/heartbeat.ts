// Dead-peer detection: each tick terminates peers that did not answer the previous ping, then pings the rest.
import type { WebSocket } from "ws";

export interface Heartbeat {
  /** Starts listening for the pongs of a new connection. */
  watch(ws: WebSocket): void;
  stop(): void;
}

/** Pings every connection in `clients` (the server's live set) every `interval` ms. */
export function startHeartbeat(clients: ReadonlySet<WebSocket>, interval: number): Heartbeat {
  const awaitingPong = new WeakSet<WebSocket>();
  const onPong = function (this: WebSocket) {
    awaitingPong.delete(this);
  };

  const timer = setInterval(() => {
    for (const ws of clients) {
      if (awaitingPong.has(ws)) {
        ws.terminate();
        continue;
      }
      awaitingPong.add(ws);
      ws.ping();
    }
  }, interval);
  timer.unref(); // a heartbeat alone must not keep the process alive

  return {
    watch: (ws) => ws.on("pong", onPong),
    stop: () => clearInterval(timer),
  };
}
