// Soak: many messages of mixed kind and size through one adapter to the echo server and back, with
// a bounded window in flight. Every echo is compared with the payload regenerated from the seed.
import { type AdapterName, openEcho } from "./echo-clients.ts";
import { fnv1a, prng } from "./payload.ts";

export interface SoakOptions {
  url: string;
  messages: number;
  /** Largest payload (default 1 MiB). */
  maxSize?: number;
  seed?: number;
  /** Messages in flight at once. */
  window?: number;
  /** Give up waiting for the last echoes after this long without progress. */
  stallMs?: number;
}

export interface SoakResult {
  adapter: AdapterName;
  sent: number;
  received: number;
  lost: number;
  reordered: number;
  corrupted: number;
  bytes: number;
  ms: number;
}

/**
 * Message `i`: text (printable ASCII) or binary at random; its size is skewed towards small
 * messages (90 % up to 1 KiB, 9 % up to 64 KiB, 1 % up to maxSize), as game traffic is, so a
 * million of them fit in minutes. The first 8 bytes carry `i`, so a reordered echo is told apart
 * from a corrupted one.
 */
export function payloadOf(seed: number, i: number, maxSize: number): { bytes: Uint8Array; text: boolean } {
  const rand = prng(seed ^ Math.imul(i, 0x9e3779b1));
  const text = rand() < 0.5;
  const band = rand();
  const cap = band < 0.9 ? 1024 : band < 0.99 ? 65536 : maxSize;
  const size = Math.floor(rand() * (Math.min(cap, maxSize) + 1));
  const bytes = new Uint8Array(size);
  const tag = `${i}`.padStart(8, "0");
  for (let k = 0; k < size; k++) {
    bytes[k] = k < 8 ? tag.charCodeAt(k) : text ? 33 + ((i + k * 7) % 94) : (rand() * 256) | 0;
  }
  return { bytes, text };
}

export async function soak(adapter: AdapterName, options: SoakOptions): Promise<SoakResult> {
  const { url, messages } = options;
  const maxSize = options.maxSize ?? 1024 * 1024;
  const seed = options.seed ?? 1;
  const window = options.window ?? 32;
  const stallMs = options.stallMs ?? 10_000;
  const client = await openEcho(adapter, url);
  const result: SoakResult = {
    adapter,
    sent: 0,
    received: 0,
    lost: 0,
    reordered: 0,
    corrupted: 0,
    bytes: 0,
    ms: 0,
  };
  const hashes: number[] = [];
  const started = Date.now();
  let lastProgress = Date.now();
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));

  const sendMore = () => {
    while (result.sent < messages && result.sent - result.received < window) {
      const { bytes, text } = payloadOf(seed, result.sent, maxSize);
      hashes[result.sent] = fnv1a(bytes);
      client.send(bytes, text);
      result.sent++;
      result.bytes += bytes.length;
    }
  };
  client.onmessage = (bytes) => {
    const expected = result.received;
    result.received++;
    lastProgress = Date.now();
    if (fnv1a(bytes) !== hashes[expected]) {
      // An intact payload of another index is a reorder; anything else is corruption.
      const tagged = bytes.length >= 8 ? Number(new TextDecoder().decode(bytes.subarray(0, 8))) : Number.NaN;
      if (Number.isInteger(tagged) && tagged !== expected && fnv1a(bytes) === hashes[tagged])
        result.reordered++;
      else result.corrupted++;
    }
    delete hashes[expected];
    if (result.received >= messages) done();
    else sendMore();
  };
  sendMore();
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgress > stallMs) done();
  }, 250);
  await finished;
  clearInterval(watchdog);
  result.ms = Date.now() - started;
  result.lost = result.sent - result.received;
  await Promise.race([client.close(), new Promise((r) => setTimeout(r, 5000))]);
  return result;
}
