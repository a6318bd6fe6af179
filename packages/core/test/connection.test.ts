// Core connection behaviour over real sockets, in Node and in Chromium.
import {
  type Connection,
  type ConnectionEvent,
  capabilities,
  connect,
  messageBytes,
  messageText,
} from "@wsport/core";
import { connectUnchecked } from "@wsport/core/internal";
import { afterEach, describe, expect, it } from "vitest";
import {
  byteDifference,
  delay,
  EventLog,
  patternBytes,
  refusedUrl,
  serverUrl,
} from "../../../test/events.ts";

const open: Connection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function start(url: string, options?: Parameters<typeof connect>[1]) {
  const conn = connect(url, options);
  open.push(conn);
  const log = new EventLog<ConnectionEvent>();
  conn.onevent = log.push;
  return {
    conn,
    log,
    next: (type: ConnectionEvent["type"]) => log.waitFor((e) => e.type === type, 8000, type),
  };
}

async function echo(conn: Connection, log: EventLog<ConnectionEvent>, data: string | Uint8Array) {
  const before = log.events.length;
  conn.send(data);
  const event = await log.waitFor((e) => e.type === "message" && log.events.indexOf(e) >= before);
  if (event.type !== "message") throw new Error("not a message");
  return event;
}

describe("connect and echo", () => {
  it("opens, reports state, and echoes text as text", async () => {
    const { conn, log, next } = start(serverUrl("/"));
    expect(conn.state).toBe("connecting");
    expect(conn.url).toBe(serverUrl("/"));
    await next("open");
    expect(conn.state).toBe("open");
    expect(conn.protocol).toBe("");
    const reply = await echo(conn, log, "héllo wörld ✓");
    expect(reply.binary).toBe(false);
    expect(messageText(reply.data)).toBe("héllo wörld ✓");
  });

  it.each([0, 1, 125, 126, 65536, 1024 * 1024])("echoes %i binary bytes unchanged", async (size) => {
    const { conn, log, next } = start(serverUrl("/"));
    await next("open");
    const payload = patternBytes(size);
    const reply = await echo(conn, log, payload);
    expect(reply.binary).toBe(true);
    expect(reply.data).toBeInstanceOf(Uint8Array);
    expect(byteDifference(messageBytes(reply.data), payload)).toBe("none");
  });

  it.each([0, 1, 125, 126, 65536])("echoes %i bytes of text", async (size) => {
    const { conn, log, next } = start(serverUrl("/"));
    await next("open");
    const text = "x".repeat(size);
    const reply = await echo(conn, log, text);
    expect(reply.binary).toBe(false);
    expect(messageText(reply.data)).toBe(text);
  });

  it("sends a string as a binary frame and bytes as a text frame when asked", async () => {
    const { conn, log, next } = start(serverUrl("/"));
    await next("open");
    conn.send("as bytes", true);
    const first = await log.waitFor((e) => e.type === "message");
    expect(first).toMatchObject({ binary: true });
    expect(messageText((first as { data: Uint8Array }).data)).toBe("as bytes");
    conn.send(new TextEncoder().encode("as text"), false);
    const second = await log.waitForCount(3);
    expect(second).toMatchObject({ type: "message", binary: false });
    expect(messageText((second as { data: string }).data)).toBe("as text");
  });

  it("keeps message order under a burst", async () => {
    const { conn, log, next } = start(serverUrl("/"));
    await next("open");
    for (let i = 0; i < 500; i++) conn.send(String(i));
    await log.waitForCount(501);
    const texts = log.events.filter((e) => e.type === "message").map((e) => messageText(e.data));
    expect(texts).toEqual(Array.from({ length: 500 }, (_, i) => String(i)));
  });

  it("negotiates a subprotocol and reports it", async () => {
    const { conn, next } = start(serverUrl("/"), { protocols: ["chat.v2", "chat.v1"] });
    const opened = await next("open");
    expect(opened).toEqual({ type: "open", protocol: "chat.v2" });
    expect(conn.protocol).toBe("chat.v2");
  });

  it("never delivers an event inside connect, send or close", async () => {
    const { conn, log, next } = start(serverUrl("/"));
    expect(log.events).toEqual([]);
    await next("open");
    const count = log.events.length;
    conn.send("x");
    conn.close(1000, "bye");
    expect(log.events.length).toBe(count);
    await next("close");
  });
});

