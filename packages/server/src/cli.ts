#!/usr/bin/env node
// wsport-server: runs the test server from a shell. Exit codes: 0 clean stop, 1 cannot listen, 2 bad usage.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { MAX_TIMEOUT } from "@wsport/core";
import { isToken } from "@wsport/core/internal";
import { DEFAULT_PORT, SERVER_MAX_PAYLOAD, type ServerOptions } from "./options.js";
import { FAULT_USAGE } from "./routes.js";
import { startServer } from "./server.js";

const HELP = `Usage: wsport-server [options]

Echo, broadcast-room and fault-injection WebSocket test server.

Options:
  --port <n>             TCP port, 0 = any free port (default ${DEFAULT_PORT})
  --host <addr>          interface to bind (default 127.0.0.1)
  --faults               enable the fault routes (/reject, /close, /drop, /hang, ...)
  --heartbeat <ms>       ping every <ms>, drop peers that miss a pong (default off)
  --max-payload <bytes>  largest inbound message, bigger closes with 1009 (default ${SERVER_MAX_PAYLOAD})
  --max-connections <n>  refuse upgrades over <n> with HTTP 503 (default unlimited)
  --protocols <a,b>      accepted subprotocols (default: the first one offered, except "refuse*")
  --quiet                no per-connection log lines
  -h, --help             show this help
  -v, --version          show the version
`;

class UsageError extends Error {}

function version(): string {
  // dist/cli.js and src/cli.ts both sit one level below package.json.
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

function int(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isSafeInteger(n) && n >= min && n <= max)) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

function parse(argv: string[]): ServerOptions | "help" | "version" {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        faults: { type: "boolean" },
        heartbeat: { type: "string" },
        "max-payload": { type: "string" },
        "max-connections": { type: "string" },
        protocols: { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (err) {
    // parseArgs messages can span lines; keep the first, which names the flag.
    throw new UsageError((err as Error).message.split("\n")[0]!);
  }
  if (values.help) return "help";
  if (values.version) return "version";
  const str = (name: string) => values[name] as string | undefined;
  const host = str("host");
  if (host !== undefined && host.trim() === "") throw new UsageError("--host must not be empty");
  const protocols = str("protocols")
    ?.split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (protocols?.some((p) => !isToken(p))) {
    throw new UsageError(
      `--protocols must be a comma-separated list of tokens, got ${JSON.stringify(str("protocols"))}`,
    );
  }
  return {
    port: int("port", str("port"), 0, 65535), // startServer applies the defaults
    host,
    faults: values.faults === true,
    heartbeat: int("heartbeat", str("heartbeat"), 0, MAX_TIMEOUT),
    maxPayload: int("max-payload", str("max-payload"), 1, 2 ** 32),
    maxConnections: int("max-connections", str("max-connections"), 0, Number.MAX_SAFE_INTEGER),
    protocols: protocols && protocols.length > 0 ? protocols : undefined,
    quiet: values.quiet === true,
  };
}

async function main(): Promise<void> {
  // A closed pipe (e.g. `| head`) must not crash the server mid-shutdown with EPIPE.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`wsport-server: ${err.message} (see --help)\n`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(HELP);
    return;
  }
  if (options === "version") {
    process.stdout.write(`${version()}\n`);
    return;
  }

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(options);
  } catch (err) {
    process.stderr.write(`wsport-server: ${(err as Error).message}\n`);
    process.exit(1);
  }

  const base = server.url.replace(/\/$/, "");
  const lines = [
    `wsport-server ${version()} listening`,
    `  echo   ${base}/  (any other path echoes too)`,
    `  room   ${base}/room/<name>`,
  ];
  if (options.faults) {
    for (const usage of Object.values(FAULT_USAGE)) lines.push(`  fault  ${base}${usage}`);
  } else {
    lines.push("  fault routes off (use --faults)");
  }
  process.stdout.write(`${lines.join("\n")}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    if (!options.quiet) process.stdout.write(`${signal}: closing ${server.connections} connection(s)\n`);
    server.close().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`wsport-server: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main();
