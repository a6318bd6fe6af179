// Sections 1 and 2 (and their browser twins, 7 and 8): echo throughput and round-trip latency of
// every client against one bare ws echo server in another process. Each client runs in a process of
// its own (processes/echo-client.ts) or a browser page of its own (sections/browser.ts), started once
// for both figures. Clients take turns within each run (rotating who goes first), so drift on a busy
// machine hits them alike.
import { type Child, startChild } from "../child.ts";
import type { ClientKind } from "../clients/types.ts";
import type { EchoPlan } from "../config.ts";
import type { RunRequest, ThroughputSample } from "../echo.ts";
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

/** A client in a process or page of its own; runs are requested one at a time. */
export interface ClientRunner {
  name: string;
  /** One run; rejects if the client fails it or does not answer in time. */
  run<T>(request: RunRequest): Promise<T>;
}

export interface ClientProcess extends ClientRunner {
  child: Child;
}

/** Starts one process per client, one after the other so start-up does not overlap. */
export async function startClientProcesses(clients: readonly ClientKind[]): Promise<ClientProcess[]> {
  const started: ClientProcess[] = [];
  for (const client of clients) {
    const [child] = await startChild("echo-client", [client.name]);
    // The child enforces the run's timeout itself; the extra second covers closing and the answer's trip.
    const run = <T>(request: RunRequest) => child.request<T>({ ...request }, request.timeoutMs + 1000);
    started.push({ name: client.name, child, run });
  }
  return started;
}

export async function measureThroughput(
  plan: EchoPlan,
  clients: readonly ClientRunner[],
  url: string,
  log: (line: string) => void,
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const mode of ["sequential", "pipelined"] as const) {
    for (const message of plan.messages) {
      for (const size of plan.payloads) {
        rows.push(...(await measureCell(plan, clients, url, mode, message, size)));
        log(`  throughput ${mode} ${message} ${size} B done`);
      }
    }
  }
  return rows;
}

async function measureCell(
  plan: EchoPlan,
  clients: readonly ClientRunner[],
  url: string,
  mode: "sequential" | "pipelined",
  message: "binary" | "text",
  size: number,
): Promise<ThroughputRow[]> {
  const count = (mode === "sequential" ? plan.sequential : plan.pipelined)[size] ?? 100;
  const request: RunRequest = {
    kind: "throughput",
    url,
    size,
    text: message === "text",
    count,
    inFlight: mode === "sequential" ? 1 : plan.inFlight,
    timeoutMs: plan.runTimeoutMs,
  };
  const cell = new Map(
    clients.map((c): [string, ThroughputRow] => [
      c.name,
      {
        client: c.name,
        payload: size,
        message,
        mode,
        runs: [],
        median: Number.NaN,
        ratio: Number.NaN,
        cpuRuns: [],
        cpuMicros: Number.NaN,
        cpuRatio: Number.NaN,
      },
    ]),
  );
  for (let run = 0; run < plan.warmups + plan.runs; run++) {
    for (const client of rotated(clients, run)) {
      const row = cell.get(client.name)!;
      if (row.error !== undefined) continue;
      try {
        const sample = await client.run<ThroughputSample>(request);
        if (run >= plan.warmups) {
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
    // Paired: each run against the baseline's run in the same round (seconds apart), then the
    // median, so slow drift in the machine's load cancels out.
    row.ratio = pairedRatio(row.runs, base.runs);
    row.cpuRatio = pairedRatio(row.cpuRuns, base.cpuRuns);
  }
  return [...cell.values()];
}

export async function measureLatency(
  plan: EchoPlan,
  clients: readonly ClientRunner[],
  url: string,
): Promise<LatencyRow[]> {
  const p50s = new Map<string, number[]>(clients.map((c) => [c.name, []]));
  const p99s = new Map<string, number[]>(clients.map((c) => [c.name, []]));
  const errors = new Map<string, string>();
  const request: RunRequest = {
    kind: "latency",
    url,
    size: plan.latencyPayload,
    text: false,
    count: plan.latencyCount,
    inFlight: 1,
    timeoutMs: plan.runTimeoutMs,
  };
  for (let run = 0; run < plan.warmups + plan.runs; run++) {
    for (const client of rotated(clients, run)) {
      if (errors.has(client.name)) continue;
      try {
        const { samples } = await client.run<{ samples: number[] }>(request);
        if (run < plan.warmups) continue;
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