describe("failures", () => {
  it("refused port: error then one close 1006", async () => {
    const { conn, log, next } = start(refusedUrl());
    const close = await next("close");
    expect(close).toMatchObject({ code: 1006, wasClean: false });
    const types = log.events.map((e) => e.type);
    expect(types).toEqual(["error", "close"]);
    if (capabilities.runtime === "node")
      expect(log.events[0]).toMatchObject({ kind: "refused", code: "ECONNREFUSED" });
    expect(conn.state).toBe("closed");
  });

  it("times out against a server that never answers the upgrade", async () => {
    const started = Date.now();
    const { log, next } = start(serverUrl("/hang"), { timeout: 300 });
    await next("close");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(log.events.map((e) => e.type)).toEqual(["error", "close"]);
    expect(log.events[0]).toMatchObject({ kind: "timeout", message: "Connection timed out after 300 ms" });
    expect(log.events[1]).toMatchObject({ code: 1006, wasClean: false });
  });

  it("server close with code and reason", async () => {
    const { conn, log, next } = start(serverUrl("/close/4001/bye%20now"));
    await next("close");
    expect(log.events.map((e) => e.type)).toEqual(["open", "close"]);
    expect(log.events[1]).toEqual({ type: "close", code: 4001, reason: "bye now", wasClean: true });
    expect(conn.state).toBe("closed");
  });

  it("server close without a code is seen as 1005", async () => {
    const { next } = start(serverUrl("/close/none"));
    expect(await next("close")).toMatchObject({ code: 1005, reason: "" });
  });

  it("abrupt TCP drop is a close 1006, not clean", async () => {
    const { log, next } = start(serverUrl("/drop?after=1"));
    await next("open");
    const { conn } = { conn: open[open.length - 1]! };
    conn.send("one");
    await next("message");
    const close = await next("close");
    expect(close).toMatchObject({ code: 1006, wasClean: false });
    expect(log.events.filter((e) => e.type === "close")).toHaveLength(1);
  });

  it("a malformed frame from the server ends the connection", async () => {
    const { log, next } = start(serverUrl("/garbage"));
    const close = await next("close");
    expect(close).toMatchObject({ wasClean: false });
    expect(log.events.filter((e) => e.type === "close")).toHaveLength(1);
  });

  it("maxPayload 0 means no limit: a 2048-byte message is delivered", async () => {
    const { conn, log, next } = start(serverUrl("/send/2048"), { maxPayload: 0 });
    const message = await next("message");
    expect(message).toMatchObject({ binary: true });
    expect(messageBytes((message as { data: Uint8Array }).data)).toEqual(patternBytes(2048));
    // It stays open and echoes a few KB of text and bytes too.
    const text = "é".repeat(3000);
    expect(messageText((await echo(conn, log, text)).data)).toBe(text);
    const bytes = patternBytes(5000);
    expect(messageBytes((await echo(conn, log, bytes)).data)).toEqual(bytes);
    expect(log.events.some((e) => e.type === "error" || e.type === "close")).toBe(false);
    expect(conn.state).toBe("open");
  });

  it("an inbound message over maxPayload fails with 1009", async () => {
    const { log, next } = start(serverUrl("/send/2048"), { maxPayload: 1024 });
    const close = await next("close");
    expect(log.events.some((e) => e.type === "message")).toBe(false);
    expect(log.events.find((e) => e.type === "error")).toMatchObject({ kind: "too-big" });
    expect(close).toMatchObject({ code: 1009 });
  });
});

describe("client close", () => {
  it("terminate() drops the connection at once with one close 1006", async () => {
    const { conn, log, next } = start(serverUrl("/"));
    await next("open");
    conn.terminate();
    expect(conn.state).toBe("closing");
    conn.terminate();
    const close = await next("close");
    expect(close).toMatchObject({ code: 1006, wasClean: false });
    expect(log.events.map((e) => e.type)).toEqual(["open", "close"]);
    conn.terminate(); // closed: nothing happens
    expect(conn.state).toBe("closed");
  });

  it("close(code, reason) completes the closing handshake once", async () => {
    const { conn, log, next } = start(serverUrl("/"));
    await next("open");
    conn.close(4000, "done");
    expect(conn.state).toBe("closing");
    conn.close(4000, "again"); // a second close does nothing
    const close = await next("close");
    expect(close).toMatchObject({ code: 4000, reason: "done", wasClean: true });
    expect(log.events.filter((e) => e.type === "close")).toHaveLength(1);
    expect(log.events.some((e) => e.type === "error")).toBe(false);
  });

  it("close() while connecting aborts with one close and no error", async () => {
    const { conn, log, next } = start(serverUrl("/delay/300"));
    conn.close();
    expect(conn.state).toBe("closing");
    const close = await next("close");
    expect(close).toMatchObject({ code: 1006, wasClean: false });
    expect(log.events.map((e) => e.type)).toEqual(["close"]);
  });
});

