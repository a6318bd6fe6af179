// Section 10: Godot scene replication at scale. One server (peer 1) in a process of its own and N clients
// in another; each client's player is synchronized 30 times a second and seen by every other client
// through the server's relay (the Godot way: MultiplayerSynchronizer, SceneMultiplayer relay), against a
// bare ws server that sends the same size of message to every other client (the most a relay can do).
import { readFileSync } from "node:fs";
import { startChild } from "../child.ts";
import type { BenchConfig } from "../config.ts";
import { UPDATES_PER_SECOND } from "../replication-scene.ts";
import type { ReplicationRow } from "../results.ts";

/** A process's CPU time (user + system) in microseconds, read from /proc: a saturated server answers no IPC. */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100; // utime + stime, in USER_HZ (100)
}

interface Measured {
  /** Updates applied per second over the clients' window (timed inside their process). */
  perSecond: number;
  delivered: number;
  p50: number;
  p99: number;
  bytesPerUpdate: number;
}

async function measureOne(kind: "godot" | "ws", clients: number, ms: number): Promise<ReplicationRow> {
  const name = kind === "godot" ? "@wsport/godot-compat replication" : "bare ws fan-out";
  const [server, { port }] = await startChild<{ port: number }>("replication-server", [kind]);
  try {
    const [load] = await startChild("replication-clients", [kind, String(port), String(clients)], 180_000);
    try {
      await load.request({ start: true }, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1000)); // let the rate settle
      const before = cpuMicros(server.pid);
      const result = await load.request<Measured>({ measure: ms }, ms + 60_000);
      const after = cpuMicros(server.pid);
      const perSecond = result.perSecond;
      return {
        server: name,
        clients,
        expectedPerSecond: clients * (clients - 1) * UPDATES_PER_SECOND,
        deliveredPerSecond: perSecond,
        cpuMicrosPerUpdate: (after - before) / Math.max(1, result.delivered),
        p50Ms: result.p50,
        p99Ms: result.p99,
        bytesPerUpdate: result.bytesPerUpdate,
      };
    } finally {
      await load.stop();
    }
  } catch (error) {
    return {
      server: name,
      clients,
      expectedPerSecond: clients * (clients - 1) * UPDATES_PER_SECOND,
      deliveredPerSecond: 0,
      cpuMicrosPerUpdate: Number.NaN,
      p50Ms: Number.NaN,
      p99Ms: Number.NaN,
      bytesPerUpdate: Number.NaN,
      error: String(error),
    };
  } finally {
    await server.stop();
  }
}

export async function measureReplication(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<ReplicationRow[]> {
  const rows: ReplicationRow[] = [];
  for (const clients of config.replicationClients) {
    for (const kind of ["ws", "godot"] as const) {
      log(`bench: replication, ${kind}, ${clients} clients`);
      rows.push(await measureOne(kind, clients, config.replicationMs));
    }
  }
  return rows;
}
