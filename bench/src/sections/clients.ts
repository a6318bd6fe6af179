// Sections 1 and 2: echo throughput and round-trip latency of every client against one bare ws
// echo server in another process. Clients take turns within each run (rotating who goes first),
// so drift on a busy machine hits them alike.
import type { ClientKind } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import { latencyRun, throughputRun } from "../echo.ts";
import type { LatencyRow, ThroughputRow } from "../results.ts";
import { median, percentileSorted, ratio } from "../stats.ts";

function rotated<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function measureThroughput(
  config: BenchConfig,
  clients: readonly ClientKind[],
  url: string,
  log: (line: string) => void,
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const mode of ["sequential", "pipelined"] as const) {
    for (const size of config.payloads) {
      const payload = new Uint8Array(size).fill(0x61);
      const count = (mode === "sequential" ? config.sequential : config.pipelined)[size] ?? 100;
      const inFlight = mode === "sequential" ? 1 : config.inFlight;
      const cell = new Map(
        clients.map((c) => [
          c.name,
          {
            client: c.name,
            payload: size,
            mode,
            runs: [] as number[],
            cpuRuns: [] as number[],
          } as ThroughputRow,
        ]),
      );
      for (let run = 0; run < config.warmups + config.clientRuns; run++) {
        for (const client of rotated(clients, run)) {
          const row = cell.get(client.name)!;
          if (row.error !== undefined) continue;
          try {
            const sample = await throughputRun(client, url, payload, count, inFlight, config.runTimeoutMs);
            if (run >= config.warmups) {
              row.runs.push(sample.perSecond);
              row.cpuRuns.push(sample.cpuMicros);
            }
          } catch (err) {
            row.error = errorText(err);
          }
        }
      }
      const base = median(cell.get(clients[0]!.name)!.runs);
      const baseCpu = median(cell.get(clients[0]!.name)!.cpuRuns);
      for (const row of cell.values()) {
        row.median = median(row.runs);
        row.ratio = ratio(row.median, base);
        row.cpuMicros = median(row.cpuRuns);
        row.cpuRatio = ratio(row.cpuMicros, baseCpu);
        rows.push(row);
      }
      log(`  throughput ${mode} ${size} B done`);
    }
  }
  return rows;
}

export async function measureLatency(
  config: BenchConfig,
  clients: readonly ClientKind[],
  url: string,
): Promise<LatencyRow[]> {
  const payload = new Uint8Array(config.latencyPayload).fill(0x61);
  const p50s = new Map<string, number[]>(clients.map((c) => [c.name, []]));
  const p99s = new Map<string, number[]>(clients.map((c) => [c.name, []]));
  const errors = new Map<string, string>();
  for (let run = 0; run < config.warmups + config.clientRuns; run++) {
    for (const client of rotated(clients, run)) {
      if (errors.has(client.name)) continue;
      try {
        const samples = await latencyRun(client, url, payload, config.latencyCount, config.runTimeoutMs);
        if (run < config.warmups) continue;
        p50s.get(client.name)!.push(percentileSorted(samples, 50));
        p99s.get(client.name)!.push(percentileSorted(samples, 99));
      } catch (err) {
        errors.set(client.name, errorText(err));
      }
    }
  }
  const baseP50 = median(p50s.get(clients[0]!.name)!);
  const baseP99 = median(p99s.get(clients[0]!.name)!);
  return clients.map((client) => {
    const p50 = median(p50s.get(client.name)!);
    const p99 = median(p99s.get(client.name)!);
    const row: LatencyRow = {
      client: client.name,
      p50,
      p99,
      p50Delta: p50 - baseP50,
      p99Ratio: ratio(p99, baseP99),
    };
    const error = errors.get(client.name);
    if (error !== undefined) row.error = error;
    return row;
  });
}
