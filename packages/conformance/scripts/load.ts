// stress load [--connections 10000] [--seconds 60] [--processes 2]: one server process, clients
// (raw ws) spread over child processes, each connection sending one timestamped message a second.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { flag } from "./args.ts";

export async function runLoad(): Promise<void> {
  const connections = flag("connections", 10_000);
  const seconds = flag("seconds", 60);
  const processes = flag("processes", 2);
  const worker = fileURLToPath(new URL("./load-worker.ts", import.meta.url));
  const spawn = (role: string, extra: string[]) =>
    fork(worker, [role, ...extra], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
  const server = spawn("server", []);
  const port = await new Promise<number>((resolve) =>
    server.once("message", (m) => resolve((m as { port: number }).port)),
  );
  let rssPeak = 0;
  server.on("message", (m) => {
    rssPeak = Math.max(rssPeak, (m as { rss?: number }).rss ?? 0);
  });
  const per = Math.ceil(connections / processes);
  const clients = Array.from({ length: processes }, () =>
    spawn("client", [String(port), String(per), String(seconds)]),
  );
  const reports = await Promise.all(
    clients.map(
      (c) =>
        new Promise<{ held: number; failed: number; sent: number; received: number; latencies: number[] }>(
          (resolve) => c.once("message", resolve as never),
        ),
    ),
  );
  server.kill();
  const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? Number.NaN;
  const sum = (k: "held" | "failed" | "sent" | "received") => reports.reduce((n, r) => n + r[k], 0);
  console.log(
    `load: ${connections} connections over ${processes} client processes, 1 msg/s each for ${seconds} s`,
  );
  console.log(`connections held to the end: ${sum("held")} (failed to open or dropped: ${sum("failed")})`);
  console.log(
    `messages sent ${sum("sent")}, echoes received ${sum("received")} (${(100 * sum("received")) / Math.max(1, sum("sent"))} %)`,
  );
  console.log(
    `round-trip latency: p50 ${pct(0.5).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${pct(1).toFixed(1)} ms`,
  );
  console.log(
    `server RSS peak: ${(rssPeak / 1024 / 1024).toFixed(0)} MiB (ulimit -n here: see reliability.md)`,
  );
}
