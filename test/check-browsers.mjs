#!/usr/bin/env node
// `pnpm test`'s first step: stops at once, naming each missing browser and its install command.
import { missingBrowsers } from "./browsers.mjs";

const missing = missingBrowsers();
if (missing.length > 0) {
  console.error("The browser tests run in Chromium, Firefox ESR and WebKitGTK; this machine lacks:");
  for (const line of missing) console.error(`  ${line}`);
  process.exit(1);
}
