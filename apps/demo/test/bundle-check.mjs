// Proves the production bundle has no code from `ws` (nor core's Node transport) in two ways:
// the module list Vite wrote at build time (dist/modules.json) and the built JavaScript itself.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

/** Paths that would mean a Node transport reached the browser. */
const FORBIDDEN_MODULES = [
  /(^|\/)node_modules\/ws\//,
  /\/\.pnpm\/ws@/,
  /core\/dist\/node\.js$/,
  /core\/src\/node/,
];

/** Texts only `ws` (or Node's socket stack) carries; a browser WebSocket needs none of them. */
const FORBIDDEN_TEXTS = [
  "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", // the accept-key GUID: only a hand-made handshake needs it
  "WS_ERR_", // ws's error codes
  "ws does not work in the browser",
  "bufferutil",
  "utf-8-validate",
  "permessage-deflate",
  "node:net",
  "node:http",
];

/** Returns [name, ok, detail] rows for the e2e report. */
export function bundleChecks(distDir) {
  const rows = [];
  const modules = JSON.parse(readFileSync(join(distDir, "modules.json"), "utf8"));
  const ids = Object.values(modules).flat();
  const bad = ids.filter((id) => FORBIDDEN_MODULES.some((re) => re.test(id)));
  rows.push([
    "bundle: no ws module and no core Node entry in the module graph",
    bad.length === 0,
    bad.join(", "),
  ]);
  const browserCore = ids.some((id) => /core\/(dist|src)\/browser\.(js|ts)$/.test(id));
  rows.push(["bundle: core's browser entry is the one bundled", browserCore, `${ids.length} modules`]);
  const files = readdirSync(join(distDir, "assets")).filter((f) => f.endsWith(".js"));
  const hits = [];
  for (const file of files) {
    const text = readFileSync(join(distDir, "assets", file), "utf8");
    for (const needle of FORBIDDEN_TEXTS) if (text.includes(needle)) hits.push(`${file}: "${needle}"`);
  }
  // The markers must really be in ws, or their absence above would prove nothing.
  const wsDir = dirname(
    createRequire(resolve(distDir, "../../../packages/core/package.json")).resolve("ws/package.json"),
  );
  const wsFiles = readdirSync(join(wsDir, "lib")).map((f) => join(wsDir, "lib", f));
  const wsText = [...wsFiles, join(wsDir, "browser.js")].map((f) => readFileSync(f, "utf8")).join("\n");
  const missing = FORBIDDEN_TEXTS.slice(0, 5).filter((needle) => !wsText.includes(needle));
  rows.push(["bundle: the marker strings do occur in ws itself", missing.length === 0, missing.join(", ")]);
  rows.push([
    `bundle: none of ws's marker strings in ${files.length} JS file(s)`,
    hits.length === 0,
    hits.join(", "),
  ]);
  return rows;
}
