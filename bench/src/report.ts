// Turns results into the tables and the goal checklist, printed as text and written as Markdown
// (results/latest.md) from the same blocks. Goals are reported, never asserted.
import type { Goal, Results, ThroughputRow } from "./results.ts";
import { BUNDLERS } from "./size-table.ts";
import type { BundleSize } from "./sizes.ts";

/** A plain-text table: columns padded, the first left-aligned, the others right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "-");
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
const signed = (n: number, digits = 1) =>
  Number.isFinite(n) ? `${n >= 0 ? "+" : ""}${n.toFixed(digits)}` : "-";
const sizeLabel = (bytes: number) => (bytes >= 1024 ? `${bytes / 1024} KiB` : `${bytes} B`);
const isBundle = (b: BundleSize | { error: string }): b is BundleSize => !("error" in b);
/** Our own rows (the ones goals are about), as opposed to baselines, references and peers. */
const isOurs = (client: string) => client.startsWith("@wsport/");
const bundlerFigures = (b: BundleSize) =>
  BUNDLERS.map((bundler) => `${bundler} ${b.typical[bundler]} B`).join(", ");

/** The goal checklist; a --quick run keeps only the deterministic ones (bundle bytes, what is missing). */
export function evaluateGoals(r: Results): Goal[] {
  const goals = allGoals(r);
  return r.quick
    ? goals.filter(
        (g) => g.goal.includes("bundle") || g.goal.includes("min+gzip") || g.goal.endsWith("measured"),
      )
    : goals;
}

function allGoals(r: Results): Goal[] {
  const goals: Goal[] = [];
  const measuredClients = new Set(r.throughput.map((t) => t.client));
  for (const client of measuredClients) {
    if (!isOurs(client)) continue;
    const cells = r.throughput.filter((t) => t.client === client);
    const misses = cells.filter((t) => !(t.ratio >= 0.95));
    const ref = r.throughput.filter((t) => t.client === "(ref) core + poll loop");
    const vsRef =
      client.includes("godot") && ref.length > 0
        ? cells.map(
            (t) =>
              t.median /
              (ref.find((x) => x.payload === t.payload && x.mode === t.mode)?.median ?? Number.NaN),
          )
        : [];
    goals.push({
      goal: `${client} throughput >= 0.95 x raw ws (every payload, sequential and pipelined)`,
      met: misses.length === 0,
      detail:
        misses.length === 0
          ? `lowest ${fixed(Math.min(...cells.map((t) => t.ratio)))}`
          : misses.map((t) => `${t.mode} ${sizeLabel(t.payload)}: ${t.error ?? fixed(t.ratio)}`).join("; ") +
            ` (client CPU/msg x${fixed(Math.min(...cells.map((t) => t.cpuRatio)))}..x${fixed(Math.max(...cells.map((t) => t.cpuRatio)))})` +
            (vsRef.length > 0
              ? `; vs the same poll loop over core: x${fixed(Math.min(...vsRef))}..x${fixed(Math.max(...vsRef))}`
              : ""),
    });
  }
  for (const row of r.latency) {
    if (!isOurs(row.client)) continue;
    const met = row.p50Delta <= 10 && row.p99Ratio <= 1.2;
    goals.push({
      goal: `${row.client} RTT p50 <= raw + 10 us, p99 <= 1.2 x raw`,
      met: row.error ? false : met,
      detail: row.error ?? `p50 ${signed(row.p50Delta)} us, p99 x${fixed(row.p99Ratio)}`,
    });
  }
  for (const row of r.server.filter((s) => s.server !== "bare ws")) {
    goals.push({
      goal: `@wsport/server >= 0.97 x bare ws with ${row.clients} client(s)`,
      met: row.ratio >= 0.97,
      detail: `x${fixed(row.ratio)} msg/s; server CPU per message x${fixed(row.cpuRatio)}`,
    });
  }
  for (const row of r.serverHeap.filter((s) => s.name !== "bare ws")) {
    goals.push({
      goal: `@wsport/server heap per idle connection <= bare ws + 1 KiB (${row.connections} conns)`,
      met: row.delta <= 1024,
      detail: `${signed(row.delta, 0)} B`,
    });
  }
  if (r.godotPoll) {
    goals.push({
      goal: "Godot poll() with nothing pending allocates nothing",
      met: r.godotPoll.error ? false : r.godotPoll.bytesPerCall < 1,
      detail:
        r.godotPoll.error ?? `${fixed(r.godotPoll.bytesPerCall)} B/call, ${r.godotPoll.gcDuringMeasure} GCs`,
    });
  }
  goals.push(...browserGoals(r));
  for (const b of r.bundles) {
    if (!isOurs(b.package)) continue;
    if (!isBundle(b)) {
      goals.push({ goal: `${b.package} bundle`, met: null, detail: b.error });
      continue;
    }
    goals.push({
      goal: `${b.package} bundles have no module of ws`,
      met: b.wsInputs.length === 0,
      detail: b.wsInputs.length === 0 ? "none" : b.wsInputs.join(", "),
    });
    if (b.budget !== undefined) {
      // Judged on what an app ships (its bundler keeps what the typical import reaches), in every
      // bundler; the every-export bundle is the worst case, shown beside it.
      const largest = Math.max(...Object.values(b.typical));
      goals.push({
        goal: `${b.package} min+gzip <= ${b.budget} B`,
        met: largest <= b.budget,
        detail: `${bundlerFigures(b)} for { ${b.typicalImport} } (every export, esbuild: ${b.gzip} B)`,
      });
    }
  }
  for (const m of r.missing) goals.push({ goal: `${m.name} measured`, met: null, detail: m.missing });
  return goals;
}

