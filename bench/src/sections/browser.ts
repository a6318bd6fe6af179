// The browser section (7-9): every client in headless Chromium (Debian's, through playwright-core,
// launched as the browser tests launch it), each in a fresh page of its own (own browser context,
// own renderer process), bundled as an app would ship it: the client file, its library's browser
// entry and the page harness (browser/page.ts) through esbuild, minified. All talk to the same bare
// ws echo server in its own process as the Node figures. The native WebSocket is the reference.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
import { chromiumLaunchOptions } from "../../../test/chromium.mjs";
import type { FrameCounts, FrameWindow } from "../browser/frames.ts";
import type { FrameRequest } from "../browser/page.ts";
import { BROWSER_BUILD } from "../bundlers.ts";
import type { MissingClient } from "../clients/types.ts";
import type { BrowserPlan } from "../config.ts";
import type { RunRequest } from "../echo.ts";
import type { FrameRow } from "../results.ts";
import { median } from "../stats.ts";
import type { ClientRunner } from "./clients.ts";

const clientsDir = fileURLToPath(new URL("../clients/", import.meta.url));
const pageModule = fileURLToPath(new URL("../browser/page.ts", import.meta.url));

/** Every browser client: its file under clients/ and the expression that gives its ClientKind. */
const BROWSER_CLIENTS: ReadonlyArray<{ name: string; file: string; expression: string }> = [
  { name: "native WebSocket", file: "native.ts", expression: "native" },
  { name: "@wsport/core", file: "core.ts", expression: "core" },
  { name: "@wsport/defold-compat", file: "defold.ts", expression: "defold" },
  // Godot's poll loop spins on every turn in figures 7 and 8; this row is the same loop over core.
  { name: "(ref) core + poll loop", file: "core-polled.ts", expression: "corePolled" },
  { name: "@wsport/godot-compat", file: "godot.ts", expression: "godot" },
  { name: "@wsport/corona-compat", file: "corona.ts", expression: "corona" },
  { name: "@wsport/aseprite-compat", file: "aseprite.ts", expression: "aseprite" },
  { name: "isomorphic-ws", file: "isomorphic-ws.ts", expression: "isomorphicWs" },
  { name: "partysocket", file: "partysocket.ts", expression: "partysocket()" },
  {
    name: "reconnecting-websocket",
    file: "reconnecting-websocket.ts",
    expression: "reconnectingWebSocket()",
  },
  { name: "websocket-ts", file: "websocket-ts.ts", expression: "websocketTs()" },
];

