// A child of `stress load`: either the server (reports its port and RSS) or a client process.
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { startServer } from "../../server/src/index.ts";

const [role, portArg, countArg, secondsArg] = process.argv.slice(2);
const send = (m: unknown) => process.send?.(m);

if (role === "server") {
  const server = await startServer({ port: 0, quiet: true });
  send({ port: server.port });
  setInterval(() => send({ rss: process.memoryUsage().rss }), 1000);
} else {
  const port = Number(portArg);
  const count = Number(countArg);
  const seconds = Number(secondsArg);
  const stats = { held: 0, failed: 0, sent: 0, received: 0, latencies: [] as number[] };
  const sockets: WebSocket[] = [];
  // Open in batches so the accept queue is not flooded.
  for (let i = 0; i < count; i += 200) {
    await Promise.all(
      Array.from(
        { length: Math.min(200, count - i) },
        () =>
          new Promise<void>((resolve) => {
            const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
            ws.on("open", () => {
              sockets.push(ws);
              resolve();
            });
            ws.on("message", (data) => {
              stats.received++;
              stats.latencies.push(performance.now() - Number(data.toString()));
            });
            ws.on("error", () => {
              stats.failed++;
              resolve();
            });
          }),
      ),
    );
  }
  // Each connection sends once a second, spread evenly over the second.
  const start = performance.now();
  const timers = sockets.map((ws, i) =>
    setTimeout(
      () => {
        const tick = setInterval(() => {
          if (performance.now() - start > seconds * 1000) return clearInterval(tick);
          if (ws.readyState === WebSocket.OPEN) {
            ws.send(String(performance.now()));
            stats.sent++;
          }
        }, 1000);
      },
      (i * 1000) / sockets.length,
    ),
  );
  await new Promise((r) => setTimeout(r, seconds * 1000 + 3000));
  void timers;
  stats.held = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
  stats.failed += sockets.length - stats.held;
  for (const ws of sockets) ws.terminate();
  // Exit only once the (large) report has been handed over.
  process.send?.(stats, () => process.exit(0));
}
