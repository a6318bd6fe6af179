// Bad input to every method, and misuse before connect().
import WebSockets from "@wsport/corona-compat";
import { afterEach, describe, expect, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { client, disconnectAll } from "./helpers.ts";

afterEach(disconnectAll);

// The TypeScript types already refuse these; ported or dynamic code may still pass them.
type Loose = (...args: unknown[]) => unknown;

describe("addEventListener / removeEventListener", () => {
  it.each([
    [42, () => {}, /event name must be a string/],
    [undefined, () => {}, /event name must be a string/],
    ["WsEvent0", undefined, /listener must be a function or a table, got undefined/],
    ["WsEvent0", null, /listener must be a function or a table, got null/],
    ["WsEvent0", "handler", /listener must be a function or a table, got a string/],
    ["WsEvent0", 7, /listener must be a function or a table, got a number/],
  ])("(%s, %s) throws a TypeError", (name, listener, message) => {
    const ws = WebSockets.new();
    expect(() => (ws.addEventListener as Loose)(name, listener)).toThrow(message);
    expect(() => (ws.addEventListener as Loose)(name, listener)).toThrow(TypeError);
    expect(() => (ws.removeEventListener as Loose)(name, listener)).toThrow(message);
  });
});

describe("connect", () => {
  it.each([
    [42, TypeError, /^connect: URL must be a string, got a number \(42\)$/],
    [undefined, TypeError, /^connect: URL must be a string/],
    ["", SyntaxError, /^connect: .*empty/],
    ["demos.kaazing.com/echo", SyntaxError, /^connect: .*no scheme/],
    ["http://127.0.0.1/", SyntaxError, /^connect: .*expected ws: or wss:/],
    ["ws://127.0.0.1:99999/", RangeError, /^connect: .*port/],
    ["ws://", SyntaxError, /^connect: ./],
  ])("uri %j throws %s", (uri, type, message) => {
    const ws = WebSockets.new();
    expect(() => (ws.connect as Loose)(uri)).toThrow(type);
    expect(() => (ws.connect as Loose)(uri)).toThrow(message);
  });

  it.each([
    [8080, TypeError, /options must be a table, got a number \(8080\)/], // the v1.0 positional port
    ["opts", TypeError, /options must be a table/],
    [true, TypeError, /options must be a table/],
    [[1], TypeError, /options must be a table, got an array/],
    [{ port: 0 }, RangeError, /options.port must be a whole number from 1 to 65535, got a number \(0\)/],
    [{ port: 65536 }, RangeError, /options.port/],
    [{ port: 80.5 }, RangeError, /options.port/],
    [{ port: "8080" }, RangeError, /options.port .* got a string/],
    [{ port: null }, RangeError, /options.port .* got null/],
    [{ tls: "TLSv1.2" }, RangeError, /options.tls must be ws.TLS_1_0, ws.TLS_1_1 or ws.TLS_1_2/],
    [{ tls: 1 }, RangeError, /options.tls/],
    [{ tls: "toString" }, RangeError, /options.tls/],
  ])("options %j throw", (options, type, message) => {
    const ws = WebSockets.new();
    expect(() => (ws.connect as Loose)(serverUrl("/"), options)).toThrow(type);
    expect(() => (ws.connect as Loose)(serverUrl("/"), options)).toThrow(message);
  });

  it.each([undefined, null, false, {}, { unknownKey: 1, throttle: 0 }])(
    "options %j are accepted",
    async (options) => {
      const { ws, next } = client();
      (ws.connect as Loose)(serverUrl("/"), options);
      await next("OnOpen0");
    },
  );

  it("a bad connect() leaves the current connection alone", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    expect(() => (ws.connect as Loose)(serverUrl("/"), 8080)).toThrow(TypeError);
    ws.send("still here");
    expect(await next("OnMessage0")).toMatchObject({ data: "still here" });
  });
});

describe("send", () => {
  it.each([42, undefined, null, {}, [1, 2], true, new ArrayBuffer(2)])(
    "data %j throws 'expected string for send()'",
    (data) => {
      const ws = WebSockets.new();
      expect(() => (ws.send as Loose)(data)).toThrow(TypeError);
      expect(() => (ws.send as Loose)(data)).toThrow(/^expected string for send\(\)$/);
    },
  );

  it.each(["TEXT", "Binary", 2, null])("kind %j throws a TypeError", (kind) => {
    const ws = WebSockets.new();
    expect(() => (ws.send as Loose)("x", kind)).toThrow(/kind must be ws.TEXT or ws.BINARY/);
  });

  it("before any connect() throws a clear error", () => {
    const ws = WebSockets.new();
    expect(() => ws.send("hello")).toThrow("send: connect() was never called");
  });

  it("bad data on an open connection throws and sends nothing", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    expect(() => (ws.send as Loose)(12)).toThrow("expected string for send()");
    // A marker after it: its echo is the next event, so the refused call sent nothing.
    ws.send("marker");
    expect(await next("OnMessage0")).toMatchObject({ data: "marker" });
    expect(log.events).toHaveLength(2);
  });
});

describe("disconnect", () => {
  it("before any connect() throws a clear error", () => {
    const ws = WebSockets.new();
    expect(() => ws.disconnect()).toThrow("disconnect: connect() was never called");
  });

  it("ignores arguments", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/"));
    await next("OnOpen0");
    (ws.disconnect as Loose)(4000, "not used");
    expect(await next("OnClose0")).toMatchObject({ code: 1000 });
  });
});
