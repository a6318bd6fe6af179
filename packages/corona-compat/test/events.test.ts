// Every event type and key over real sockets, in Node and in Chromium.
import WebSockets from "@wsport/corona-compat";
import { afterEach, describe, expect, inject, it } from "vitest";
import { byteDifference, delay, patternBytes, refusedUrl, serverUrl } from "../../../test/events.ts";
import { client, DEFAULT_REASON, DROPPED, disconnectAll } from "./helpers.ts";

afterEach(disconnectAll);

describe("constants", () => {
  it("every client carries the plugin's constants with the plugin's values", () => {
    const ws = WebSockets.new();
    expect({
      WSEVENT: ws.WSEVENT,
      ONOPEN: ws.ONOPEN,
      ONMESSAGE: ws.ONMESSAGE,
      ONCLOSE: ws.ONCLOSE,
      ONERROR: ws.ONERROR,
      TLS_1_0: ws.TLS_1_0,
      TLS_1_1: ws.TLS_1_1,
      TLS_1_2: ws.TLS_1_2,
      TEXT: ws.TEXT,
      BINARY: ws.BINARY,
    }).toEqual({
      WSEVENT: "WsEvent0",
      ONOPEN: "OnOpen0",
      ONMESSAGE: "OnMessage0",
      ONCLOSE: "OnClose0",
      ONERROR: "OnError0",
      TLS_1_0: "TLS_V1",
      TLS_1_1: "TLS_V1_1",
      TLS_1_2: "TLS_V1_2",
      TEXT: "text",
      BINARY: "binary",
    });
  });

  it("the module table has no constants (as in the plugin), and new() ignores its arguments", () => {
    expect((WebSockets as unknown as Record<string, unknown>).ONOPEN).toBeUndefined();
    const ws = (WebSockets.new as (...args: unknown[]) => ReturnType<typeof WebSockets.new>)(1, "x", {});
    expect(ws.ONOPEN).toBe("OnOpen0");
    expect(WebSockets.new()).not.toBe(ws);
  });
});

