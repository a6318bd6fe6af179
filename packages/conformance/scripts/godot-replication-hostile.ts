// pnpm --filter @wsport/conformance godot-replication-hostile [--count 100000] [--seed 1] [--seconds 300]
// A hostile peer sends `count` malformed and forged replication, RPC and path-cache commands to a Godot
// scene-replication server while two honest clients play; prints what escaped, what the honest clients
// missed and the server's heap before and after. Loopback only; stops by itself after `seconds`.
import { hostileRun } from "../src/godot-replication-hostile.ts";
import { flag, mib } from "./args.ts";

const count = flag("count", 100_000);
const seed = flag("seed", 1);
const seconds = flag("seconds", 300);
console.log(`# ${new Date().toISOString()} · Node ${process.versions.node}`);
const report = await hostileRun(count, seed, seconds * 1000);
console.log(
  "| hostile commands | refusals printed | escaped | caught inside | moves × observers | missed | server heap before → after (GC) | time |",
);
console.log("|--:|--:|--:|--:|--:|--:|--:|--:|");
console.log(
  `| ${report.sent} | ${report.prints} | ${report.escaped} | ${report.caught} | ${report.expected} × 4 | ${report.missed} | ${mib(report.heapBefore)} → ${mib(report.heapAfter)} | ${(report.ms / 1000).toFixed(1)} s |`,
);
if (report.firstCaught) console.log(`first exception caught inside: ${report.firstCaught}`);
process.exit(report.escaped || report.caught || report.missed ? 1 : 0);
