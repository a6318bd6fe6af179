#!/usr/bin/env node
// `pnpm demo`: starts @wsport/server with its fault routes and the Vite dev server, both on
// loopback, and prints the URL to open. Ctrl-C stops both.
//   WSPORT_PORT  the WebSocket server's port (default 9080; if 9080 is taken a free one is used)
//   DEMO_PORT    the page's port (default 5173; Vite moves on to the next free one)
import { fileURLToPath } from "node:url";
import { startServer } from "@wsport/server";
import { createServer } from "vite";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const fixedPort = process.env.WSPORT_PORT !== undefined;

async function startWsServer() {
  const port = fixedPort ? Number(process.env.WSPORT_PORT) : 9080;
  try {
    return await startServer({ port, host: "127.0.0.1", faults: true });
  } catch (err) {
    if (err.code !== "EADDRINUSE" || fixedPort) throw err;
    console.log(`${err.message}; using a free port instead (set WSPORT_PORT to choose one).`);
    return await startServer({ port: 0, host: "127.0.0.1", faults: true });
  }
}

let wsServer;
let vite;
try {
  wsServer = await startWsServer();
  process.env.VITE_WSPORT_SERVER = wsServer.url; // the page reads it as import.meta.env.VITE_WSPORT_SERVER
  vite = await createServer({
    root: appDir,
    server: { host: "127.0.0.1", port: Number(process.env.DEMO_PORT ?? 5173) },
  });
  await vite.listen();
} catch (err) {
  console.error(`demo: ${err.message}`);
  await Promise.allSettled([vite?.close(), wsServer?.close()]);
  process.exit(1);
}

const pageUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
console.log("");
console.log(`  wsport server (fault routes on)  ${wsServer.url}`);
console.log(`  demo                             ${pageUrl}`);
console.log("");
console.log("  Open the demo URL in a browser. Ctrl-C stops both servers.");

let stopping = false;
async function stop(signal) {
  if (stopping) process.exit(1); // a second Ctrl-C: do not wait any longer
  stopping = true;
  console.log(`\n${signal}: stopping the demo...`);
  await Promise.allSettled([vite.close(), wsServer.close()]);
  process.exit(0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
