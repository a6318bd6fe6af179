// How much work each section does. `--quick` is a smoke run: tiny counts, one run, no warm-up.

/** Counts for the echo figures (throughput and latency) of one runtime. */
export interface EchoPlan {
  /** Unmeasured rounds before the measured ones. */
  warmups: number;
  /** Measured rounds: short and many, so a noisy moment moves one sample, not the median. */
  runs: number;
  payloads: readonly number[];
  /** Message kinds measured (Node: binary; the browser: both). */
  messages: ReadonlyArray<"binary" | "text">;
  /** Round trips per sequential run, by payload size. */
  sequential: Readonly<Record<number, number>>;
  /** Messages per pipelined run, by payload size. */
  pipelined: Readonly<Record<number, number>>;
  inFlight: number;
  /** Round trips timed one by one for p50/p99. */
  latencyCount: number;
  latencyPayload: number;
  /** Upper bound for one measured run; a run that takes longer is reported as failed. */
  runTimeoutMs: number;
}

/** The browser section: the echo figures in Chromium, and the main-thread cost in a frame loop. */
export interface BrowserPlan extends EchoPlan {
  /** Frames measured per frame-loop run, after `warmupFrames` unmeasured ones. */
  frames: number;
  warmupFrames: number;
  /** Frame-loop runs per client (the median is reported). */
  frameRuns: number;
  messagesPerFrame: number;
  frameMessageSize: number;
}

export interface BenchConfig {
  quick: boolean;
  /** Unmeasured runs before the measured ones (server, heap and poll figures). */
  warmups: number;
  /** Measured runs; every server, heap and poll figure is the median of these. */
  runs: number;
  /** Client echo figures in Node (1, 2). */
  echo: EchoPlan;
  /** Browser figures (7, 8, 9). */
  browser: BrowserPlan;
  inFlight: number;
  /** Milliseconds of load per server run. */
  serverMs: number;
  serverClients: readonly number[];
  serverPayload: number;
  /** Idle connections held open on the server for the heap figure. */
  idleConnections: readonly number[];
  /** Client connections opened per adapter for the per-object heap figure. */
  clientConnections: number;
  pollCalls: number;
  /** Client counts of the scene replication figure (10), and its measured window in ms. */
  replicationClients: readonly number[];
  replicationMs: number;
  /** Upper bound for one measured run; a run that takes longer is reported as failed. */
  runTimeoutMs: number;
}

export const fullConfig: BenchConfig = {
  quick: false,
  warmups: 1,
  runs: 5,
  echo: {
    warmups: 1,
    runs: 7,
    payloads: [64, 1024, 16384],
    messages: ["binary"],
    sequential: { 64: 2000, 1024: 2000, 16384: 1000 },
    pipelined: { 64: 12000, 1024: 10000, 16384: 2500 },
    inFlight: 32,
    latencyCount: 10000,
    latencyPayload: 64,
    runTimeoutMs: 30_000,
  },
  browser: {
    warmups: 1,
    runs: 5,
    payloads: [64, 1024, 16384],
    messages: ["binary", "text"],
    // About half a second per run: a page's round trips cross four processes on a shared machine,
    // and runs of 0.1 s spread by +-25 % where these spread by about +-10 %.
    sequential: { 64: 1000, 1024: 1000, 16384: 500 },
    pipelined: { 64: 3000, 1024: 3000, 16384: 1000 },
    inFlight: 32,
    latencyCount: 1000,
    latencyPayload: 64,
    runTimeoutMs: 30_000,
    frames: 120,
    warmupFrames: 20,
    frameRuns: 5,
    messagesPerFrame: 100,
    frameMessageSize: 64,
  },
  inFlight: 32,
  serverMs: 1500,
  serverClients: [1, 100],
  serverPayload: 64,
  idleConnections: [1000, 5000],
  clientConnections: 200,
  pollCalls: 1_000_000,
  replicationClients: [50, 100, 200],
  replicationMs: 3000,
  runTimeoutMs: 30_000,
};

export const quickConfig: BenchConfig = {
  quick: true,
  warmups: 0,
  runs: 1,
  echo: {
    warmups: 0,
    runs: 1,
    payloads: [64, 1024, 16384],
    messages: ["binary"],
    sequential: { 64: 50, 1024: 50, 16384: 20 },
    pipelined: { 64: 200, 1024: 200, 16384: 64 },
    inFlight: 32,
    latencyCount: 200,
    latencyPayload: 64,
    runTimeoutMs: 10_000,
  },
  browser: {
    warmups: 0,
    runs: 1,
    // One size: every client, both message kinds and both modes still run, in a few seconds.
    payloads: [64],
    messages: ["binary", "text"],
    sequential: { 64: 10 },
    pipelined: { 64: 64 },
    inFlight: 32,
    latencyCount: 20,
    latencyPayload: 64,
    runTimeoutMs: 10_000,
    frames: 5,
    warmupFrames: 1,
    frameRuns: 1,
    messagesPerFrame: 10,
    frameMessageSize: 64,
  },
  inFlight: 32,
  serverMs: 200,
  serverClients: [1, 10],
  serverPayload: 64,
  idleConnections: [50],
  clientConnections: 10,
  pollCalls: 10_000,
  replicationClients: [5],
  replicationMs: 500,
  runTimeoutMs: 10_000,
};
