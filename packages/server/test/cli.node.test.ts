// Runs the built CLI (dist/cli.js) as a separate process, rebuilding it first when src is newer.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { startServer } from "@wsport/server";
import { describe, expect, it } from "vitest";
import { builtPackage } from "../../../test/built.ts";
import { closed, open, within } from "./helpers.js";

const pkgDir = builtPackage("server", "cli.js");
const cli = `${pkgDir}dist/cli.js`;
const version = (JSON.parse(readFileSync(`${pkgDir}package.json`, "utf8")) as { version: string }).version;

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [cli, ...args], { cwd: pkgDir });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = within(
    new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code))),
    `wsport-server ${args.join(" ")} to exit`,
    10_000,
  ).finally(() => child.kill("SIGKILL"));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Starts the CLI on a free port and resolves with the echo URL it printed. */
async function serve(args: string[]): Promise<Run & { url: string }> {
  const proc = run(["--port", "0", ...args]);
  const url = await within(
    new Promise<string>((resolve, reject) => {
      proc.exit.then(() => reject(new Error(`exited early: ${proc.stderr()}`)), reject);
      proc.child.stdout.on("data", () => {
        const match = /echo\s+(ws:\/\/\S+)/.exec(proc.stdout());
        if (match) resolve(match[1]!);
      });
    }),
    "the CLI to print its URL",
  );
  return { ...proc, url };
}

