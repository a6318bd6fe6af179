import { type Socket, connect as tcpConnect } from "node:net";
import { type ServerOptions, startServer } from "@wsport/server";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { until } from "../../../test/until.mjs";
import { closed, open, within } from "./helpers.js";

describe("startServer options", () => {
  it("defaults to loopback and reports its URL, port and host", async () => {
    const server = await startServer({ port: 0 });
    try {
      expect(server.host).toBe("127.0.0.1");
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`ws://127.0.0.1:${server.port}/`);
      expect(server.connections).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("uses the path option in its URL", async () => {
    const server = await startServer({ port: 0, path: "/echo" });
    try {
      expect(server.url).toBe(`ws://127.0.0.1:${server.port}/echo`);
      const ws = await open(server.url);
      ws.terminate();
    } finally {
      await server.close();
    }
  });

  it.each<[string, unknown, ErrorConstructor, string]>([
    ["options not an object", 5, TypeError, "startServer options must be an object, got a number (5)"],
    [
      "port as a string",
      { port: "80" },
      TypeError,
      'options.port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got a string ("80")',
    ],
    [
      "negative port",
      { port: -1 },
      RangeError,
      "options.port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got -1",
    ],
    [
      "port too big",
      { port: 70000 },
      RangeError,
      "options.port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got 70000",
    ],
    [
      "fractional port",
      { port: 1.5 },
      RangeError,
      "options.port must be an integer from 0 to 65535 (a TCP port, 0 = any free one), got 1.5",
    ],
    ["empty host", { host: "" }, RangeError, "options.host must not be empty"],
    ["path without slash", { path: "echo" }, RangeError, 'options.path must start with "/", got "echo"'],
    [
      "zero maxPayload",
      { maxPayload: 0 },
      RangeError,
      "options.maxPayload must be an integer from 1 to 4294967296 (bytes), got 0",
    ],
    [
      "zero maxConnections (a server that refuses everyone)",
      { maxConnections: 0 },
      RangeError,
      "options.maxConnections must be an integer from 1 to 9007199254740991 (connections), got 0",
    ],
    [
      "NaN maxConnections",
      { maxConnections: Number.NaN },
      RangeError,
      "options.maxConnections must be an integer from 1 to 9007199254740991 (connections), got NaN",
    ],
    [
      "negative heartbeat",
      { heartbeat: -5 },
      RangeError,
      "options.heartbeat must be an integer from 0 to 2147483647 (ms, 0 = off), got -5",
    ],
    [
      "protocols as a string",
      { protocols: "chat" },
      TypeError,
      'options.protocols must be an array of strings, got a string ("chat")',
    ],
    [
      "protocol with a space",
      { protocols: ["a b"] },
      RangeError,
      'options.protocols entry "a b" is not a valid subprotocol token',
    ],
    [
      "faults as a string",
      { faults: "yes" },
      TypeError,
      'options.faults must be a boolean, got a string ("yes")',
    ],
    [
      "allowOrigins with a number",
      { allowOrigins: [1] },
      TypeError,
      "options.allowOrigins must contain only strings, got a number (1)",
    ],
    [
      "log not a function",
      { log: "stdout" },
      TypeError,
      'options.log must be a function, got a string ("stdout")',
    ],
  ])("throws on %s", (_name, options, type, message) => {
    expect(() => startServer(options as ServerOptions)).toThrow(type);
    expect(() => startServer(options as ServerOptions)).toThrow(message);
  });

  it("rejects with a message that says so when the host name does not resolve", async () => {
    const error = await startServer({ port: 0, host: "not_a_host.invalid" }).then(
      () => undefined,
      (err: NodeJS.ErrnoException) => err,
    );
    expect(error?.message).toBe(
      "Cannot listen on port 0 on not_a_host.invalid: the host name does not resolve to an address",
    );
    expect(error?.code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
  });

  it("rejects with a one-line message and code EADDRINUSE when the port is taken", async () => {
    const first = await startServer({ port: 0 });
    try {
      const error = await startServer({ port: first.port }).then(
        () => undefined,
        (err: NodeJS.ErrnoException) => err,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error?.message).toBe(`Port ${first.port} on 127.0.0.1 is already in use`);
      expect(error?.code).toBe("EADDRINUSE");
    } finally {
      await first.close();
    }
  });
});

describe("close()", () => {
  it("sends 1001 'Server shutting down' to every client and resolves", async () => {
    const server = await startServer({ port: 0, faults: true });
    const clients = await Promise.all([
      open(server.url),
      open(`${server.url}room/a`),
      open(`${server.url}room/a`),
    ]);
    const results = clients.map((ws) => closed(ws));
    await within(server.close(), "close()");
    for (const result of await Promise.all(results)) {
      expect(result).toMatchObject({ code: 1001, reason: "Server shutting down" });
    }
    expect(server.connections).toBe(0);
    await server.close(); // a second call is harmless
  });

  it("destroys sockets held by /hang and pending /delay upgrades", async () => {
    const server = await startServer({ port: 0, faults: true });
    const hanging = new WebSocket(`${server.url}hang`);
    const delayed = new WebSocket(`${server.url}delay/10000`);
    const results = [closed(hanging), closed(delayed)];
    await new Promise((resolve) => setTimeout(resolve, 100)); // both upgrades held open (not observable from here)
    await within(server.close(), "close()", 2000);
    for (const result of await Promise.all(results)) expect(result.code).toBe(1006);
  });

  it("terminates a client that never answers the close frame after about a second", async () => {
    const server = await startServer({ port: 0 });
    // A raw TCP peer that completes the handshake and then ignores everything.
    const socket: Socket = tcpConnect(server.port, "127.0.0.1");
    const gone = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => {});
    socket.write(
      "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    await within(new Promise((resolve) => socket.once("data", resolve)), "101");
    const started = Date.now();
    await within(server.close(), "close()", 3000);
    await within(gone, "socket close", 1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("answers a plain HTTP request with 426 Upgrade Required", async () => {
    const server = await startServer({ port: 0 });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/`);
      expect(res.status).toBe(426);
      expect(await res.text()).toContain("WebSocket server");
    } finally {
      await server.close();
    }
  });
});

describe("logging", () => {
  it("is quiet by default and logs one line per connection and close when asked", async () => {
    const lines: string[] = [];
    const server = await startServer({ port: 0, quiet: false, log: (line) => lines.push(line) });
    const quietServer = await startServer({ port: 0, log: (line) => lines.push(`quiet: ${line}`) });
    try {
      for (const url of [server.url, quietServer.url]) {
        const ws = await open(url, ["chat"]);
        const done = closed(ws);
        ws.close(1000, "done");
        await done;
      }
      await until(() => lines.length >= 2, "the close line");
      expect(lines).toEqual(["#1 open 127.0.0.1 / protocol=chat", "#1 close 1000 done"]);
    } finally {
      await server.close();
      await quietServer.close();
    }
  });
});
