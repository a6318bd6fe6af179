#!/usr/bin/env node
// `pnpm demo`: starts @wsport/server with its fault routes, the pong game's dedicated server (a
// headless Node process, scripts/pong-server.mjs) and the Vite dev server, and prints the URLs to
// open. Ctrl-C stops all three.
//   WSPORT_PORT        the WebSocket server's port (default 9080; if 9080 is taken a free one is used)
//   PONG_PORT          the pong dedicated server's port (default 8910)
//   DEMO_PORT          the page's port (default 5173; Vite moves on to the next free one)
//   DEMO_HOST          the address all three listen on (default 127.0.0.1; 0.0.0.0 for a LAN)
//   PONG_SCORE_TO_WIN  points that win a pong match (default 10)
//   PONG_BALL_SPEED    the pong ball's serving speed in pixels per second (default 240)
import { networkInterfaces } from "node:os";
import { fileURLToPath } from "node:url";
import { startServer } from "@wsport/server";
import { createServer } from "vite";
import { pongServerControl, startPongServer } from "./pong-server.mjs";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const fixedPort = process.env.WSPORT_PORT !== undefined;
const host = process.env.DEMO_HOST ?? "127.0.0.1";
const lan = host !== "127.0.0.1" && host !== "localhost" && host !== "::1";
const optionalNumber = (name) => (process.env[name] === undefined ? undefined : Number(process.env[name]));

async function startWsServer() {
  const port = fixedPort ? Number(process.env.WSPORT_PORT) : 9080;
  try {
    return await startServer({ port, host, faults: true });
  } catch (err) {
    if (err.code !== "EADDRINUSE" || fixedPort) throw err;
    console.log(`${err.message}; using a free port instead (set WSPORT_PORT to choose one).`);
    return await startServer({ port: 0, host, faults: true });
  }
}

let wsServer;
let pong;
let vite;
try {
  wsServer = await startWsServer();
  pong = await startPongServer({
    port: Number(process.env.PONG_PORT ?? 8910),
    bind: lan ? "*" : host,
    scoreToWin: optionalNumber("PONG_SCORE_TO_WIN"),
    ballSpeed: optionalNumber("PONG_BALL_SPEED"),
    log: (line) => console.log(`  [pong server] ${line}`),
  });
  // The pages read these as import.meta.env.VITE_*. On a LAN the room's server is found on the
  // page's own host (its port is enough); on loopback the full URL is given.
  if (lan) process.env.VITE_WSPORT_PORT = String(new URL(wsServer.url).port);
  else process.env.VITE_WSPORT_SERVER = wsServer.url;
  process.env.VITE_PONG_PORT = String(pong.port);
  vite = await createServer({
    root: appDir,
    server: { host, port: Number(process.env.DEMO_PORT ?? 5173) },
    plugins: [pongServerControl(pong)],
  });
  await vite.listen();
} catch (err) {
  console.error(`demo: ${err.message}`);
  await Promise.allSettled([vite?.close(), pong?.close(), wsServer?.close()]);
  process.exit(1);
}

const pageUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
console.log("");
console.log(`  wsport server (fault routes on)   ${wsServer.url}`);
console.log(`  pong dedicated server             ws://${host}:${pong.port}/`);
console.log(`  demo: the four-adapter room       ${pageUrl}`);
console.log(`  demo: pong (open it twice)        ${pageUrl}pong.html`);
if (lan) {
  for (const url of vite.resolvedUrls?.network ?? [])
    console.log(`  from another machine              ${url}pong.html`);
  if (!vite.resolvedUrls?.network.length)
    console.log(`  (no LAN address found: ${Object.keys(networkInterfaces()).join(", ")})`);
}
console.log("");
console.log("  Open a demo URL in a browser. Ctrl-C stops all three servers.");

let stopping = false;
async function stop(signal) {
  if (stopping) process.exit(1); // a second Ctrl-C: do not wait any longer
  stopping = true;
  console.log(`\n${signal}: stopping the demo...`);
  await Promise.allSettled([vite.close(), pong.close(), wsServer.close()]);
  process.exit(0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
