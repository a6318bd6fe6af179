// What only Node's transport can do: handshake headers and details, pings, server-side accept.
import {
  acceptSocket,
  type Connection,
  type ConnectionEvent,
  capabilities,
  connect,
  createTcpListener,
  messageText,
} from "@wsport/core";
import { holdWrites } from "@wsport/core/internal";
import { afterEach, describe, expect, it } from "vitest";
import { EventLog, serverUrl } from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function watch(conn: Connection) {
  cleanup.push(() => conn.close());
  const log = new EventLog<ConnectionEvent>();
  conn.onevent = log.push;
  return { log, next: (type: ConnectionEvent["type"]) => log.waitFor((e) => e.type === type, 8000, type) };
}

describe("node transport", () => {
  it("says what it can do", () => {
    expect(capabilities).toMatchObject({
      runtime: "node",
      customHeaders: true,
      handshakeDetails: true,
      ping: true,
    });
  });

  it("sends custom headers and the subprotocol, as the server sees them", async () => {
    const conn = connect(serverUrl("/echo-headers"), {
      headers: { "X-Game-Token": "abc123" },
      protocols: "game",
    });
    const { next } = watch(conn);
    const message = await next("message");
    const seen = JSON.parse(messageText((message as { data: Uint8Array }).data));
    expect(seen.headers["x-game-token"]).toBe("abc123");
    expect(seen.headers["sec-websocket-protocol"]).toBe("game");
    expect(seen.protocol).toBe("game");
  });

  it("reports a rejected handshake with status, headers and body", async () => {
    const conn = connect(serverUrl("/reject/403"));
    const { log, next } = watch(conn);
    await next("close");
    expect(log.events.map((e) => e.type)).toEqual(["error", "close"]);
    const error = log.events[0] as Extract<ConnectionEvent, { type: "error" }>;
    expect(error.kind).toBe("handshake");
    expect(error.message).toBe("Unexpected server response: 403");
    expect(error.handshake?.status).toBe(403);
    expect(error.handshake?.headers["X-Wsport-Reason"]).toBe("rejected by test route");
    expect(new TextDecoder().decode(error.handshake?.body)).toMatch(/403/);
  });

  it("a refused subprotocol fails the handshake", async () => {
    const conn = connect(serverUrl("/"), { protocols: ["refuse-me"] });
    const { log, next } = watch(conn);
    await next("close");
    expect(log.events[0]).toMatchObject({ type: "error", kind: "handshake" });
  });

  it("checks the options only Node applies", () => {
    expect(() => connect(serverUrl(), { headers: { "X-A": "1\r\nX-B: 2" } })).toThrow(/control character/);
    expect(() => connect(serverUrl(), { headers: { "bad name": "1" } })).toThrow(/token/);
    expect(() => connect(serverUrl(), { headers: "X-A: 1" as never })).toThrow(TypeError);
    expect(() => connect(serverUrl(), { perMessageDeflate: "yes" as never })).toThrow(TypeError);
    expect(() => connect(serverUrl(), { tls: { minVersion: "SSLv3" as never } })).toThrow(RangeError);
    expect(() => connect(serverUrl(), { tls: { rejectUnauthorized: 0 as never } })).toThrow(TypeError);
    expect(() => connect(serverUrl(), { tls: 5 as never })).toThrow(TypeError);
  });

  it("reports DNS failures as kind dns", async () => {
    const conn = connect("ws://no-such-host.invalid/");
    const { log, next } = watch(conn);
    await next("close");
    expect(log.events[0]).toMatchObject({ type: "error", kind: "dns" });
  });

  it("reports a TLS client meeting a plain server as kind tls", async () => {
    const conn = connect(serverUrl().replace(/^ws:/, "wss:"));
    const { log, next } = watch(conn);
    await next("close");
    expect(log.events[0]).toMatchObject({ type: "error", kind: "tls" });
  });

  it("pings and receives the pong; server pings arrive as events", async () => {
    const conn = connect(serverUrl("/ping"));
    const { next } = watch(conn);
    const ping = await next("ping");
    expect(new TextDecoder().decode((ping as { data: Uint8Array }).data)).toBe("wsport-ping");
    conn.ping("are you there");
    const pong = await next("pong");
    expect(new TextDecoder().decode((pong as { data: Uint8Array }).data)).toBe("are you there");
  });

  it("invalid UTF-8 in a text frame from the server closes with 1007", async () => {
    const conn = connect(serverUrl("/invalid-utf8"));
    const { log, next } = watch(conn);
    await next("close");
    expect(log.events.find((e) => e.type === "error")).toMatchObject({
      kind: "protocol",
      code: "WS_ERR_INVALID_UTF8",
    });
    expect(log.events.some((e) => e.type === "message")).toBe(false);
  });

  it("after a protocol failure the close carries the code this side sent: invalid UTF-8 → 1007", async () => {
    const conn = connect(serverUrl("/invalid-utf8"));
    const { log, next } = watch(conn);
    const close = await next("close");
    expect(close).toMatchObject({ type: "close", code: 1007, wasClean: false });
    expect(log.events.map((e) => e.type)).toEqual(["open", "error", "close"]);
  });

  it("after a protocol failure the close carries the code this side sent: a malformed frame → 1002", async () => {
    const conn = connect(serverUrl("/garbage"));
    const { log, next } = watch(conn);
    const close = await next("close");
    expect(close).toMatchObject({ type: "close", code: 1002, wasClean: false });
    expect(log.events.find((e) => e.type === "error")).toMatchObject({ kind: "protocol" });
    expect(log.events.filter((e) => e.type === "close")).toHaveLength(1);
  });

  it("knows the peer's address and port and sets no-delay", async () => {
    const conn = connect(serverUrl("/"));
    const { next } = watch(conn);
    await next("open");
    expect(conn.remoteAddress).toBe("127.0.0.1");
    expect(conn.remotePort).toBeGreaterThan(0);
    expect(conn.setNoDelay(true)).toBe(true);
  });
});

