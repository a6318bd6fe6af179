// Rough load check, not a benchmark suite: N clients each echo messages back-to-back for a few
// seconds against a server in another process. Usage:
//   node dist/cli.js --port 9090 --quiet &   node bench/load.mjs ws://127.0.0.1:9090/ 200 3000
import WebSocket from "ws";

const [url = "ws://127.0.0.1:9080/", clientsArg = "200", msArg = "3000", sizeArg = "64"] =
  process.argv.slice(2);
const clients = Number(clientsArg);
const duration = Number(msArg);
const payload = Buffer.alloc(Number(sizeArg), 0x61);

const sockets = await Promise.all(
  Array.from(
    { length: clients },
    () =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      }),
  ),
);
let echoed = 0;
let running = true;
for (const ws of sockets) {
  // One message in flight per client: a round trip per echo.
  ws.on("message", () => {
    echoed++;
    if (running) ws.send(payload);
  });
  ws.send(payload);
}
await new Promise((resolve) => setTimeout(resolve, duration));
running = false;
const open = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
console.log(
  JSON.stringify({
    clients,
    open,
    seconds: duration / 1000,
    echoed,
    perSecond: Math.round(echoed / (duration / 1000)),
  }),
);
for (const ws of sockets) ws.close();
setTimeout(() => process.exit(0), 200).unref();