describe("ONOPEN and ONMESSAGE", () => {
  it("ONOPEN has exactly name and type, and arrives after connect() returns", async () => {
    const { ws, log, next } = client();
    expect(ws.connect(serverUrl("/"))).toBeUndefined();
    expect(log.events).toEqual([]);
    expect(await next("OnOpen0")).toStrictEqual({ name: "WsEvent0", type: "OnOpen0" });
  });

  it.each(["hello", "", "héllo wörld ✓ 🎮", "x".repeat(70000)])("text in, a string out: %#", async (text) => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    ws.send(text);
    expect(log.events).toHaveLength(1); // nothing inside send()
    expect(await next("OnMessage0")).toStrictEqual({
      name: "WsEvent0",
      type: "OnMessage0",
      data: text,
      message: { data: text, type: "text" },
    });
  });

  it.each([0, 1, 126, 65536])(
    "%i bytes sent with ws.BINARY come back as the same Uint8Array",
    async (size) => {
      const { ws, next } = client();
      ws.connect(serverUrl("/"));
      await next("OnOpen0");
      ws.send(patternBytes(size), ws.BINARY);
      const event = await next("OnMessage0");
      expect(Object.keys(event)).toEqual(["name", "type", "data", "message"]);
      if (event.type !== "OnMessage0") throw new Error("not a message");
      expect(event.data).toBeInstanceOf(Uint8Array);
      expect(byteDifference(event.data as Uint8Array, patternBytes(size))).toBe("none");
      expect(event.message).toStrictEqual({ data: event.data, type: "binary" });
    },
  );

  it("a Uint8Array sent without a kind goes as a binary frame", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    ws.send(new Uint8Array([0, 255, 1]));
    expect(await next("OnMessage0")).toMatchObject({
      data: new Uint8Array([0, 255, 1]),
      message: { type: "binary" },
    });
  });

  it("a string sent with ws.BINARY arrives as its UTF-8 bytes; bytes sent with ws.TEXT arrive as text", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    ws.send("é", ws.BINARY);
    expect(await next("OnMessage0")).toMatchObject({
      data: new Uint8Array([0xc3, 0xa9]),
      message: { type: "binary" },
    });
    ws.send(new TextEncoder().encode("ü ok"), ws.TEXT);
    expect(await log.waitForCount(3)).toMatchObject({
      data: "ü ok",
      message: { data: "ü ok", type: "text" },
    });
    ws.send("plain", ws.TEXT);
    expect(await log.waitForCount(4)).toMatchObject({ data: "plain", message: { type: "text" } });
  });

  it("/send/<n>: a server-sent binary message is delivered byte for byte", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/send/1000"));
    await next("OnOpen0");
    expect(await next("OnMessage0")).toMatchObject({ data: patternBytes(1000), message: { type: "binary" } });
  });

  it("/ping: pings are answered and never surface as events", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/ping"));
    await next("OnOpen0");
    // A marker after the ping: its echo comes after the ping on the same connection.
    ws.send("after ping");
    await next("OnMessage0");
    expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnMessage0"]);
  });

  it("/delay/<ms>: a slow handshake still opens", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/delay/300"));
    expect(await next("OnOpen0")).toStrictEqual({ name: "WsEvent0", type: "OnOpen0" });
  });

  it("/room/<name>: each client's listeners see only that client's messages", async () => {
    const a = client();
    const b = client();
    a.ws.connect(serverUrl("/room/corona-room"));
    b.ws.connect(serverUrl("/room/corona-room"));
    await Promise.all([a.next("OnOpen0"), b.next("OnOpen0")]);
    a.ws.send("from a");
    expect(await b.next("OnMessage0")).toMatchObject({ data: "from a" });
    // b's marker reaches a after anything the room would have sent a for its own message.
    b.ws.send("marker");
    expect(await a.next("OnMessage0")).toMatchObject({ data: "marker" });
    expect(a.log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnMessage0"]);
  });
});

describe("ONCLOSE", () => {
  it("disconnect() closes with 1000 and the plugin's reason; the server's answer is the ONCLOSE", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    expect(ws.disconnect()).toBeUndefined();
    expect(log.events).toHaveLength(1);
    expect(await next("OnClose0")).toStrictEqual({
      name: "WsEvent0",
      type: "OnClose0",
      code: 1000,
      reason: DEFAULT_REASON,
    });
  });

  it("/close/<code>/<reason>: the server's code and reason", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/close/4000/game%20over"));
    expect(await next("OnClose0")).toStrictEqual({
      name: "WsEvent0",
      type: "OnClose0",
      code: 4000,
      reason: "game over",
    });
  });

  it("/close/<code> without a reason: that code and the plugin's default reason", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/close/4001"));
    expect(await next("OnClose0")).toMatchObject({ code: 4001, reason: DEFAULT_REASON });
  });

  it("/close/none: an empty close frame reads as 1000 and the default reason", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/close/none"));
    expect(await next("OnClose0")).toMatchObject({ code: 1000, reason: DEFAULT_REASON });
  });

  it("refused connection: ONCLOSE with no code and no reason, not ONERROR", async () => {
    const { ws, log, next } = client();
    ws.connect(refusedUrl("/"));
    const event = await next("OnClose0");
    expect(event).toStrictEqual(DROPPED);
    expect(Object.keys(event)).toEqual(["name", "type", "code", "reason"]);
    expect(log.events).toHaveLength(1);
  });

  it("/drop: the server drops TCP without a close frame → ONCLOSE with no code and no reason", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/drop"));
    expect(await next("OnClose0")).toStrictEqual(DROPPED);
  });

  it("/drop?after=1: one echo, then the drop", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/drop?after=1"));
    await next("OnOpen0");
    ws.send("last words");
    await next("OnClose0");
    expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnMessage0", "OnClose0"]);
    expect(log.events[2]).toStrictEqual(DROPPED);
  });

  it("/drop?delay=<ms>: open, then the drop a little later", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/drop?delay=150"));
    await next("OnOpen0");
    expect(await next("OnClose0")).toStrictEqual(DROPPED);
    expect(log.events).toHaveLength(2);
  });

  it("/hang: disconnect() while connecting abandons the attempt with ONCLOSE 1000, once", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/hang"));
    ws.disconnect();
    expect(log.events).toEqual([]);
    expect(await next("OnClose0")).toMatchObject({ code: 1000, reason: DEFAULT_REASON });
    await delay(100); // closed: no marker can follow, so a late event gets a fixed time to show
    expect(log.events).toHaveLength(1);
  });

  it("disconnect() after the close does nothing", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/close/4000/x"));
    await next("OnClose0");
    ws.disconnect();
    await delay(100); // closed: no marker can follow, so a late event gets a fixed time to show
    expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnClose0"]);
  });
});

