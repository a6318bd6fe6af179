// Section 3: @wsport/server against a bare ws echo server. Servers and the load generator each run
// in their own process; only one server is loaded at a time, alternating per run.
import type { Child } from "../child.ts";
import type { BenchConfig } from "../config.ts";
import type { ServerRow } from "../results.ts";
import { median, ratio } from "../stats.ts";

export interface ServerProcess {
  name: string;
  url: string;
  child: Child;
}

export async function measureServers(
  config: BenchConfig,
  servers: readonly ServerProcess[],
  load: Child,
): Promise<ServerRow[]> {
  const rows: ServerRow[] = [];
  for (const clients of config.serverClients) {
    // One client alone keeps a pipeline full; many clients each keep one message in flight.
    const depth = clients === 1 ? config.inFlight : 1;
    const runs = new Map(servers.map((s) => [s.name, [] as number[]]));
    const cpuRuns = new Map(servers.map((s) => [s.name, [] as number[]]));
    const cpuNow = async (server: ServerProcess) =>
      (await server.child.request<{ micros: number }>({ cpu: true }, 10_000)).micros;
    for (let run = 0; run < config.warmups + config.runs; run++) {
      const order = run % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        const cpuBefore = await cpuNow(server);
        const { echoed, seconds } = await load.request<{ echoed: number; seconds: number }>(
          { url: server.url, clients, depth, size: config.serverPayload, ms: config.serverMs },
          config.serverMs + 30_000,
        );
        const cpu = (await cpuNow(server)) - cpuBefore;
        if (run >= config.warmups) {
          runs.get(server.name)!.push(echoed / seconds);
          cpuRuns.get(server.name)!.push(cpu / echoed);
        }
      }
    }
    const base = median(runs.get(servers[0]!.name)!);
    const baseCpu = median(cpuRuns.get(servers[0]!.name)!);
    for (const server of servers) {
      const values = runs.get(server.name)!;
      const cpuMicros = median(cpuRuns.get(server.name)!);
      rows.push({
        server: server.name,
        clients,
        inFlightPerClient: depth,
        runs: values,
        median: median(values),
        ratio: ratio(median(values), base),
        cpuRuns: cpuRuns.get(server.name)!,
        cpuMicros,
        cpuRatio: ratio(cpuMicros, baseCpu),
      });
    }
  }
  return rows;
}
