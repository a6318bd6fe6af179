// stress bad-input [--runs 100000]: random values at every public function of every adapter.
import { startServer } from "@wsport/server";
import { throwAtAdapters } from "../src/bad-input.ts";
import { flag } from "./args.ts";

export async function runBadInput(): Promise<void> {
  const runs = flag("runs", 20_000);
  const server = await startServer({ port: 0, faults: true });
  let unhandled = 0;
  const count = () => unhandled++;
  process.on("unhandledRejection", count);
  process.on("uncaughtException", count);
  const started = Date.now();
  const r = await throwAtAdapters(server.url, runs, flag("seed", 1));
  // Sockets may still be finishing their close; give them a bounded moment.
  const deadline = Date.now() + 10_000;
  while (server.connections > 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
  console.log(
    `bad input: ${r.calls} calls in ${((Date.now() - started) / 1000).toFixed(1)} s: ${r.returned} returned, ${r.threw} threw a clear Error`,
  );
  console.log(`unclear throws (distinct): ${r.unclear.length}`);
  for (const [i, what] of r.unclear.entries()) console.log(`  ${what}\n    e.g. ${r.examples[i]}`);
  console.log(`unhandled rejections / uncaught exceptions: ${unhandled}`);
  console.log(`server connections left open: ${server.connections}`);
  const left = server.connections;
  process.off("unhandledRejection", count);
  process.off("uncaughtException", count);
  await server.close();
  if (r.unclear.length || unhandled || left) process.exitCode = 1;
}
