// Section 5: Godot's WebSocketPeer.poll() on an open peer with nothing pending: the call a game
// makes every frame. Time per call comes from tinybench (the median of batches of 1,000 calls, so
// the timer's own cost is spread out); allocation is the heap growth over a loop of calls with no GC inside it.
// It runs in a fresh child process: in the long-lived main process, peers from earlier sections come
// and go, and V8 deoptimizes poll() each time one dies ("weak objects"), which would measure the
// deoptimized code (~30x slower) rather than the steady state a game with one peer sees.
import { PerformanceObserver } from "node:perf_hooks";
import { Bench } from "tinybench";
import { startChild } from "../child.ts";
import type { BenchConfig } from "../config.ts";
import type { PollResult } from "../results.ts";
import { median } from "../stats.ts";

const BATCH = 1000;

/** Counts GCs while `work` runs (gc entries are delivered asynchronously, hence the wait). */
async function countGcs(work: () => void): Promise<number> {
  let gcs = 0;
  const observer = new PerformanceObserver((list) => {
    gcs += list.getEntries().length;
  });
  observer.observe({ entryTypes: ["gc"] });
  work();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return gcs;
}

/** Runs the measurement in its own process; null when @wsport/godot-compat is not built. */
export async function measureGodotPoll(config: BenchConfig, url: string): Promise<PollResult | null> {
  try {
    await import("../clients/godot.ts");
  } catch {
    return null; // not built yet: reported as missing elsewhere
  }
  const [child] = await startChild("godot-poll", []);
  try {
    return await child.request<PollResult>({ config, url }, 120_000);
  } finally {
    await child.stop();
  }
}

/** The measurement itself, in the calling process (the godot-poll child). */
export async function measurePollHere(config: BenchConfig, url: string): Promise<PollResult | null> {
  let godot: typeof import("../clients/godot.ts");
  try {
    godot = await import("../clients/godot.ts");
  } catch {
    return null; // not built yet: reported as missing elsewhere
  }
  const peer = await godot.openPeer(url);
  try {
    const pollBatch = () => {
      for (let i = 0; i < BATCH; i++) peer.poll();
    };
    const bench = new Bench({ time: config.quick ? 50 : 1000, warmupTime: config.quick ? 10 : 200 });
    bench.add("poll x1000", pollBatch);
    await bench.run();
    const result = bench.tasks[0]?.result;
    if (result === undefined || !("latency" in result)) throw new Error("tinybench produced no result");
    // The median batch, not the mean: on a shared machine a few preempted batches would dominate a mean.
    const nsPerCall = (result.latency.p50 * 1e6) / BATCH;

    // Allocation: settle the heap, call poll() `calls` times, read the heap again. A GC in between
    // would hide garbage, so runs with a GC are counted and reported.
    const calls = config.pollCalls;
    const perCall: number[] = [];
    let gcDuringMeasure = 0;
    // Unmeasured loops first: compiling and tiering up the loop (OSR) itself grows the heap.
    const warmups = 10;
    for (let run = 0; run < warmups + config.runs; run++) {
      for (let i = 0; i < 4; i++) globalThis.gc?.();
      let growth = 0;
      gcDuringMeasure += await countGcs(() => {
        const before = process.memoryUsage().heapUsed;
        for (let i = 0; i < calls; i++) peer.poll();
        growth = process.memoryUsage().heapUsed - before;
      });
      if (run >= warmups) perCall.push(Math.max(0, growth) / calls);
    }
    return {
      calls,
      nsPerCall,
      bytesPerCall: median(perCall),
      gcDuringMeasure,
      note: "open peer, nothing pending; heap growth over the loop with no GC inside it",
    };
  } catch (err) {
    return {
      calls: 0,
      nsPerCall: Number.NaN,
      bytesPerCall: Number.NaN,
      gcDuringMeasure: 0,
      note: "",
      error: String(err),
    };
  } finally {
    peer.close();
  }
}
