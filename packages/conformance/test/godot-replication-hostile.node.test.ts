// A hostile peer floods a Godot replication server with malformed and forged commands while two honest
// clients play (a short run here; `pnpm --filter @wsport/conformance godot-replication-hostile` sends 100,000).
import { expect, it } from "vitest";
import { hostileRun } from "../src/godot-replication-hostile.ts";

it("3,000 hostile commands: nothing escapes or throws inside, the honest clients see every move, the heap comes back", async () => {
  const report = await hostileRun(3000, 7);
  console.log(
    `hostile: ${report.sent} commands, ${report.prints} refusals printed, ${report.expected} moves × 4 observers, heap ${(report.heapBefore / 1048576).toFixed(1)} → ${(report.heapAfter / 1048576).toFixed(1)} MiB, ${report.ms.toFixed(0)} ms`,
  );
  expect(report.escaped).toBe(0);
  expect(report.firstCaught).toBeUndefined();
  expect(report.caught).toBe(0);
  expect(report.missed).toBe(0);
  expect(report.prints).toBeGreaterThan(1000);
  // A leak check, not a speed figure: what the flood left behind once the hostile peer is gone.
  expect(report.heapAfter - report.heapBefore).toBeLessThan(4 * 1048576);
}, 120_000);