/**
 * The browser goals: throughput and p50 against the native WebSocket, main-thread time against the best
 * peer. isomorphic-ws in a page is the global WebSocket itself, so its distance from the native row is
 * the noise of the run; each miss says it, and Godot's also says how it compares with the same poll loop
 * over core (the cost of the polling model, not of godot-compat).
 */
function browserGoals(r: Results): Goal[] {
  if (r.browser === null) return [];
  const goals: Goal[] = [];
  const { throughput, latency, frames } = r.browser;
  const NATIVE_AGAIN = "isomorphic-ws";
  const REF = "(ref) core + poll loop";
  const sameCell = (rows: ThroughputRow[], t: ThroughputRow) =>
    rows.find((x) => x.payload === t.payload && x.mode === t.mode && x.message === t.message);
  const nativeAgain = throughput.filter((t) => t.client === NATIVE_AGAIN);
  const ref = throughput.filter((t) => t.client === REF);
  for (const client of new Set(throughput.map((t) => t.client).filter(isOurs))) {
    const cells = throughput.filter((t) => t.client === client);
    const misses = cells.filter((t) => !(t.ratio >= 0.95));
    const noise = (t: ThroughputRow) => sameCell(nativeAgain, t)?.ratio ?? Number.NaN;
    const vsRef = (t: ThroughputRow) => t.median / (sameCell(ref, t)?.median ?? Number.NaN);
    const godot = client.includes("godot") && ref.length > 0;
    goals.push({
      goal: `${client} in Chromium: throughput >= 0.95 x native WebSocket (every cell)`,
      met: misses.length === 0,
      detail:
        misses.length === 0
          ? `lowest ${fixed(Math.min(...cells.map((t) => t.ratio)))}`
          : misses
              .map(
                (t) =>
                  `${cellLabel(t)}: ${t.error ?? fixed(t.ratio)} (${NATIVE_AGAIN} ${fixed(noise(t))}` +
                  `${godot ? `; vs the poll loop over core x${fixed(vsRef(t))}` : ""})`,
              )
              .join("; "),
    });
  }
  const latencyNoise = latency.find((l) => l.client === NATIVE_AGAIN)?.p50Delta ?? Number.NaN;
  const latencyRef = latency.find((l) => l.client === REF)?.p50Delta ?? Number.NaN;
  for (const row of latency.filter((l) => isOurs(l.client))) {
    const godot = row.client.includes("godot") ? `, the poll loop over core ${signed(latencyRef)} us` : "";
    goals.push({
      goal: `${row.client} in Chromium: RTT p50 <= native + 10 us`,
      met: row.error ? false : row.p50Delta <= 10,
      detail:
        row.error ??
        `p50 ${signed(row.p50Delta)} us, p99 x${fixed(row.p99Ratio)} (${NATIVE_AGAIN} ${signed(latencyNoise)} us${godot})`,
    });
  }
  const peers = frames.filter((f) => !isOurs(f.client) && f.client !== "native WebSocket" && !f.error);
  const best = peers.reduce(
    (a, b) => (b.scriptMicrosPerMessage < a.scriptMicrosPerMessage ? b : a),
    peers[0]!,
  );
  const frameNoise = frames.find((f) => f.client === NATIVE_AGAIN)?.scriptDelta ?? Number.NaN;
  for (const row of frames.filter((f) => isOurs(f.client))) {
    goals.push({
      goal: `${row.client} in Chromium: main-thread time per message <= the best peer's`,
      met: row.error || best === undefined ? null : row.scriptMicrosPerMessage <= best.scriptMicrosPerMessage,
      detail:
        row.error ??
        `${fixed(row.scriptMicrosPerMessage)} us vs ${best?.client ?? "no peer"} ${fixed(best?.scriptMicrosPerMessage ?? Number.NaN)} us; native ${signed(row.scriptDelta)} us (${NATIVE_AGAIN} ${signed(frameNoise)} us); own JS native ${signed(row.ownScriptDelta, 2)} us`,
    });
  }
  return goals;
}

