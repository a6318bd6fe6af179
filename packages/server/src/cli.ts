#!/usr/bin/env node
// wsport-server: runs the test server from a shell. Exit codes: 0 clean stop, 1 cannot listen, 2 bad usage.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
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
  --max-connections <n>  refuse upgrades over <n> (at least 1) with HTTP 503 (default unlimited)
  --protocols <a,b>      accepted subprotocols (default: the first one offered, except "refuse*")
  --quiet                no per-connection log lines
  -h, --help             show this help
  -v, --version          show the version
`;

class UsageError extends Error {}

/** The flag of each option that takes a value; startServer's messages name options, the CLI's name flags. */
const FLAGS: Record<string, keyof ServerOptions> = {
  port: "port",
  host: "host",
  heartbeat: "heartbeat",
  "max-payload": "maxPayload",
  "max-connections": "maxConnections",
  protocols: "protocols",
};

function version(): string {
  // dist/cli.js and src/cli.ts both sit one level below package.json.
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/**
 * `--port -1` reads to parseArgs as a flag with no value followed by an unknown flag `-1`; written
 * `--port=-1` it is a value, which startServer can then refuse with its range.
 */
function joinNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.slice(2) in FLAGS && arg.startsWith("--") && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** A number (decimal or with an exponent: 1e6) becomes a number; anything else stays text, for startServer to name. */
function numeric(text: string | undefined): number | string | undefined {
  return text !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : text;
}

function parse(argv: string[]): ServerOptions | "help" | "version" {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeNumbers(argv),
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
    // parseArgs messages can span lines; keep the first, which names the flag. Its "ambiguous" is
    // a value that starts with a dash (`--port --quiet`): to the user, the value is missing.
    const first = (err as Error).message.split("\n")[0]!;
    throw new UsageError(first.replace(/ argument is ambiguous\.$/, " argument missing"));
  }
  if (values.help) return "help";
  if (values.version) return "version";
  const str = (name: string) => values[name] as string | undefined;
  // Only the shape changes here: every range and token check is startServer's (see usageMessage).
  const protocols = str("protocols")
    ?.split(",")
    .map((p) => p.trim());
  if (protocols?.includes("")) {
    throw new UsageError(
      `--protocols needs comma-separated subprotocols (e.g. chat,v2), got "${str("protocols")}"`,
    );
  }
  const options = {
    port: numeric(str("port")), // startServer applies the defaults
    host: str("host"),
    faults: values.faults === true,
    heartbeat: numeric(str("heartbeat")),
    maxPayload: numeric(str("max-payload")),
    maxConnections: numeric(str("max-connections")),
    protocols,
    quiet: values.quiet === true,
  };
  return options as ServerOptions;
}

/**
 * startServer's "options.maxPayload must be …" as the flag the user typed: "--max-payload must be …"; every
 * flag's value is text, so `got a string ("abc")` reads `got "abc"`.
 */
function usageMessage(message: string): string {
  return message
    .replace(/^options\.(\w+)/, (whole, option: string) => {
      const flag = Object.keys(FLAGS).find((f) => FLAGS[f] === option);
      return flag === undefined ? whole : `--${flag}`;
    })
    .replace(/got a string \((".*")\)$/, "got $1");
}

/** Why the server could not start, in the user's terms. */
function startMessage(err: Error & { code?: string }, host: string | undefined): string {
  if (err.code === "ENOTFOUND" || err.code === "EAI_AGAIN")
    return `--host ${host}: the name does not resolve to an address`;
  return err.message;
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
    // startServer throws TypeError / RangeError for a bad option: bad usage, named by its flag.
    if (err instanceof TypeError || err instanceof RangeError) {
      process.stderr.write(`wsport-server: ${usageMessage(err.message)} (see --help)\n`);
      process.exit(2);
    }
    process.stderr.write(`wsport-server: ${startMessage(err as Error, options.host)}\n`);
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
    if (stopping) {
      // A second signal means "now": say so, and that it is not a clean stop.
      process.stderr.write(`wsport-server: ${signal} again, exiting without waiting for clients\n`);
      process.exit(1);
    }
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
