// pnpm --filter @wsport/conformance godot-multiplayer-load [--clients 200] [--packets 100] [--seconds 60]
// Godot's high-level multiplayer under load: one SceneMultiplayer server in one process, `clients`
// SceneMultiplayer clients in another. Each client sends `packets` numbered packets to the next
// client through the server's relay; every receiver checks each sender's sequence for losses and
// reordering. Loopback only; the run stops by itself after `seconds`.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { flag, mib } from "./args.ts";

export interface ClientReport {
  joined: number;
  sent: number;
  received: number;
  lost: number;
  reordered: number;
  joinMs: number;
  exchangeMs: number;
  timedOut: boolean;
}

const clients = flag("clients", 200);
const packets = flag("packets", 100);
const seconds = flag("seconds", 60);
const worker = fileURLToPath(new URL("./godot-multiplayer-worker.ts", import.meta.url));
const spawn = (args: string[]) =>
  fork(worker, args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });

console.log(`# ${new Date().toISOString()} · Node ${process.versions.node}`);
const server = spawn(["server"]);
let serverRss = 0;
const port = await new Promise<number>((resolve) =>
  server.on("message", (m: { port?: number; rss?: number }) => {
    if (m.port !== undefined) resolve(m.port);
    serverRss = Math.max(serverRss, m.rss ?? 0);
  }),
);
const client = spawn(["clients", String(port), String(clients), String(packets), String(seconds)]);
const report = await new Promise<ClientReport & { rss: number }>((resolve) =>
  client.once("message", resolve as never),
);
server.kill();
client.kill();

const expected = clients * packets;
console.log(
  `godot multiplayer load: 1 server process, ${clients} clients in another, ${packets} packets each via the relay`,
);
console.log(
  `clients joined (id + every other client known): ${report.joined}/${clients} in ${report.joinMs.toFixed(0)} ms`,
);
console.log(
  `packets sent ${report.sent}, received ${report.received}/${expected}, lost ${report.lost}, reordered ${report.reordered}` +
    ` in ${report.exchangeMs.toFixed(0)} ms (${((report.received / report.exchangeMs) * 1000).toFixed(0)} packets/s)`,
);
console.log(
  `RSS peak: server ${mib(serverRss)}, clients ${mib(report.rss)}${report.timedOut ? " · TIMED OUT" : ""}`,
);
process.exit(
  report.timedOut || report.lost > 0 || report.reordered > 0 || report.received !== expected ? 1 : 0,
);
