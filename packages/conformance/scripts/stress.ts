// pnpm --filter @wsport/conformance stress <soak|load|fuzz|variant-fuzz|bad-input|leaks|all> [flags]
// Every run is bounded (counts and timeouts), on loopback only, and stops by itself.
import { runBadInput } from "./bad-input.ts";
import { runFuzz } from "./fuzz.ts";
import { runLeaks } from "./leaks.ts";
import { runLoad } from "./load.ts";
import { runSoak } from "./soak.ts";
import { runVariantFuzz } from "./variant-fuzz.ts";

const runs: Record<string, () => Promise<void>> = {
  soak: runSoak,
  load: runLoad,
  fuzz: runFuzz,
  "variant-fuzz": runVariantFuzz,
  "bad-input": runBadInput,
  leaks: runLeaks,
};

const which = process.argv[2] ?? "";
const selected = which === "all" ? Object.keys(runs) : [which];
if (!selected.every((name) => name in runs)) {
  console.error(`usage: stress <${Object.keys(runs).join("|")}|all> [flags]`);
  process.exit(2);
}
console.log(`# ${new Date().toISOString()} · Node ${process.versions.node}`);
for (const name of selected) {
  console.log(`\n## ${name}`);
  await runs[name]!();
}
process.exit(process.exitCode ?? 0);
