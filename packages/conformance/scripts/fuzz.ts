// stress fuzz [--cases 100000]: bad frames and handshakes at @wsport/server over raw TCP.
import { startServer } from "@wsport/server";
import { fuzzServer } from "../src/fuzz.ts";
import { flag } from "./args.ts";

export async function runFuzz(): Promise<void> {
  const cases = flag("cases", 100_000);
  const maxPayload = 64 * 1024;
  const server = await startServer({ port: 0, maxPayload });
  const started = Date.now();
  const r = await fuzzServer(server.port, maxPayload, cases, flag("seed", 1));
  const s = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${r.frames} bad frames + ${r.handshakes} bad handshakes in ${s} s (seed ${flag("seed", 1)})`,
  );
  console.log(
    `wrong close codes: ${r.wrongCode.length}${r.wrongCode.length ? ` (${r.wrongCode.join("; ")})` : ""}`,
  );
  console.log(`connections the server did not close within 3 s: ${r.notClosed}`);
  console.log(
    `well-behaved client: ${r.probeEchoes} echoes, ${r.probeMissed} missed, closed: ${r.probeClosed}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(`server connections left: ${server.connections}`);
  await server.close();
  if (r.wrongCode.length || r.notClosed || r.probeMissed || r.probeClosed) process.exitCode = 1;
}
