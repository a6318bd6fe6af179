// The shape of results/latest.json.
import type { BundleSize } from "./sizes.ts";

export interface ThroughputRow {
  client: string;
  payload: number;
  mode: "sequential" | "pipelined";
  /** Messages per second, one per measured run. */
  runs: number[];
  median: number;
  /** median / raw ws median in the same cell. */
  ratio: number;
  /** Client CPU microseconds per message, one per measured run, and their median. */
  cpuRuns: number[];
  cpuMicros: number;
  /** cpuMicros / raw ws cpuMicros. */
  cpuRatio: number;
  error?: string;
}

export interface LatencyRow {
  client: string;
  /** Microseconds; medians over runs of each run's percentile. */
  p50: number;
  p99: number;
  p50Delta: number;
  p99Ratio: number;
  error?: string;
}

export interface ServerRow {
  server: string;
  clients: number;
  inFlightPerClient: number;
  runs: number[];
  median: number;
  ratio: number;
  /** Server CPU microseconds per echoed message (connection setup included), per run and median. */
  cpuRuns: number[];
  cpuMicros: number;
  cpuRatio: number;
}

export interface HeapRow {
  /** Server or client kind. */
  name: string;
  connections: number;
  /** Bytes of heap per connection, one per run. */
  runs: number[];
  median: number;
  /** median minus the baseline's median (bare ws / raw ws). */
  delta: number;
  error?: string;
}

export interface PollResult {
  calls: number;
  nsPerCall: number;
  bytesPerCall: number;
  gcDuringMeasure: number;
  note: string;
  error?: string;
}

export interface Goal {
  goal: string;
  met: boolean | null;
  detail: string;
}

export interface Results {
  date: string;
  node: string;
  cpus: number;
  quick: boolean;
  seconds: number;
  notes: string[];
  missing: Array<{ name: string; missing: string }>;
  throughput: ThroughputRow[];
  latency: LatencyRow[];
  server: ServerRow[];
  serverHeap: HeapRow[];
  clientHeap: HeapRow[];
  godotPoll: PollResult | null;
  bundles: Array<BundleSize | { package: string; error: string }>;
  goals: Goal[];
}
