// pnpm bench: every figure in one run, printed as tables and written to results/latest.json, with
// the same tables as Markdown in results/latest.md. `--quick` is the smoke run for `pnpm test`: tiny
// counts, one run, written to results/quick.json and quick.md.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { startChild } from "./child.ts";
import { loadClients } from "./clients/index.ts";
import { fullConfig, quickConfig } from "./config.ts";
import { evaluateGoals, render, renderMarkdown } from "./report.ts";
import type { Results } from "./results.ts";
import { measureFrames, openBrowserClients } from "./sections/browser.ts";
import { measureLatency, measureThroughput, startClientProcesses } from "./sections/clients.ts";
import { measureClientHeap, measureServerHeap } from "./sections/memory.ts";
import { measureGodotPoll } from "./sections/poll.ts";
import { measureReplication } from "./sections/replication.ts";
import { measureServers, type ServerProcess } from "./sections/server.ts";
import { measureBundleSizes } from "./sizes.ts";

const quick = process.argv.includes("--quick");
/** WSPORT_BENCH_PROFILE=<dir>: a Chromium CPU profile of each client's frame loop (inflates figure 9). */
const profileDir = process.env.WSPORT_BENCH_PROFILE;
const config = quick ? quickConfig : fullConfig;
const benchDir = fileURLToPath(new URL("..", import.meta.url));
const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`${line} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

if (typeof globalThis.gc !== "function") {
  log("bench: run with node --expose-gc (pnpm bench does)");
  process.exit(1);
}

// The figures are about the built packages users install: refuse to measure source files (tsx would
// follow tsconfig "paths" to src/ if this package's tsconfig stopped overriding them).
for (const name of ["@wsport/core", "@wsport/server"]) {
  const resolved = import.meta.resolve(name);
  if (!resolved.includes("/dist/")) {
    log(`bench: ${name} resolves to ${resolved}, not a built dist/ file; run from bench/ after pnpm build`);
    process.exit(1);
  }
}

// Nothing may keep us running: a stuck section ends the process after a generous bound.
const hardLimitMs = quick ? 180_000 : 45 * 60_000;
setTimeout(() => {
  log(`bench: gave up after ${hardLimitMs / 1000} s`);
  process.exit(1);
}, hardLimitMs).unref();

const { clients, missing } = await loadClients();
for (const m of missing) log(`bench: ${m.name} ${m.missing}`);

async function startEchoServer(kind: "ws" | "wsport", name: string): Promise<ServerProcess> {
  const [child, ready] = await startChild<{ port: number }>("echo-server", [kind]);
  return { name, url: `ws://127.0.0.1:${ready.port}/`, child };
}

const bareWs = await startEchoServer("ws", "bare ws");
const wsport = await startEchoServer("wsport", "@wsport/server");
const [load] = await startChild("load-clients", []);
const [idle] = await startChild("idle-clients", []);
const clientProcesses = await startClientProcesses(clients);

const results: Results = {
  date: new Date().toISOString(),
  node: process.versions.node,
  cpus: cpus().length,
  quick,
  seconds: 0,
  notes: [
    "Client figures (1, 2, 4 client side) run against one bare ws echo server in a child process; for 1 and 2 each client runs in a process of its own.",
    "Browser figures (7-9): headless Chromium, each client bundled with esbuild (minified) into a page of its own, against the same bare ws echo server; ratios are to the native WebSocket in the same run.",
    "Server figures: 1 client keeps 32 messages in flight; 100 clients keep 1 each. Load is raw ws in its own process.",
    ...clients.flatMap((client) => (client.note === undefined ? [] : [client.note])),
  ],
  missing,
  throughput: [],
  latency: [],
  server: [],
  serverHeap: [],
  clientHeap: [],
  godotPoll: null,
  replication: [],
  browser: null,
  bundles: [],
  goals: [],
};

try {
  log("bench: echo throughput");
  results.throughput = await measureThroughput(config.echo, clientProcesses, bareWs.url, log);
  log("bench: latency");
  results.latency = await measureLatency(config.echo, clientProcesses, bareWs.url);
  log("bench: server throughput");
  results.server = await measureServers(config, [bareWs, wsport], load);
  log("bench: server heap");
  results.serverHeap = await measureServerHeap(config, [bareWs, wsport], idle);
  log("bench: client heap");
  results.clientHeap = await measureClientHeap(config, clients, bareWs.url);
  log("bench: godot poll");
  results.godotPoll = await measureGodotPoll(config, bareWs.url);
  results.replication = await measureReplication(config, log);
  log("bench: browser");
  const browser = await openBrowserClients();
  try {
    results.missing.push(...browser.missing);
    log(`bench: browser echo throughput (Chromium ${browser.version})`);
    const throughput = await measureThroughput(config.browser, browser.clients, bareWs.url, log);
    log("bench: browser latency");
    const latency = await measureLatency(config.browser, browser.clients, bareWs.url);
    log("bench: browser frame loop");
    const frames = await measureFrames(config.browser, browser.clients, bareWs.url, profileDir);
    results.browser = { chromium: browser.version, throughput, latency, frames };
  } finally {
    await browser.close();
  }
  log("bench: bundles");
  results.bundles = await measureBundleSizes(benchDir);
} finally {
  const children = [bareWs.child, wsport.child, load, idle, ...clientProcesses.map((c) => c.child)];
  await Promise.all(children.map((child) => child.stop()));
}

results.seconds = (performance.now() - started) / 1000;
results.goals = evaluateGoals(results);
const file = `${benchDir}results/${quick ? "quick" : "latest"}`;
writeFileSync(`${file}.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${file}.md`, renderMarkdown(results));
console.log(render(results));
log(`bench: wrote ${file}.json and ${file}.md`);
process.exit(0);
