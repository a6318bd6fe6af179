// One benchmarked client in a process of its own, as an app uses one library. Sharing one process
// made ws's own hot paths see every client's calls, which slowed each adapter by up to 10 % in
// ways no app would see. Answers { throughput } and { latency } requests with one run each.
import { loadClients } from "../clients/index.ts";
import { answerRun, type RunRequest } from "../echo.ts";
import { reply, serve } from "./ipc.ts";

const name = process.argv[2];
const { clients } = await loadClients();
const client = clients.find((c) => c.name === name);
if (client === undefined) throw new Error(`echo-client: no client named ${name}`);

serve((request) => answerRun(client, request as unknown as RunRequest));
reply({ ready: true });
