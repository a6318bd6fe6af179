// Turns results into the printed tables and the goal checklist. Goals are reported, never asserted.
import type { Goal, Results } from "./results.ts";
import type { BundleSize } from "./sizes.ts";

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
    if (client === "raw ws" || client.startsWith("(ref)")) continue;
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
    if (row.client === "raw ws" || row.client.startsWith("(ref)")) continue;
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
  for (const b of r.bundles) {
    if (!isBundle(b)) {
      goals.push({ goal: `${b.package} bundle`, met: null, detail: b.error });
      continue;
    }
    goals.push({
      goal: `${b.package} bundle has 0 bytes of ws`,
      met: b.wsBytes === 0 && b.wsInputs.length === 0,
      detail: `${b.wsBytes} B`,
    });
    if (b.budget !== undefined) {
      // Judged on what an app ships (its bundler keeps what the typical import reaches); the
      // every-export bundle is the worst case, shown beside it.
      goals.push({
        goal: `${b.package} min+gzip <= ${b.budget} B`,
        met: b.typicalGzip <= b.budget,
        detail: `${b.typicalGzip} B for { ${b.typicalImport} } (every export: ${b.gzip} B)`,
      });
    }
  }
  for (const m of r.missing) goals.push({ goal: `${m.name} measured`, met: null, detail: m.missing });
  return goals;
}

export function render(r: Results): string {
  const out: string[] = [];
  out.push(
    `wsport bench, ${r.date}, Node ${r.node}, ${r.cpus} CPUs${r.quick ? ", --quick (smoke run: figures are meaningless)" : ""}`,
  );
  out.push(
    r.quick
      ? "One run each; ratios are to raw ws in the same run."
      : "Medians of measured runs after a warm-up (9 runs for tables 1-2, 5 for the rest); ratios are to raw ws in the same run.",
  );

  const payloads = [...new Set(r.throughput.map((t) => t.payload))];
  const clients = [...new Set(r.throughput.map((t) => t.client))];
  for (const mode of ["sequential", "pipelined"] as const) {
    out.push(
      "",
      `1. Echo throughput, ${mode === "sequential" ? "sequential round trips" : "pipelined (32 in flight)"}: messages/s (ratio to raw ws)`,
    );
    const rows = clients.map((client) => [
      client,
      ...payloads.map((p) => {
        const t = r.throughput.find((x) => x.client === client && x.payload === p && x.mode === mode);
        if (!t) return "-";
        if (t.error) return "failed";
        return `${int(t.median)} (${fixed(t.ratio)})`;
      }),
    ]);
    out.push(table(["client", ...payloads.map(sizeLabel)], rows));
  }

  out.push(
    "",
    "1b. Client CPU per message (user + system of the client process, echo server excluded): microseconds (ratio to raw ws)",
  );
  const cells = (["sequential", "pipelined"] as const).flatMap((mode) => payloads.map((p) => ({ mode, p })));
  out.push(
    table(
      ["client", ...cells.map(({ mode, p }) => `${mode === "sequential" ? "seq" : "pipe"} ${sizeLabel(p)}`)],
      clients.map((client) => [
        client,
        ...cells.map(({ mode, p }) => {
          const t = r.throughput.find((x) => x.client === client && x.payload === p && x.mode === mode);
          return !t || t.error ? "-" : `${fixed(t.cpuMicros, 1)} (${fixed(t.cpuRatio)})`;
        }),
      ]),
    ),
  );

  out.push("", "2. Round-trip latency, sequential 64 B messages: microseconds");
  out.push(
    table(
      ["client", "p50", "p99", "p50 - raw", "p99 / raw"],
      r.latency.map((l) =>
        l.error
          ? [l.client, "failed", "", "", ""]
          : [l.client, fixed(l.p50, 1), fixed(l.p99, 1), signed(l.p50Delta), fixed(l.p99Ratio)],
      ),
    ),
  );

  out.push(
    "",
    "3. Server echo throughput (server and raw ws load in separate processes): messages/s, and the server's CPU per message",
  );
  out.push(
    table(
      ["server", "clients", "in flight each", "msg/s", "ratio", "server CPU us/msg", "CPU ratio"],
      r.server.map((s) => [
        s.server,
        String(s.clients),
        String(s.inFlightPerClient),
        int(s.median),
        fixed(s.ratio),
        fixed(s.cpuMicros),
        fixed(s.cpuRatio),
      ]),
    ),
  );

  out.push("", "4. Retained heap per idle connection (after GC): bytes");
  out.push(
    table(
      ["side", "name", "connections", "bytes/conn", "vs baseline"],
      [
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
    ),
  );

  out.push("", "5. Godot WebSocketPeer.poll() with nothing pending");
  if (r.godotPoll === null) out.push("   not measured (@wsport/godot-compat not built)");
  else if (r.godotPoll.error) out.push(`   failed: ${r.godotPoll.error}`);
  else {
    const p = r.godotPoll;
    out.push(
      `   ${fixed(p.nsPerCall, 1)} ns/call, ${fixed(p.bytesPerCall, 3)} bytes/call allocated, ${p.gcDuringMeasure} GCs over ${int(p.calls)} calls`,
    );
  }

  out.push(
    "",
    "6. Browser bundles (esbuild, platform browser, minified; gzip -9): every export kept, and a typical import",
  );
  out.push(
    table(
      ["package", "min", "min+gzip", "budget", "ws bytes", "typical import", "its min+gzip"],
      r.bundles.map((b) =>
        isBundle(b)
          ? [
              b.package,
              int(b.minified),
              int(b.gzip),
              b.budget === undefined ? "-" : int(b.budget),
              String(b.wsBytes),
              `{ ${b.typicalImport} }`,
              int(b.typicalGzip),
            ]
          : [b.package, "not built", "", "", "", "", ""],
      ),
    ),
  );

  out.push("", r.quick ? "Goals (--quick: only the deterministic ones)" : "Goals");
  for (const g of r.goals)
    out.push(`  [${g.met === null ? "??" : g.met ? "ok" : "MISS"}] ${g.goal}: ${g.detail}`);
  if (r.notes.length > 0) out.push("", "Notes", ...r.notes.map((n) => `  - ${n}`));
  out.push("", `Wall time ${fixed(r.seconds, 1)} s`);
  return out.join("\n");
}
