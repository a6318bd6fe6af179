// The shape of results/latest.json.
import type { BundleSize } from "./sizes.ts";

export interface ThroughputRow {
  client: string;
  payload: number;
  /** Text or binary messages (the Node tables send binary only). */
  message: "binary" | "text";
  mode: "sequential" | "pipelined";
  /** Messages per second, one per measured run. */
  runs: number[];
  median: number;
  /** median / raw ws median in the same cell. */
  ratio: number;
  /** Client CPU microseconds per message, one per measured run, and their median (NaN in a browser). */
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
  /** Godot scene replication at scale (figure 10). */
  replication: ReplicationRow[];
  /** null when the browser section did not run (no Chromium). */
  browser: BrowserResults | null;
  bundles: Array<BundleSize | { package: string; error: string }>;
  goals: Goal[];
}

/** Main-thread cost of one client in a 60 fps requestAnimationFrame loop in Chromium. */
export interface FrameRow {
  client: string;
  /** Frames measured per run, and messages sent (and echoed) per frame. */
  frames: number;
  messagesPerFrame: number;
  /** Frames per second the loop reached (60 when nothing holds it back). */
  fps: number;
  /** The page's scripting time (DevTools Protocol ScriptDuration) per frame, in ms; medians over runs. */
  scriptMsPerFrame: number;
  /** The same per echoed message, in microseconds, and minus the native WebSocket's. */
  scriptMicrosPerMessage: number;
  scriptDelta: number;
  /**
   * The JavaScript of the page's own bundle per echoed message (CPU profiler samples, the browser's
   * own code left out), in microseconds, and minus the native WebSocket's: what the library's code costs.
   */
  ownScriptMicrosPerMessage: number;
  ownScriptDelta: number;
  /** JS heap bytes allocated per echoed message (V8's sampling heap profiler, collected objects included). */
  heapBytesPerMessage: number;
  /** The most messages still unanswered at the end of a run (the loop fell behind when > 0). */
  behind: number;
  /** scriptMicrosPerMessage of each run. */
  runs: number[];
  error?: string;
}

/** The browser section: Chromium's version and the figures (7-9). */
export interface BrowserResults {
  chromium: string;
  throughput: ThroughputRow[];
  latency: LatencyRow[];
  frames: FrameRow[];
}

/** One server and N clients, each client's player synchronized 30 times a second, seen by every other client. */
export interface ReplicationRow {
  server: string;
  clients: number;
  /** N x (N - 1) x 30: every update reaching every other client. */
  expectedPerSecond: number;
  deliveredPerSecond: number;
  /** Server CPU microseconds per update delivered to a client. */
  cpuMicrosPerUpdate: number;
  /** Age of an update on arrival (sent and received in the clients' process), ms. */
  p50Ms: number;
  p99Ms: number;
  /** Bytes a client receives per update (the relay's header included). */
  bytesPerUpdate: number;
  error?: string;
}
