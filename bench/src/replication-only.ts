// Figure 10 alone (pnpm --filter @wsport/bench bench:replication): the scene replication benchmark with
// the full run's client counts, repeated, printing each run and the median ratio of the server's CPU per
// delivered update to the bare ws fan-out's. For working on the relay without the 20-minute full run.
// Options: --runs 3, --clients 50,100,200, --ms 3000.
import { fullConfig } from "./config.ts";
import { measureReplication } from "./sections/replication.ts";
import { median } from "./stats.ts";

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1]! : fallback;
}

const runs = Number(option("runs", "3"));
const clients = option("clients", fullConfig.replicationClients.join(",")).split(",").map(Number);
const ms = Number(option("ms", String(fullConfig.replicationMs)));
if (!(runs >= 1) || clients.some((n) => !(n >= 2)) || !(ms > 0)) {
  console.error("usage: replication-only.ts [--runs n≥1] [--clients n,n,…] [--ms window]");
  process.exit(1);
}
const config = { ...fullConfig, replicationClients: clients, replicationMs: ms };
const log = (line: string) => process.stderr.write(`${line}\n`);

const ratios = new Map<number, number[]>(clients.map((n) => [n, []]));
for (let run = 1; run <= runs; run++) {
  const rows = await measureReplication(config, (line) => log(`run ${run}: ${line}`));
  for (const n of clients) {
    const ws = rows.find((r) => r.clients === n && r.server === "bare ws fan-out");
    const godot = rows.find((r) => r.clients === n && r.server !== "bare ws fan-out");
    if (ws === undefined || godot === undefined) continue;
    for (const row of [ws, godot]) {
      const failed = row.error === undefined ? "" : ` failed: ${row.error}`;
      log(
        `run ${run}: N=${n} ${row.server}: ${row.deliveredPerSecond.toFixed(0)}/s of ${row.expectedPerSecond}, ` +
          `${row.cpuMicrosPerUpdate.toFixed(2)} µs CPU/update, p50 ${row.p50Ms.toFixed(1)} ms, p99 ${row.p99Ms.toFixed(1)} ms${failed}`,
      );
    }
    const ratio = godot.cpuMicrosPerUpdate / ws.cpuMicrosPerUpdate;
    if (Number.isFinite(ratio)) ratios.get(n)!.push(ratio);
    log(`run ${run}: N=${n} ratio ${ratio.toFixed(2)}x`);
  }
}
for (const [n, values] of ratios) {
  const list = values.map((v) => v.toFixed(2)).join(", ");
  console.log(`N=${n}: median ratio ${median(values).toFixed(2)}x (runs: ${list})`);
}
process.exit(0);
