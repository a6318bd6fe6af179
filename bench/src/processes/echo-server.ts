// An echo server in its own process: `ws` (a bare ws echo server) or `wsport` (@wsport/server).
// Answers { heap: true } with the settled heap and the number of open connections, and
// { cpu: true } with the CPU time it has used so far (microseconds).
import type { startServer as StartServer } from "@wsport/server";
import { WebSocketServer } from "ws";
import { reply, serve, settledHeap } from "./ipc.ts";

const kind = process.argv[2];

async function start(): Promise<{ port: number; connections: () => number }> {
  if (kind === "wsport") {
    // WSPORT_SERVER_MODULE points at a patched build, to measure what a fix buys before it lands.
    const module = process.env.WSPORT_SERVER_MODULE ?? "@wsport/server";
    const { startServer } = (await import(module)) as { startServer: typeof StartServer };
    const server = await startServer({ port: 0, host: "127.0.0.1", quiet: true });
    return { port: server.port, connections: () => server.connections };
  }
  if (kind !== "ws") throw new Error(`unknown server kind ${kind}`);
  // The same echo ws's examples and @wsport/server use: same frame type back.
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  wss.on("connection", (ws) => {
    ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary }));
  });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const address = wss.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  return { port: address.port, connections: () => wss.clients.size };
}

const server = await start();
serve(async (request) => {
  if (request.heap) return { heapUsed: settledHeap(), connections: server.connections() };
  if (request.cpu) {
    const used = process.cpuUsage();
    return { micros: used.user + used.system };
  }
  throw new Error(`unknown request ${JSON.stringify(request)}`);
});
reply({ port: server.port });