describe("wsport-server CLI", () => {
  it("--help prints usage and exits 0", async () => {
    const proc = run(["--help"]);
    expect(await proc.exit).toBe(0);
    expect(proc.stdout()).toContain("Usage: wsport-server [options]");
    expect(proc.stdout()).toContain("--max-connections");
  });

  it("--version prints the package version", async () => {
    const proc = run(["--version"]);
    expect(await proc.exit).toBe(0);
    expect(proc.stdout()).toBe(`${version}\n`);
  });

  it.each([
    [
      ["--port", "abc"],
      'wsport-server: --port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got "abc" (see --help)',
    ],
    [
      ["--port", "-1"],
      "wsport-server: --port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got -1 (see --help)",
    ],
    [
      ["--port", "65536"],
      "wsport-server: --port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got 65536 (see --help)",
    ],
    [
      ["--port", "1.5"],
      "wsport-server: --port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got 1.5 (see --help)",
    ],
    [
      ["--heartbeat", "-5"],
      "wsport-server: --heartbeat must be an integer from 0 to 2147483647 (ms, 0 = off), got -5 (see --help)",
    ],
    [
      ["--heartbeat=-1"],
      "wsport-server: --heartbeat must be an integer from 0 to 2147483647 (ms, 0 = off), got -1 (see --help)",
    ],
    [
      ["--max-payload", "0"],
      "wsport-server: --max-payload must be an integer from 1 to 4294967296 (bytes), got 0 (see --help)",
    ],
    [
      ["--max-payload", "1e3x"],
      'wsport-server: --max-payload must be an integer from 1 to 4294967296 (bytes), got "1e3x" (see --help)',
    ],
    [
      ["--max-connections", "many"],
      'wsport-server: --max-connections must be an integer from 1 to 9007199254740991 (connections), got "many" (see --help)',
    ],
    [
      ["--max-connections", "0"],
      "wsport-server: --max-connections must be an integer from 1 to 9007199254740991 (connections), got 0 (see --help)",
    ],
    [["--host", " "], "wsport-server: --host must not be empty (see --help)"],
    [["--port"], "wsport-server: Option '--port <value>' argument missing (see --help)"],
    [["--port", "--quiet"], "wsport-server: Option '--port' argument missing (see --help)"],
    [["--bogus"], "wsport-server: Unknown option '--bogus' (see --help)"],
    [
      ["--protocols", "a b"],
      'wsport-server: --protocols entry "a b" is not a valid subprotocol token (see --help)',
    ],
    [
      ["--protocols", ",,"],
      'wsport-server: --protocols needs comma-separated subprotocols (e.g. chat,v2), got ",," (see --help)',
    ],
    [
      ["--protocols", "chat,"],
      'wsport-server: --protocols needs comma-separated subprotocols (e.g. chat,v2), got "chat," (see --help)',
    ],
  ])("bad usage %j exits 2 with one stderr line", async (args, message) => {
    const proc = run(args);
    expect(await proc.exit).toBe(2);
    const lines = proc.stderr().trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });

  it("a byte count written with an exponent (--max-payload 1e3) is that number", async () => {
    const proc = await serve(["--max-payload", "1e3", "--quiet"]);
    const ws = await open(proc.url);
    const result = closed(ws);
    ws.send("x".repeat(1001)); // one byte over 1e3
    expect(await result).toMatchObject({ code: 1009 });
    proc.child.kill("SIGTERM");
    expect(await proc.exit).toBe(0);
  });

  it("--host with a name that does not resolve says so and exits 1", async () => {
    const proc = run(["--host", "not_a_host", "--port", "0"]);
    expect(await proc.exit).toBe(1);
    expect(proc.stderr()).toBe("wsport-server: --host not_a_host: the name does not resolve to an address\n");
  });

  it("exits 1 with one stderr line and no stack trace when the port is taken", async () => {
    const taken = await startServer({ port: 0 });
    try {
      const proc = run(["--port", String(taken.port)]);
      expect(await proc.exit).toBe(1);
      expect(proc.stderr()).toBe(`wsport-server: Port ${taken.port} on 127.0.0.1 is already in use\n`);
    } finally {
      await taken.close();
    }
  });

  it("prints its routes, logs connections, and on SIGTERM closes every client with 1001 and exits 0", async () => {
    const proc = await serve(["--faults"]);
    expect(proc.stdout()).toContain(`${proc.url.replace(/\/$/, "")}/room/<name>`);
    expect(proc.stdout()).toContain("/reject/<status>");
    const clients = await Promise.all([open(proc.url), open(`${proc.url}room/x`), open(`${proc.url}room/x`)]);
    const results = clients.map((ws) => closed(ws));
    proc.child.kill("SIGTERM");
    for (const result of await Promise.all(results)) {
      expect(result).toMatchObject({ code: 1001, reason: "Server shutting down" });
    }
    expect(await proc.exit).toBe(0);
    expect(proc.stdout().match(/ open /g)).toHaveLength(3);
    expect(proc.stdout().match(/ close 1001/g)).toHaveLength(3);
  });

  it("on SIGINT closes clients with 1001 and exits 0; --quiet logs no connections", async () => {
    const proc = await serve(["--quiet"]);
    expect(proc.stdout()).toContain("fault routes off");
    const ws = await open(proc.url);
    const result = closed(ws);
    proc.child.kill("SIGINT");
    expect(await result).toMatchObject({ code: 1001 });
    expect(await proc.exit).toBe(0);
    expect(proc.stdout()).not.toContain(" open ");
  });

  it("a second SIGINT while clients are still closing exits 1 and says why", async () => {
    const proc = await serve([]);
    // A client that never answers the close frame keeps the first SIGINT's shutdown waiting.
    const silent = await silentClient(new URL(proc.url).port);
    try {
      proc.child.kill("SIGINT");
      await within(
        new Promise<void>((resolve) => {
          const check = () => proc.stdout().includes("SIGINT: closing") && resolve();
          check();
          proc.child.stdout.on("data", check);
        }),
        "the first SIGINT to start the shutdown",
      );
      proc.child.kill("SIGINT");
      expect(await proc.exit).toBe(1);
      expect(proc.stderr()).toBe("wsport-server: SIGINT again, exiting without waiting for clients\n");
    } finally {
      silent.destroy();
    }
  });
});

/** A hand-made WebSocket client that completes the handshake and then reads nothing and answers nothing. */
function silentClient(port: string): Promise<Socket> {
  const socket = connect(Number(port), "127.0.0.1");
  socket.write(
    [
      "GET / HTTP/1.1",
      `Host: 127.0.0.1:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      "Sec-WebSocket-Version: 13",
      "",
      "",
    ].join("\r\n"),
  );
  return within(
    new Promise<Socket>((resolve, reject) => {
      socket.on("error", reject);
      socket.once("data", (chunk) => {
        if (chunk.toString("latin1").startsWith("HTTP/1.1 101")) resolve(socket);
        else reject(new Error(`handshake refused: ${chunk.toString("latin1")}`));
      });
    }),
    "the silent client's handshake",
  );
}