describe("bad input", () => {
  it("connect rejects bad URLs and options", () => {
    expect(() => connect(42 as never)).toThrow(TypeError);
    expect(() => connect("")).toThrow(/empty/);
    expect(() => connect("http://127.0.0.1/")).toThrow(/expected ws: or wss:/);
    expect(() => connect("localhost:80")).toThrow(/expected ws: or wss:/);
    expect(() => connect("127.0.0.1")).toThrow(/no scheme/);
    expect(() => connect("ws://")).toThrow(SyntaxError);
    expect(() => connect("ws://127.0.0.1:70000/")).toThrow(/port '70000'/);
    expect(() => connect("ws://127.0.0.1:0/")).toThrow(/port '0'/);
    expect(() => connect("ws://127.0.0.1/#frag")).toThrow(/fragment/);
    expect(() => connect(serverUrl(), "fast" as never)).toThrow(/options must be an object/);
    expect(() => connect(serverUrl(), { timeout: -1 })).toThrow(RangeError);
    expect(() => connect(serverUrl(), { timeout: "5" as never })).toThrow(TypeError);
    expect(() => connect(serverUrl(), { maxPayload: "5" as never })).toThrow(TypeError);
    expect(() => connect(serverUrl(), { timeout: 2 ** 31 })).toThrow(/0 to 2147483647/);
    expect(() => connect(serverUrl(), { protocols: ["a b"] })).toThrow(/token/);
    expect(() => connect(serverUrl(), { protocols: ["a", "a"] })).toThrow(/twice/);
    expect(() => connect(serverUrl(), { protocols: 3 as never })).toThrow(TypeError);
    expect(() => connect(serverUrl(), { maxPayload: -5 })).toThrow(RangeError);
  });

  it("send, ping and close reject bad arguments without touching the connection", async () => {
    const { conn, log, next } = start(serverUrl("/"));
    expect(() => conn.send("early")).toThrow("Cannot send: the connection is connecting");
    await next("open");
    expect(() => conn.send(42 as never)).toThrow(TypeError);
    expect(() => conn.send({} as never)).toThrow(/string or a Uint8Array/);
    expect(() => conn.close(1005)).toThrow(RangeError);
    expect(() => conn.close(999)).toThrow(RangeError);
    expect(() => conn.close(1000.5)).toThrow(RangeError);
    expect(() => conn.close("1000" as never)).toThrow(TypeError);
    expect(() => conn.close(1000, "x".repeat(124))).toThrow(/124 bytes/);
    expect(() => conn.close(1000, "é".repeat(62))).toThrow(/124 bytes/);
    expect(() => conn.close(undefined, "reason")).toThrow(/needs a close code/);
    expect(() => conn.ping(5 as never)).toThrow(TypeError);
    if (capabilities.ping) expect(() => conn.ping("x".repeat(126))).toThrow(RangeError);
    else expect(() => conn.ping()).toThrow(/not available/);
    if (!capabilities.anyCloseCode) expect(() => conn.close(1001)).toThrow(/browser/);
    // Still open and working after all that.
    expect(conn.state).toBe("open");
    const reply = await echo(conn, log, "still here");
    expect(messageText(reply.data)).toBe("still here");
    conn.close(1000);
    await next("close");
    expect(() => conn.send("late")).toThrow("Cannot send: the connection is closed");
    expect(() => conn.close()).not.toThrow();
  });
});

describe("connectUnchecked(): connect() for adapters, which check arguments themselves", () => {
  function startUnchecked(url: string, options?: Parameters<typeof connectUnchecked>[1]) {
    const conn = connectUnchecked(url, options);
    open.push(conn);
    const log = new EventLog<ConnectionEvent>();
    conn.onevent = log.push;
    return { conn, log, next: (type: ConnectionEvent["type"]) => log.waitFor((e) => e.type === type) };
  }

  it("connects, negotiates, echoes and closes like connect()", async () => {
    const { conn, log, next } = startUnchecked(serverUrl("/"), { protocols: "chat", timeout: 5000 });
    expect(await next("open")).toEqual({ type: "open", protocol: "chat" });
    expect(messageText((await echo(conn, log, "via connectUnchecked")).data)).toBe("via connectUnchecked");
    conn.close(4000, "done");
    expect(await next("close")).toMatchObject({ code: 4000, reason: "done", wasClean: true });
  });

  it("applies the timeout and maxPayload options", async () => {
    const hang = startUnchecked(serverUrl("/hang"), { timeout: 200 });
    expect(await hang.next("error")).toMatchObject({ kind: "timeout" });
    expect(await hang.next("close")).toMatchObject({ code: 1006 });
    const big = startUnchecked(serverUrl("/"), { maxPayload: 10 });
    await big.next("open");
    big.conn.send("more than ten bytes");
    expect(await big.next("error")).toMatchObject({ kind: "too-big" });
    expect(await big.next("close")).toMatchObject({ code: 1009 });
  });

  it("still refuses what the runtime cannot use, and a refused call leaves nothing running", async () => {
    if (capabilities.runtime === "node") expect(connectUnchecked).toBe(connect);
    for (const url of ["ftp://127.0.0.1/", "ws://127.0.0.1/#frag", "ws://[::1/", "ws://127.0.0.1:99999/"]) {
      expect(() => connectUnchecked(url, { timeout: 20 }), url).toThrow();
    }
    expect(() => connectUnchecked(serverUrl("/"), { protocols: ["a b"] })).toThrow();
    await delay(60); // a timeout timer left by a refused call would fire here and throw
    const { conn, log, next } = startUnchecked(serverUrl("/"));
    await next("open");
    expect(() => conn.close(1005)).toThrow();
    expect(() => conn.close(1000, "x".repeat(124))).toThrow();
    expect(conn.state).toBe("open");
    expect(messageText((await echo(conn, log, "still open")).data)).toBe("still open");
  });
});