describe("ports", () => {
  it("a port written in the URI is honoured", async () => {
    const { ws, next } = client();
    ws.connect(`ws://127.0.0.1:${inject("port")}/`);
    await next("OnOpen0");
  });

  it("options.port overrides the port in the URI", async () => {
    const { ws, next } = client();
    ws.connect(`ws://127.0.0.1:${inject("closedPort")}/`, { port: inject("port") });
    await next("OnOpen0");
  });

  it("options.port applies to a URI without a port", async () => {
    const { ws, next } = client();
    ws.connect("ws://127.0.0.1/echo?x=1", { port: inject("port") });
    await next("OnOpen0");
    ws.send("through options.port");
    expect(await next("OnMessage0")).toMatchObject({ data: "through options.port" });
  });

  it("options.port can also point at a port where nobody listens", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/"), { port: inject("closedPort") });
    expect(await next("OnClose0")).toStrictEqual(DROPPED);
  });
});

describe("connect, send and disconnect in every state", () => {
  it("connecting again drops the previous socket; only the new one reaches the listeners", async () => {
    const a = client();
    const b = client();
    a.ws.connect(serverUrl("/room/corona-reconnect"));
    b.ws.connect(serverUrl("/room/corona-reconnect"));
    await Promise.all([a.next("OnOpen0"), b.next("OnOpen0")]);
    a.ws.connect(serverUrl("/"));
    await a.log.waitForCount(2);
    b.ws.send("to the old socket");
    a.ws.send("to the new one");
    await a.log.waitForCount(3);
    await delay(200); // the old socket's events would come on another connection: no marker orders them
    expect(a.log.events).toStrictEqual([
      { name: "WsEvent0", type: "OnOpen0" },
      { name: "WsEvent0", type: "OnOpen0" },
      {
        name: "WsEvent0",
        type: "OnMessage0",
        data: "to the new one",
        message: { data: "to the new one", type: "text" },
      },
    ]);
  });

  it("connecting again while the first attempt is still connecting", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/hang"));
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    await delay(100); // the replaced /hang connection can carry no marker: a late event gets a fixed time
    expect(log.events.map((e) => e.type)).toEqual(["OnOpen0"]);
  });

  it("connect after a close works", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/close/4000/first"));
    await next("OnClose0");
    ws.connect(serverUrl("/"));
    await log.waitForCount(3);
    expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnClose0", "OnOpen0"]);
  });

  it("send() before ONOPEN and after ONCLOSE is dropped without an error", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/delay/100"));
    ws.send("too early");
    await next("OnOpen0");
    ws.send("on time");
    await next("OnMessage0");
    ws.disconnect();
    ws.send("while closing");
    await next("OnClose0");
    ws.send("too late");
    await delay(100); // closed: no marker can follow, so a wrong late message gets a fixed time to show
    expect(log.events.map((e) => (e.type === "OnMessage0" ? e.data : e.type))).toEqual([
      "OnOpen0",
      "on time",
      "OnClose0",
    ]);
  });
});
