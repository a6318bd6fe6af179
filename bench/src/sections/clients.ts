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

/** The median of run-by-run ratios; NaN when either side has no runs (a failed client). */
function pairedRatio(values: readonly number[], baseline: readonly number[]): number {
  if (values.length === 0 || values.length !== baseline.length)
    return ratio(median(values), median(baseline));
  return median(values.map((v, i) => ratio(v, baseline[i]!)));
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
      const base = cell.get(clients[0]!.name)!;
      for (const row of cell.values()) {
        row.median = median(row.runs);
        row.cpuMicros = median(row.cpuRuns);
        // Paired: each run against raw ws's run in the same round (seconds apart), then the median,
        // so slow drift in the machine's load cancels out.
        row.ratio = pairedRatio(row.runs, base.runs);
        row.cpuRatio = pairedRatio(row.cpuRuns, base.cpuRuns);
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
  const baseP50s = p50s.get(clients[0]!.name)!;
  const baseP99s = p99s.get(clients[0]!.name)!;
  return clients.map((client) => {
    const runP50s = p50s.get(client.name)!;
    const runP99s = p99s.get(client.name)!;
    const row: LatencyRow = {
      client: client.name,
      p50: median(runP50s),
      p99: median(runP99s),
      // Paired with raw ws's run in the same round, like the throughput ratios.
      p50Delta:
        runP50s.length === baseP50s.length
          ? median(runP50s.map((v, i) => v - baseP50s[i]!))
          : median(runP50s) - median(baseP50s),
      p99Ratio: pairedRatio(runP99s, baseP99s),
    };
    const error = errors.get(client.name);
    if (error !== undefined) row.error = error;
    return row;
  });
}
