// stress leaks [--cycles 1000]: connect/disconnect cycles per adapter and Aseprite's automatic
// reconnects; heap after GC, active handles and process listeners before and after.
import { startServer } from "@wsport/server";
import { ADAPTERS } from "../src/echo-clients.ts";
import { cycles, growth, reconnects } from "../src/leaks.ts";
import { flag, mib } from "./args.ts";

export async function runLeaks(): Promise<void> {
  const count = flag("cycles", 1000);
  const server = await startServer({ port: 0, faults: true });
  console.log(`leaks: ${count} cycles after a warm-up of ${count}`);
  console.log(
    "| run | heap before → after (after GC) | active handles | process listeners | server connections after |",
  );
  console.log("|---|--:|--:|--:|--:|");
  const runs: Array<[string, () => Promise<void>]> = ADAPTERS.map((a) => [
    `${a}: connect + disconnect`,
    () => cycles(a, server.url, count),
  ]);
  runs.push(["aseprite: automatic reconnects", () => reconnects(`${server.url}close/1000`, count)]);
  for (const [name, work] of runs) {
    const { before, after } = await growth(work);
    await new Promise((r) => setTimeout(r, 200));
    console.log(
      `| ${name} | ${mib(before.heap)} → ${mib(after.heap)} (${after.heap >= before.heap ? "+" : ""}${((after.heap - before.heap) / 1024).toFixed(0)} KiB) | ${before.handles} → ${after.handles} | ${before.listeners} → ${after.listeners} | ${server.connections} |`,
    );
  }
  await server.close();
}
