// stress soak [--messages 1000000] [--max-size 1048576] [--seed 1]: per adapter, through the echo server.
import { startServer } from "@wsport/server";
import { ADAPTERS } from "../src/echo-clients.ts";
import { soak } from "../src/soak.ts";
import { flag, mib } from "./args.ts";

export async function runSoak(): Promise<void> {
  const messages = flag("messages", 1_000_000);
  const maxSize = flag("max-size", 1024 * 1024);
  const seed = flag("seed", 1);
  const server = await startServer({ port: 0, maxPayload: maxSize + 1024 });
  console.log(`soak: ${messages} messages per adapter, 0 B – ${mib(maxSize)}, seed ${seed}`);
  console.log("| adapter | messages | lost | reordered | corrupted | data each way | time | rate |");
  console.log("|---|--:|--:|--:|--:|--:|--:|--:|");
  let bad = 0;
  for (const adapter of ADAPTERS) {
    const r = await soak(adapter, { url: server.url, messages, maxSize, seed });
    bad += r.lost + r.reordered + r.corrupted;
    const rate = Math.round((r.received / r.ms) * 1000);
    console.log(
      `| ${adapter} | ${r.received} | ${r.lost} | ${r.reordered} | ${r.corrupted} | ${mib(r.bytes)} | ${(r.ms / 1000).toFixed(1)} s | ${rate} msg/s, ${mib((r.bytes / r.ms) * 1000)}/s |`,
    );
  }
  await server.close();
  if (bad > 0) process.exitCode = 1;
}
