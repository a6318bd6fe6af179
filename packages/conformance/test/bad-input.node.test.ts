// A small bad-input run: random values at every public function of every adapter.

import { startServer } from "@wsport/server";
import { expect, test } from "vitest";
import { throwAtAdapters } from "../src/bad-input.ts";

/** Calls whose throw is the engine's own behaviour would be listed here; none are. */
const KNOWN_GAPS: RegExp[] = [];

test("3,000 random calls: each returns, throws a clear Error, or (Godot) returns a code; nothing left open", async () => {
  const server = await startServer({ port: 0, faults: true });
  let unhandled = 0;
  const count = () => unhandled++;
  process.on("unhandledRejection", count);
  try {
    const r = await throwAtAdapters(server.url, 3000, 5);
    expect(r.calls).toBe(3000);
    expect(r.unclear.filter((what) => !KNOWN_GAPS.some((gap) => gap.test(what)))).toEqual([]);
    const deadline = Date.now() + 10_000;
    while (server.connections > 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    expect(server.connections).toBe(0);
    expect(unhandled).toBe(0);
  } finally {
    process.off("unhandledRejection", count);
    await server.close();
  }
});
