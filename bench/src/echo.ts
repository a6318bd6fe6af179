// Client echo figures: messages per second (sequential and pipelined) and per-message round trips.
// Runs in a client's Node process and, bundled, in a browser page (no CPU figure and no gc() there).
import type { ClientKind, EchoClient } from "./clients/types.ts";

/** Rejects after `ms` unless `work` settles first; `onTimeout` cleans up. */
function bounded<T>(work: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what} did not finish within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts every run from a collected heap, so no client pays inside its timed window for garbage an
 * earlier client (or an earlier section) left behind. Needs --expose-gc; a no-op without it (and in
 * a browser page).
 */
const collectGarbage = () => globalThis.gc?.();

/** Lets the closing handshake and any poll loop wind down before the next client runs. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

export interface ThroughputSample {
  /** Messages per second, from the first send to the last echo. */
  perSecond: number;
  /**
   * This process's CPU time (user + system) per message in microseconds. Steadier than messages per
   * second on a shared machine: the echo server's share and other processes do not count. NaN in a
   * browser page, which has no such clock (its main-thread cost is the frame figure).
   */
  cpuMicros: number;
}

/** This process's CPU time so far in microseconds; NaN outside Node. */
const cpuNow = () => {
  if (typeof process !== "object" || typeof process.cpuUsage !== "function") return Number.NaN;
  const used = process.cpuUsage();
  return used.user + used.system;
};

/** Sends `count` messages keeping `inFlight` unanswered at a time (1 = sequential round trips). */
export async function throughputRun(
  kind: ClientKind,
  url: string,
  payload: string | Uint8Array,
  count: number,
  inFlight: number,
  timeoutMs: number,
): Promise<ThroughputSample> {
  let client: EchoClient | undefined;
  let sent = 0;
  let received = 0;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  client = await kind.open(url, () => {
    received++;
    if (sent < count) {
      sent++;
      client!.send(payload);
    } else if (received === count) finish();
  });
  try {
    collectGarbage();
    const cpu = cpuNow();
    const started = performance.now();
    const first = Math.min(inFlight, count);
    for (; sent < first; ) {
      sent++;
      client.send(payload);
    }
    await bounded(finished, timeoutMs, `${kind.name} echo run`, () => client?.close());
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: count / seconds, cpuMicros: (cpuNow() - cpu) / count };
  } finally {
    client.close();
    await settle();
  }
}

/** Times `count` sequential round trips one by one; returns them in microseconds, sorted. */
export async function latencyRun(
  kind: ClientKind,
  url: string,
  payload: string | Uint8Array,
  count: number,
  timeoutMs: number,
): Promise<Float64Array> {
  const samples = new Float64Array(count);
  let client: EchoClient | undefined;
  let index = 0;
  let sentAt = 0;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  client = await kind.open(url, () => {
    samples[index++] = (performance.now() - sentAt) * 1000;
    if (index === count) return finish();
    sentAt = performance.now();
    client!.send(payload);
  });
  try {
    collectGarbage();
    sentAt = performance.now();
    client.send(payload);
    await bounded(finished, timeoutMs, `${kind.name} latency run`, () => client?.close());
    return samples.sort();
  } finally {
    client.close();
    await settle();
  }
}

/** What a run sends: `size` bytes of "a", as a text message (a string) or a binary one. */
export function makePayload(size: number, text: boolean): string | Uint8Array {
  return text ? "a".repeat(size) : new Uint8Array(size).fill(0x61);
}

/** One run asked of a client's process or page. */
export interface RunRequest {
  kind: "throughput" | "latency";
  url: string;
  size: number;
  /** Text messages instead of binary ones. */
  text: boolean;
  count: number;
  inFlight: number;
  timeoutMs: number;
}

/** Answers one RunRequest with `client`: a ThroughputSample, or { samples } for latency. */
export async function answerRun(client: ClientKind, request: RunRequest): Promise<Record<string, unknown>> {
  const { kind, url, size, text, count, inFlight, timeoutMs } = request;
  const payload = makePayload(size, text);
  if (kind === "latency") {
    return { samples: Array.from(await latencyRun(client, url, payload, count, timeoutMs)) };
  }
  return { ...(await throughputRun(client, url, payload, count, inFlight, timeoutMs)) };
}