describe("server side: createTcpListener + acceptSocket", () => {
  async function listener() {
    const tcp = createTcpListener(0, "127.0.0.1");
    cleanup.push(() => tcp.close());
    await tcp.ready;
    return tcp;
  }
  async function take(tcp: ReturnType<typeof createTcpListener>) {
    await until(() => tcp.available > 0, "a connection");
    const stream = tcp.take();
    if (!stream) throw new Error("no connection arrived");
    return stream;
  }

  it("upgrades a taken connection, negotiates strictly and echoes", async () => {
    const tcp = await listener();
    expect(tcp.listening).toBe(true);
    const client = connect(`ws://127.0.0.1:${tcp.port}/lobby`, { protocols: ["v2", "v1"] });
    const c = watch(client);
    const stream = await take(tcp);
    expect(stream.connected).toBe(true);
    expect(stream.remoteAddress).toBe("127.0.0.1");
    const server = acceptSocket(stream, { protocols: ["v1", "v2"], headers: ["X-Server: wsport"] });
    const s = watch(server);
    expect(server.state).toBe("connecting");
    await s.next("open");
    expect(server.protocol).toBe("v2");
    expect(server.url).toBe(`ws://127.0.0.1:${tcp.port}/lobby`);
    await c.next("open");
    client.send("hello server");
    const got = await s.next("message");
    expect(messageText((got as { data: Uint8Array }).data)).toBe("hello server");
    server.send(new Uint8Array([1, 2, 3]));
    expect(await c.next("message")).toMatchObject({ binary: true });
    server.close(1000, "bye");
    expect(await c.next("close")).toMatchObject({ code: 1000, reason: "bye" });
    expect(await s.next("close")).toMatchObject({ code: 1000 });
  });

  it("holdWrites keeps a task's frames until the task ends, then they arrive in order; terminate() writes them first", async () => {
    const tcp = await listener();
    const client = connect(`ws://127.0.0.1:${tcp.port}/`);
    const c = watch(client);
    const server = acceptSocket(await take(tcp));
    const s = watch(server);
    await s.next("open");
    await c.next("open");
    const texts = () =>
      c.log.events.flatMap((e) => (e.type === "message" ? [messageText(e.data as Uint8Array)] : []));
    holdWrites(server);
    for (const text of ["one", "two", "three"]) server.send(text);
    expect(server.bufferedAmount).toBe(0); // held frames are left out: they are written when the task ends
    await until(() => texts().length === 3, "three messages");
    holdWrites(server);
    server.send("four");
    holdWrites(server); // a second hold in the same task changes nothing
    server.send("five");
    server.terminate();
    expect(await c.next("close")).toMatchObject({ code: 1006 });
    expect(texts()).toEqual(["one", "two", "three", "four", "five"]);
    holdWrites(server); // a closed connection: nothing to hold
    expect(await s.next("close")).toMatchObject({ code: 1006 });
  });

  it("drops a client whose subprotocols do not match", async () => {
    const tcp = await listener();
    const client = connect(`ws://127.0.0.1:${tcp.port}/`, { protocols: ["other"] });
    const c = watch(client);
    const server = acceptSocket(await take(tcp), { protocols: ["mine"] });
    const s = watch(server);
    await s.next("close");
    expect(s.log.events[0]).toMatchObject({
      type: "error",
      kind: "handshake",
      message: expect.stringMatching(/No subprotocol/),
    });
    await c.next("close");
  });

  it("refuses extra header lines that would break the 101 response, and still accepts after", async () => {
    const tcp = await listener();
    const client = connect(`ws://127.0.0.1:${tcp.port}/`);
    const c = watch(client);
    const stream = await take(tcp);
    for (const line of ["Bad Name: x", "no colon", "X-A: 1\r\nX-B: 2", "", "X-A: nul\0", 5]) {
      expect(() => acceptSocket(stream, { headers: [line as string] }), String(line)).toThrow(SyntaxError);
    }
    const server = acceptSocket(stream, { headers: ["X-Server: wsport"] });
    await watch(server).next("open");
    await c.next("open");
    client.close();
    await c.next("close");
  });

  it("rejects bad arguments and a taken port", async () => {
    expect(() => createTcpListener(-1)).toThrow(RangeError);
    expect(() => createTcpListener(1.5)).toThrow(RangeError);
    expect(() => createTcpListener(0, "")).toThrow(TypeError);
    expect(() => acceptSocket({} as never)).toThrow(/TcpStream/);
    const tcp = await listener();
    const second = createTcpListener(tcp.port, "127.0.0.1");
    await expect(second.ready).rejects.toMatchObject({ code: "EADDRINUSE" });
    expect(second.listening).toBe(false);
  });
});
