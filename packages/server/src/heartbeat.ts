// Dead-peer detection: each tick terminates peers that did not answer the previous ping, then pings the rest.
import type { WebSocket, WebSocketServer } from "ws";

export function startHeartbeat(wss: WebSocketServer, interval: number): () => void {
  const awaitingPong = new WeakSet<WebSocket>();
  const onPong = function (this: WebSocket) {
    awaitingPong.delete(this);
  };
  const watch = (ws: WebSocket) => ws.on("pong", onPong);
  wss.on("connection", watch);

  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (awaitingPong.has(ws)) {
        ws.terminate();
        continue;
      }
      awaitingPong.add(ws);
      ws.ping();
    }
  }, interval);
  timer.unref(); // a heartbeat alone must not keep the process alive

  return () => {
    clearInterval(timer);
    wss.off("connection", watch);
  };
}
