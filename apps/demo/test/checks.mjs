// What the demo's end-to-end tests share: one line per check, each naming the browser it ran in,
// a count of passes and failures, and polling until a check holds or its time is up.
import { until } from "../../../test/until.mjs";

let passed = 0;
let failed = 0;
/** Which browser the checks are in, named at the start of every check line ("" for the bundle and Node). */
let where = "";

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function checkingIn(browser) {
  where = browser ? `[${browser}] ` : "";
}

export function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${where}${name}${!ok && detail ? `\n     ${detail}` : ""}`);
}

/** Polls `probe` (the repository's until(), every 100 ms) until it returns { ok: true } or `ms` pass; records one check either way. */
export async function eventually(name, probe, ms = 8000) {
  let last = { ok: false, detail: "never ran" };
  const holds = async () => {
    last = await probe();
    return last.ok;
  };
  await until(holds, name, ms, { everyMs: 100 }).catch(() => {});
  check(name, last.ok, last.detail);
  return last.ok;
}

/** Prints the totals and exits: 1 on any failure. */
export function finish() {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