/** One client's page script: the client, its library and the harness, minified for the browser. */
async function bundlePage(file: string, expression: string): Promise<string> {
  const binding = expression.replace(/\(.*$/, "");
  const contents = [
    `import { ${binding} } from ${JSON.stringify(`${clientsDir}${file}`)};`,
    `import { installBench } from ${JSON.stringify(pageModule)};`,
    `installBench(${expression});`,
  ].join("\n");
  const result = await build({
    ...BROWSER_BUILD,
    stdin: { contents, resolveDir: clientsDir, loader: "ts" },
    format: "iife",
  });
  // The figures are about what users install: the built packages, never the workspace sources.
  const sources = Object.keys(result.metafile.inputs).filter((path) => /packages\/[^/]+\/src\//.test(path));
  if (sources.length > 0)
    throw new Error(`bundled workspace sources instead of dist/: ${sources.join(", ")}`);
  return result.outputFiles[0]!.text;
}

/**
 * Serves the empty page every client's script is loaded into, on loopback, cross-origin isolated
 * (COOP + COEP): Chromium coarsens performance.now() to 100 us elsewhere and to 5 us there, and round
 * trips are tens of microseconds apart. A real loopback server, not a page playwright makes up:
 * Chromium lets a page reach a loopback WebSocket only from a loopback origin.
 */
async function servePage(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      "Content-Type": "text/html",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    response.end("<!doctype html><title>wsport bench</title>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

async function loadPage(page: Page, url: string, code: string): Promise<void> {
  await page.goto(url);
  if (!(await page.evaluate(() => globalThis.crossOriginIsolated)))
    throw new Error("the benchmark page is not cross-origin isolated (performance.now() would be coarse)");
  await page.addScriptTag({ content: code });
}

export interface BrowserClient extends ClientRunner {
  page: Page;
  cdp: CDPSession;
  context: BrowserContext;
}

export interface BrowserSession {
  version: string;
  clients: BrowserClient[];
  missing: MissingClient[];
  close(): Promise<void>;
}

/** Launches Chromium and opens one page per client whose bundle builds. */
export async function openBrowserClients(): Promise<BrowserSession> {
  const browser: Browser = await chromium.launch({
    ...chromiumLaunchOptions,
    headless: true,
  });
  const pageServer = await servePage();
  const close = async () => {
    await browser.close();
    pageServer.server.close();
  };
  /** One client's page, or why it has none; all are opened at once (start-up, not measured). */
  const openClient = async ({ name, file, expression }: (typeof BROWSER_CLIENTS)[number]) => {
    let code: string;
    try {
      code = await bundlePage(file, expression);
    } catch (err) {
      const reason = (err as { errors?: Array<{ text: string }> }).errors?.[0]?.text ?? String(err);
      return { name: `${name} (browser)`, missing: `not bundled (${reason})` };
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await loadPage(page, pageServer.url, code);
    const cdp = await context.newCDPSession(page);
    // Thread CPU time, not wall time: on a busy machine a descheduled renderer would count too.
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const run = <T>(request: RunRequest) => page.evaluate((r) => wsportBench.run(r), request) as Promise<T>;
    return { name, page, cdp, context, run };
  };
  let opened: Array<BrowserClient | MissingClient>;
  try {
    opened = await Promise.all(BROWSER_CLIENTS.map(openClient));
  } catch (err) {
    await close();
    throw err;
  }
  const clients = opened.filter((c): c is BrowserClient => "page" in c);
  const missing = opened.filter((c): c is MissingClient => "missing" in c);
  return { version: browser.version(), clients, missing, close };
}

/**
 * The page's cumulative scripting time in seconds (DevTools Protocol Performance.getMetrics) and the
 * frame loop's totals, asked back to back on one session so both describe the same moment (the
 * round trips of page.evaluate() around a window would add frames outside it).
 */
async function snapshot(cdp: CDPSession): Promise<{ script: number; counts: FrameCounts }> {
  const [metrics, evaluated] = await Promise.all([
    cdp.send("Performance.getMetrics"),
    cdp.send("Runtime.evaluate", { expression: "wsportBench.frameCounts()", returnByValue: true }),
  ]);
  const script = metrics.metrics.find((m) => m.name === "ScriptDuration")?.value ?? Number.NaN;
  return { script, counts: evaluated.result.value as FrameCounts };
}

/**
 * JS heap bytes allocated over `frames` frames, and the echoes received meanwhile: V8's sampling heap
 * profiler (one sample per 512 bytes on average, scaled back up) keeping the objects the young and old
 * generation collections freed, so the sum is what was allocated, not what survived. The heap size
 * itself (performance.memory, even with --enable-precise-memory-info) does not move with every
 * young-generation allocation, and its frame-to-frame growth read near zero for every client.
 */
async function allocatedBytes(
  client: BrowserClient,
  frames: number,
): Promise<{ bytes: number; received: number }> {
  await client.cdp.send("HeapProfiler.enable");
  await client.cdp.send("HeapProfiler.startSampling", {
    samplingInterval: 512,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const received = await echoesDuring(client, frames);
  const { profile } = await client.cdp.send("HeapProfiler.stopSampling");
  await client.cdp.send("HeapProfiler.disable");
  type Node = { selfSize: number; children: Node[] };
  const total = (node: Node): number => node.selfSize + node.children.reduce((sum, c) => sum + total(c), 0);
  return { bytes: total(profile.head as Node), received };
}

/** Runs `frames` frames of the loop; returns the echoes received meanwhile (for an instrumented window). */
async function echoesDuring(client: BrowserClient, frames: number): Promise<number> {
  const before = await snapshot(client.cdp);
  await client.page.evaluate((n) => wsportBench.frameWindow(n), frames);
  const after = await snapshot(client.cdp);
  return after.counts.received - before.counts.received;
}

/**
 * The JavaScript of the page's own script per echoed message, in microseconds, over `frames` frames:
 * V8's CPU profiler (one sample per 50 us) counting the samples whose function comes from the page's
 * bundle (the client, its library and the harness) and not the browser's own code (send(), event
 * dispatch, rendering, garbage collection). Every row runs the same harness, so the difference to the
 * native row is the library's own code. With `profileDir`, the profile is also written there.
 */
async function ownScriptTime(
  client: BrowserClient,
  frames: number,
  profileDir: string | undefined,
): Promise<{ micros: number; received: number }> {
  await client.cdp.send("Profiler.enable");
  await client.cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await client.cdp.send("Profiler.start");
  const received = await echoesDuring(client, frames);
  const { profile } = await client.cdp.send("Profiler.stop");
  await client.cdp.send("Profiler.disable");
  if (profileDir !== undefined) {
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(`${profileDir}/${client.name.replace(/\W+/g, "_")}.cpuprofile`, JSON.stringify(profile));
  }
  // Script id "0" is the browser's own code: (program), (idle), (garbage collector), native functions.
  const own = new Set(profile.nodes.filter((n) => n.callFrame.scriptId !== "0").map((n) => n.id));
  let micros = 0;
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < (profile.samples ?? []).length; i++) {
    if (own.has(profile.samples![i]!)) micros += deltas[i] ?? 0;
  }
  return { micros, received };
}

interface FrameSample {
  scriptMsPerFrame: number;
  scriptMicrosPerMessage: number;
  ownScriptMicrosPerMessage: number;
  heapBytesPerMessage: number;
  fps: number;
  behind: number;
}

/** One frame-loop run: a timed window, then a profiled one and an allocation-sampled one of their own. */
async function frameRun(
  client: BrowserClient,
  plan: BrowserPlan,
  url: string,
  profileDir: string | undefined,
): Promise<FrameSample> {
  const request: FrameRequest = {
    url,
    perFrame: plan.messagesPerFrame,
    size: plan.frameMessageSize,
    warmupFrames: plan.warmupFrames,
  };
  await client.page.evaluate((r) => wsportBench.startFrames(r), request);
  try {
    const before = await snapshot(client.cdp);
    const window: FrameWindow = await client.page.evaluate((n) => wsportBench.frameWindow(n), plan.frames);
    const after = await snapshot(client.cdp);
    const script = after.script - before.script;
    // Profiling and allocation sampling in windows of their own: each costs the page time.
    const own = await ownScriptTime(client, plan.frames, profileDir);
    const allocated = await allocatedBytes(client, plan.frames);
    return {
      scriptMsPerFrame: (script * 1000) / (after.counts.frames - before.counts.frames),
      scriptMicrosPerMessage: (script * 1e6) / (after.counts.received - before.counts.received),
      ownScriptMicrosPerMessage: own.micros / own.received,
      heapBytesPerMessage: allocated.bytes / allocated.received,
      fps: window.frames / (window.elapsedMs / 1000),
      behind: window.behind,
    };
  } finally {
    await client.page.evaluate(() => wsportBench.stopFrames());
  }
}

/** Section 9: main-thread cost per frame and per message, heap per message; clients take turns. */
export async function measureFrames(
  plan: BrowserPlan,
  clients: readonly BrowserClient[],
  url: string,
  profileDir: string | undefined,
): Promise<FrameRow[]> {
  const samples = new Map<string, FrameSample[]>(clients.map((c) => [c.name, []]));
  const errors = new Map<string, string>();
  for (let run = 0; run < plan.frameRuns; run++) {
    for (let i = 0; i < clients.length; i++) {
      const client = clients[(i + run) % clients.length]!;
      if (errors.has(client.name)) continue;
      try {
        samples.get(client.name)!.push(await frameRun(client, plan, url, profileDir));
      } catch (err) {
        errors.set(client.name, err instanceof Error ? err.message.split("\n")[0]! : String(err));
      }
    }
  }
  const of = (name: string, pick: (s: FrameSample) => number) => median(samples.get(name)!.map(pick));
  const baseline = clients[0]!.name;
  return clients.map((client) => {
    const row: FrameRow = {
      client: client.name,
      frames: plan.frames,
      messagesPerFrame: plan.messagesPerFrame,
      fps: of(client.name, (s) => s.fps),
      scriptMsPerFrame: of(client.name, (s) => s.scriptMsPerFrame),
      scriptMicrosPerMessage: of(client.name, (s) => s.scriptMicrosPerMessage),
      scriptDelta:
        of(client.name, (s) => s.scriptMicrosPerMessage) - of(baseline, (s) => s.scriptMicrosPerMessage),
      ownScriptMicrosPerMessage: of(client.name, (s) => s.ownScriptMicrosPerMessage),
      ownScriptDelta:
        of(client.name, (s) => s.ownScriptMicrosPerMessage) -
        of(baseline, (s) => s.ownScriptMicrosPerMessage),
      heapBytesPerMessage: of(client.name, (s) => s.heapBytesPerMessage),
      behind: Math.max(0, ...samples.get(client.name)!.map((s) => s.behind)),
      runs: samples.get(client.name)!.map((s) => s.scriptMicrosPerMessage),
    };
    const error = errors.get(client.name);
    if (error !== undefined) row.error = error;
    return row;
  });
}
