// How much work each section does. `--quick` is a smoke run: tiny counts, one run, no warm-up.

export interface BenchConfig {
  quick: boolean;
  /** Unmeasured runs before the measured ones. */
  warmups: number;
  /** Measured runs; every figure is the median of these. */
  runs: number;
  /** Measured runs for the client echo figures (1, 2): short and many, so a noisy moment moves one sample, not the median. */
  clientRuns: number;
  payloads: readonly number[];
  /** Round trips per sequential run, by payload size. */
  sequential: Readonly<Record<number, number>>;
  /** Messages per pipelined run, by payload size. */
  pipelined: Readonly<Record<number, number>>;
  inFlight: number;
  /** Round trips timed one by one for p50/p99. */
  latencyCount: number;
  latencyPayload: number;
  /** Milliseconds of load per server run. */
  serverMs: number;
  serverClients: readonly number[];
  serverPayload: number;
  /** Idle connections held open on the server for the heap figure. */
  idleConnections: readonly number[];
  /** Client connections opened per adapter for the per-object heap figure. */
  clientConnections: number;
  pollCalls: number;
  /** Upper bound for one measured run; a run that takes longer is reported as failed. */
  runTimeoutMs: number;
}

export const fullConfig: BenchConfig = {
  quick: false,
  warmups: 1,
  runs: 5,
  clientRuns: 9,
  payloads: [64, 1024, 16384],
  sequential: { 64: 2000, 1024: 2000, 16384: 1000 },
  pipelined: { 64: 12000, 1024: 10000, 16384: 2500 },
  inFlight: 32,
  latencyCount: 10000,
  latencyPayload: 64,
  serverMs: 1500,
  serverClients: [1, 100],
  serverPayload: 64,
  idleConnections: [1000, 5000],
  clientConnections: 200,
  pollCalls: 1_000_000,
  runTimeoutMs: 30_000,
};

export const quickConfig: BenchConfig = {
  quick: true,
  warmups: 0,
  runs: 1,
  clientRuns: 1,
  payloads: [64, 1024, 16384],
  sequential: { 64: 50, 1024: 50, 16384: 20 },
  pipelined: { 64: 200, 1024: 200, 16384: 64 },
  inFlight: 32,
  latencyCount: 200,
  latencyPayload: 64,
  serverMs: 200,
  serverClients: [1, 10],
  serverPayload: 64,
  idleConnections: [50],
  clientConnections: 10,
  pollCalls: 10_000,
  runTimeoutMs: 10_000,
};