const cellLabel = (t: ThroughputRow) =>
  `${t.mode === "sequential" ? "seq" : "pipe"} ${t.message === "text" ? "text" : "bin"} ${sizeLabel(t.payload)}`;

/** One piece of the report: printed as text or written as Markdown. */
type Block =
  | { heading: string }
  | { text: string }
  | { headers: string[]; rows: string[][] }
  | { items: string[]; bullets?: boolean };

/** The report as plain text: what `pnpm bench` prints. */
export function render(r: Results): string {
  return blocks(r)
    .map((b) => {
      if ("heading" in b) return `\n${b.heading}`;
      if ("text" in b) return b.text;
      if ("items" in b) return b.items.map((item) => `  ${b.bullets ? "- " : ""}${item}`).join("\n");
      return table(b.headers, b.rows);
    })
    .join("\n")
    .trimStart();
}

const mdCell = (cell: string) => cell.replaceAll("|", "\\|");

/** The same report as Markdown (results/latest.md), generated: never edited by hand. */
export function renderMarkdown(r: Results): string {
  const out = [
    "<!-- Generated by `pnpm bench` from results/latest.json (bench/src/report.ts); do not edit. -->",
    "",
    "# wsport benchmark results",
    "",
  ];
  for (const b of blocks(r)) {
    if ("heading" in b) out.push(`## ${b.heading}`, "");
    else if ("text" in b) out.push(b.text, "");
    else if ("items" in b) out.push(...b.items.map((item) => `- ${mdCell(item)}`), "");
    else {
      const align = b.headers.map((_, i) => (i === 0 ? "---" : "---:"));
      out.push(...[b.headers, align, ...b.rows].map((row) => `| ${row.map(mdCell).join(" | ")} |`), "");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function blocks(r: Results): Block[] {
  const out: Block[] = [];
  out.push({
    text: `wsport bench, ${r.date}, Node ${r.node}${r.browser ? `, Chromium ${r.browser.chromium}` : ""}, ${r.cpus} CPUs${r.quick ? ", --quick (smoke run: figures are meaningless)" : ""}`,
  });
  out.push({
    text: r.quick
      ? "One run each; ratios are to raw ws (Node) or the native WebSocket (Chromium) in the same run."
      : "Medians of measured runs after a warm-up; ratios are to raw ws (Node) or the native WebSocket (Chromium) in the same run.",
  });

  const payloads = [...new Set(r.throughput.map((t) => t.payload))];
  const clients = [...new Set(r.throughput.map((t) => t.client))];
  for (const mode of ["sequential", "pipelined"] as const) {
    out.push({
      heading: `1. Echo throughput in Node, ${modeLabel(mode)}: messages/s (ratio to raw ws)`,
    });
    out.push({
      headers: ["client", ...payloads.map(sizeLabel)],
      rows: clients.map((client) => [
        client,
        ...payloads.map((p) =>
          throughputCell(r.throughput.find((x) => x.client === client && x.payload === p && x.mode === mode)),
        ),
      ]),
    });
  }

  out.push({
    heading:
      "1b. Client CPU per message in Node (user + system of the client process, echo server excluded): microseconds (ratio to raw ws)",
  });
  const cells = (["sequential", "pipelined"] as const).flatMap((mode) => payloads.map((p) => ({ mode, p })));
  out.push({
    headers: [
      "client",
      ...cells.map(({ mode, p }) => `${mode === "sequential" ? "seq" : "pipe"} ${sizeLabel(p)}`),
    ],
    rows: clients.map((client) => [
      client,
      ...cells.map(({ mode, p }) => {
        const t = r.throughput.find((x) => x.client === client && x.payload === p && x.mode === mode);
        return !t || t.error ? "-" : `${fixed(t.cpuMicros, 1)} (${fixed(t.cpuRatio)})`;
      }),
    ]),
  });

  out.push({ heading: "2. Round-trip latency in Node, sequential 64 B messages: microseconds" });
  out.push(latencyTable(r.latency, "raw"));

  out.push({
    heading:
      "3. Server echo throughput (server and raw ws load in separate processes): messages/s, and the server's CPU per message",
  });
  out.push({
    headers: ["server", "clients", "in flight each", "msg/s", "ratio", "server CPU us/msg", "CPU ratio"],
    rows: r.server.map((s) => [
      s.server,
      String(s.clients),
      String(s.inFlightPerClient),
      int(s.median),
      fixed(s.ratio),
      fixed(s.cpuMicros),
      fixed(s.cpuRatio),
    ]),
  });

  out.push({ heading: "4. Retained heap per idle connection (after GC): bytes" });
  out.push({
    headers: ["side", "name", "connections", "bytes/conn", "vs baseline"],
    rows: [
      ...r.serverHeap.map((h) => [
        "server",
        h.name,
        String(h.connections),
        int(h.median),
        signed(h.delta, 0),
      ]),
      ...r.clientHeap.map((h) =>
        h.error
          ? ["client", h.name, String(h.connections), "failed", ""]
          : ["client", h.name, String(h.connections), int(h.median), signed(h.delta, 0)],
      ),
    ],
  });

  out.push({ heading: "5. Godot WebSocketPeer.poll() with nothing pending" });
  if (r.godotPoll === null) out.push({ text: "not measured (@wsport/godot-compat not built)" });
  else if (r.godotPoll.error) out.push({ text: `failed: ${r.godotPoll.error}` });
  else {
    const p = r.godotPoll;
    out.push({
      text: `${fixed(p.nsPerCall, 1)} ns/call, ${fixed(p.bytesPerCall, 3)} bytes/call allocated, ${p.gcDuringMeasure} GCs over ${int(p.calls)} calls`,
    });
  }

  out.push({
    heading: `6. Browser bundles: the packed package's typical import built by ${BUNDLERS.join(", ")} (min+gzip -9, core included), and every export (esbuild)`,
  });
  out.push({
    headers: [
      "package",
      "typical import",
      ...BUNDLERS,
      "budget",
      "test ceilings",
      "every export",
      "ws modules",
    ],
    rows: r.bundles.map((b) =>
      isBundle(b)
        ? [
            b.package,
            `{ ${b.typicalImport} }`,
            ...BUNDLERS.map((bundler) => int(b.typical[bundler])),
            b.budget === undefined ? "-" : int(b.budget),
            b.ceiling === undefined
              ? "-"
              : BUNDLERS.map((bundler) => int(b.ceiling?.[bundler] ?? 0)).join(" / "),
            int(b.gzip),
            String(b.wsInputs.length),
          ]
        : [b.package, b.error, ...BUNDLERS.map(() => ""), "", "", "", ""],
    ),
  });

  out.push(...browserBlocks(r));

  out.push({ heading: r.quick ? "Goals (--quick: only the deterministic ones)" : "Goals" });
  out.push({
    items: r.goals.map((g) => `[${g.met === null ? "??" : g.met ? "ok" : "MISS"}] ${g.goal}: ${g.detail}`),
  });
  if (r.notes.length > 0) out.push({ heading: "Notes" }, { items: r.notes, bullets: true });
  out.push({ heading: `Wall time ${fixed(r.seconds, 1)} s` });
  return out;
}

const modeLabel = (mode: "sequential" | "pipelined") =>
  mode === "sequential" ? "sequential round trips" : "pipelined (32 in flight)";

function throughputCell(t: ThroughputRow | undefined): string {
  if (!t) return "-";
  if (t.error) return "failed";
  return `${int(t.median)} (${fixed(t.ratio)})`;
}

function latencyTable(rows: Results["latency"], baseline: string): Block {
  return {
    headers: ["client", "p50", "p99", `p50 - ${baseline}`, `p99 / ${baseline}`],
    rows: rows.map((l) =>
      l.error
        ? [l.client, "failed", "", "", ""]
        : [l.client, fixed(l.p50, 1), fixed(l.p99, 1), signed(l.p50Delta), fixed(l.p99Ratio)],
    ),
  };
}

/** Tables 7-9: the same echo figures in Chromium, and the main-thread cost in a frame loop. */
function browserBlocks(r: Results): Block[] {
  if (r.browser === null) return [{ heading: "7-9. Browser figures" }, { text: "not measured" }];
  const { throughput, latency, frames } = r.browser;
  const out: Block[] = [];
  const clients = [...new Set(throughput.map((t) => t.client))];
  const columns = [...new Map(throughput.map((t) => [`${t.message} ${t.payload}`, t])).values()];
  for (const mode of ["sequential", "pipelined"] as const) {
    out.push({
      heading: `7. Echo throughput in Chromium, ${modeLabel(mode)}: messages/s (ratio to the native WebSocket)`,
    });
    out.push({
      headers: [
        "client",
        ...columns.map((c) => `${c.message === "text" ? "text" : "bin"} ${sizeLabel(c.payload)}`),
      ],
      rows: clients.map((client) => [
        client,
        ...columns.map((c) =>
          throughputCell(
            throughput.find(
              (x) =>
                x.client === client && x.mode === mode && x.message === c.message && x.payload === c.payload,
            ),
          ),
        ),
      ]),
    });
  }
  out.push({ heading: "8. Round-trip latency in Chromium, sequential 64 B binary messages: microseconds" });
  out.push(latencyTable(latency, "native"));
  const first = frames[0];
  out.push({
    heading: `9. Main-thread cost in Chromium: a requestAnimationFrame loop sending and receiving ${first?.messagesPerFrame ?? "-"} messages of 64 B per frame`,
  });
  out.push({
    headers: [
      "client",
      "fps",
      "script ms/frame",
      "script us/msg",
      "vs native",
      "own JS us/msg",
      "vs native",
      "alloc B/msg",
      "max behind",
    ],
    rows: frames.map((f) =>
      f.error
        ? [f.client, "failed", "", "", "", "", "", "", ""]
        : [
            f.client,
            fixed(f.fps, 1),
            fixed(f.scriptMsPerFrame, 3),
            fixed(f.scriptMicrosPerMessage, 2),
            signed(f.scriptDelta, 2),
            fixed(f.ownScriptMicrosPerMessage, 2),
            signed(f.ownScriptDelta, 2),
            int(f.heapBytesPerMessage),
            int(f.behind),
          ],
    ),
  });
  return out;
}
