// Section 4: retained heap per idle connection. Server side: the server process reports its heap
// after full GCs with 0 and then N idle connections held by a client process. Client side: this
// process (run with --expose-gc) opens N connections with each client and reads its own heap.
import type { Child } from "../child.ts";
import type { ClientKind, EchoClient } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import type { HeapRow } from "../results.ts";
import { median } from "../stats.ts";
import type { ServerProcess } from "./server.ts";

interface HeapAnswer {
  heapUsed: number;
  connections: number;
}

async function serverHeap(server: ServerProcess, expected: number): Promise<number> {
  // Closing handshakes finish asynchronously: wait until the server has seen them all.
  for (let tries = 0; tries < 200; tries++) {
    const answer = await server.child.request<HeapAnswer>({ heap: true }, 30_000);
    if (answer.connections === expected) return answer.heapUsed;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${server.name} never reached ${expected} connections`);
}

export async function measureServerHeap(
  config: BenchConfig,
  servers: readonly ServerProcess[],
  idle: Child,
): Promise<HeapRow[]> {
  const rows: HeapRow[] = [];
  for (const count of config.idleConnections) {
    const runs = new Map(servers.map((s) => [s.name, [] as number[]]));
    for (let run = 0; run < config.warmups + config.runs; run++) {
      for (const server of servers) {
        const before = await serverHeap(server, 0);
        await idle.request({ open: count, url: server.url }, 120_000);
        const after = await serverHeap(server, count);
        await idle.request({ closeAll: true }, 60_000);
        if (run >= config.warmups) runs.get(server.name)!.push((after - before) / count);
      }
    }
    const base = median(runs.get(servers[0]!.name)!);
    for (const server of servers) {
      const values = runs.get(server.name)!;
      rows.push({
        name: server.name,
        connections: count,
        runs: values,
        median: median(values),
        delta: median(values) - base,
      });
    }
  }
  return rows;
}

function settledHeap(): number {
  for (let i = 0; i < 4; i++) globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

export async function measureClientHeap(
  config: BenchConfig,
  clients: readonly ClientKind[],
  url: string,
): Promise<HeapRow[]> {
  if (typeof globalThis.gc !== "function") throw new Error("run node with --expose-gc for heap figures");
  const count = config.clientConnections;
  const runs = new Map(clients.map((c) => [c.name, [] as number[]]));
  const errors = new Map<string, string>();
  for (let run = 0; run < config.warmups + config.runs; run++) {
    for (const client of clients) {
      if (errors.has(client.name)) continue;
      let open: EchoClient[] = [];
      try {
        const before = settledHeap();
        open = await Promise.all(Array.from({ length: count }, () => client.open(url, () => {})));
        const after = settledHeap();
        if (run >= config.warmups) runs.get(client.name)!.push((after - before) / count);
      } catch (err) {
        errors.set(client.name, err instanceof Error ? err.message : String(err));
      } finally {
        for (const c of open) c.close();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
  const base = median(runs.get(clients[0]!.name)!);
  return clients.map((client) => {
    const values = runs.get(client.name)!;
    const row: HeapRow = {
      name: client.name,
      connections: count,
      runs: values,
      median: median(values),
      delta: median(values) - base,
    };
    const error = errors.get(client.name);
    if (error !== undefined) row.error = error;
    return row;
  });
}
