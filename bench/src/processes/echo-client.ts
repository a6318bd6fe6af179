// One benchmarked client in a process of its own, as an app uses one library. Sharing one process
// made ws's own hot paths see every client's calls, which slowed each adapter by up to 10 % in
// ways no app would see. Answers { throughput } and { latency } requests with one run each.
import { loadClients } from "../clients/index.ts";
import { latencyRun, throughputRun } from "../echo.ts";
import { reply, serve } from "./ipc.ts";

interface RunRequest {
  kind: "throughput" | "latency";
  url: string;
  size: number;
  count: number;
  inFlight: number;
  timeoutMs: number;
}

const name = process.argv[2];
const { clients } = await loadClients();
const client = clients.find((c) => c.name === name);
if (client === undefined) throw new Error(`echo-client: no client named ${name}`);

serve(async (request) => {
  const { kind, url, size, count, inFlight, timeoutMs } = request as unknown as RunRequest;
  const payload = new Uint8Array(size).fill(0x61);
  if (kind === "latency") {
    return { samples: Array.from(await latencyRun(client, url, payload, count, timeoutMs)) };
  }
  return { ...(await throughputRun(client, url, payload, count, inFlight, timeoutMs)) };
});
reply({ ready: true });
