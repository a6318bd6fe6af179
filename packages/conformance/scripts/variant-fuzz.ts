// stress variant-fuzz [--runs 100000] [--seed 1]: bytes_to_var on random and mutated buffers; 0 throws.
import { fuzzVariants } from "../src/variant-fuzz.ts";
import { flag } from "./args.ts";

export async function runVariantFuzz(): Promise<void> {
  const started = Date.now();
  const r = fuzzVariants(flag("runs", 100_000), flag("seed", 1));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `variant fuzz: ${r.runs} buffers in ${seconds} s: ${r.decoded} decoded, ${r.nulls} null (refused)`,
  );
  console.log(`throws (distinct): ${r.throws.length}`);
  for (const what of r.throws) console.log(`  ${what}`);
  if (r.throws.length > 0) process.exitCode = 1;
}
