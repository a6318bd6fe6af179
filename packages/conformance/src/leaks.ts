// Leaks: many connect/disconnect cycles through one adapter; the heap after GC, the active handles
// and the process's listener count must come back to where they were after a warm-up.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { WebSocket as AsepriteSocket, WebSocketMessageType } from "@wsport/aseprite-compat";
import { type AdapterName, openEcho } from "./echo-clients.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export interface Footprint {
  heap: number;
  handles: number;
  listeners: number;
}

export async function footprint(): Promise<Footprint> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  const listeners = process.eventNames().reduce((n, name) => n + process.listenerCount(name), 0);
  return {
    heap: process.memoryUsage().heapUsed,
    handles: process.getActiveResourcesInfo().length,
    listeners,
  };
}

export async function cycles(adapter: AdapterName, url: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const client = await openEcho(adapter, url);
    await client.close();
  }
}

/** Aseprite against a route that closes every connection at once: `count` automatic reconnects. */
export function reconnects(url: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let opens = 0;
    const timer = setTimeout(() => reject(new Error(`only ${opens} reconnects`)), 60_000 + count * 50);
    const ws = AsepriteSocket({
      url,
      minreconnectwait: 0,
      maxreconnectwait: 0.01,
      onreceive(type) {
        if (type === WebSocketMessageType.OPEN && ++opens >= count) {
          ws.close();
          clearTimeout(timer);
          setTimeout(resolve, 50);
        }
      },
    });
    ws.connect();
  });
}

/** Runs `work` twice the same way; reports the growth of the second run over the first (warm) one. */
export async function growth(work: () => Promise<void>): Promise<{ before: Footprint; after: Footprint }> {
  await work(); // warm-up: caches, JIT, lazily created pools
  const before = await footprint();
  await work();
  const after = await footprint();
  return { before, after };
}
