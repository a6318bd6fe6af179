// Sections 1 and 2: echo throughput and round-trip latency of every client against one bare ws
// echo server in another process. Each client runs in a process of its own (processes/echo-client.ts),
// started once for both sections. Clients take turns within each run (rotating who goes first),
// so drift on a busy machine hits them alike.
import { type Child, startChild } from "../child.ts";
import type { ClientKind } from "../clients/types.ts";
import type { BenchConfig } from "../config.ts";
import type { ThroughputSample } from "../echo.ts";
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

/** A client in its own process; runs are requested one at a time. */
export interface ClientProcess {
  name: string;
  child: Child;
}

/** Starts one process per client, one after the other so start-up does not overlap. */
export async function startClientProcesses(clients: readonly ClientKind[]): Promise<ClientProcess[]> {
  const started: ClientProcess[] = [];
  for (const client of clients) {
    const [child] = await startChild("echo-client", [client.name]);
    started.push({ name: client.name, child });
  }
  return started;
}

function requestRun<T>(
  client: ClientProcess,
  run: { kind: "throughput" | "latency"; url: string; size: number; count: number; inFlight: number },
  timeoutMs: number,
): Promise<T> {
  // The child enforces timeoutMs itself; the extra second covers closing and the answer's trip.
  return client.child.request<T>({ ...run, timeoutMs }, timeoutMs + 1000);
}

export async function measureThroughput(
  config: BenchConfig,
  clients: readonly ClientProcess[],
  url: string,
  log: (line: string) => void,
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const mode of ["sequential", "pipelined"] as const) {
    for (const size of config.payloads) {
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
            const sample = await requestRun<ThroughputSample>(
              client,
              { kind: "throughput", url, size, count, inFlight },
              config.runTimeoutMs,
            );
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
  clients: readonly ClientProcess[],
  url: string,
): Promise<LatencyRow[]> {
  const p50s = new Map<string, number[]>(clients.map((c) => [c.name, []]));
  const p99s = new Map<string, number[]>(clients.map((c) => [c.name, []]));
  const errors = new Map<string, string>();
  for (let run = 0; run < config.warmups + config.clientRuns; run++) {
    for (const client of rotated(clients, run)) {
      if (errors.has(client.name)) continue;
      try {
        const { samples } = await requestRun<{ samples: number[] }>(
          client,
          { kind: "latency", url, size: config.latencyPayload, count: config.latencyCount, inFlight: 1 },
          config.runTimeoutMs,
        );
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
