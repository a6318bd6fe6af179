// Load for the server figure: N raw ws clients, each keeping `depth` messages in flight, counting
// echoes for a fixed time. Raw ws on purpose: only the server changes between rows.
import WebSocket from "ws";
import { reply, serve } from "./ipc.ts";

function openAll(url: string, count: number): Promise<WebSocket[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          ws.once("open", () => resolve(ws));
          ws.once("error", reject);
        }),
    ),
  );
}

serve(async (request) => {
  const { url, clients, depth, size, ms } = request as {
    url: string;
    clients: number;
    depth: number;
    size: number;
    ms: number;
  };
  const sockets = await openAll(url, clients);
  const payload = new Uint8Array(size).fill(0x61);
  let echoed = 0;
  let running = true;
  for (const ws of sockets) {
    ws.on("message", () => {
      echoed++;
      if (running) ws.send(payload);
    });
  }
  const started = performance.now();
  for (const ws of sockets) for (let i = 0; i < depth; i++) ws.send(payload);
  await new Promise((resolve) => setTimeout(resolve, ms));
  running = false;
  const seconds = (performance.now() - started) / 1000;
  const counted = echoed;
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once("close", () => resolve());
          ws.close();
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, 1000).unref();
        }),
    ),
  );
  return { echoed: counted, seconds };
});
reply({ ready: true });
