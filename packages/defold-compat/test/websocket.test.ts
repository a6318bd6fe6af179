// The extension's behaviour over real sockets, in Node and in Chromium.
import { websocket } from "@wsport/defold-compat";
import { describe, expect, it, vi } from "vitest";
import {
  byteDifference,
  currentEngine,
  delay,
  patternBytes,
  refusedUrl,
  serverUrl,
} from "../../../test/events.ts";
import { echo, open } from "./helpers.ts";

const { EVENT_CONNECTED, EVENT_DISCONNECTED, EVENT_MESSAGE, EVENT_ERROR, DATA_TYPE_TEXT, DATA_TYPE_BINARY } =
  websocket;

describe("module", () => {
  it("has exactly the extension's three functions and six constants, with its values", () => {
    expect(Object.keys(websocket).sort()).toEqual(
      [
        "connect",
        "disconnect",
        "send",
        "EVENT_CONNECTED",
        "EVENT_DISCONNECTED",
        "EVENT_MESSAGE",
        "EVENT_ERROR",
        "DATA_TYPE_TEXT",
        "DATA_TYPE_BINARY",
      ].sort(),
    );
    expect([EVENT_CONNECTED, EVENT_DISCONNECTED, EVENT_MESSAGE, EVENT_ERROR]).toEqual([0, 1, 2, 3]);
    expect([DATA_TYPE_TEXT, DATA_TYPE_BINARY]).toEqual([1, 2]);
    expect(Object.isFrozen(websocket)).toBe(true);
  });
});

describe("connect", () => {
  it("delivers CONNECTED with an empty message, later than the call, with the same handle", async () => {
    const session = open(serverUrl("/"));
    expect(session.log.events).toEqual([]);
    expect(await session.next(EVENT_CONNECTED)).toEqual({ event: EVENT_CONNECTED, message: "" });
    expect(session.log.events[0]!.connection).toBe(session.connection);
  });

  it("returns opaque handles that print like Lua's light userdata and differ per connection", () => {
    const a = open(serverUrl("/")).connection;
    const b = open(serverUrl("/")).connection;
    expect(String(a)).toMatch(/^userdata: 0x[0-9a-f]{8,}$/);
    expect(String(a)).not.toBe(String(b));
    expect(a).not.toBe(b);
    expect(new Map([[a, 1]]).get(a)).toBe(1);
  });

  it("accepts http: as ws:", async () => {
    const session = open(serverUrl("/").replace(/^ws:/, "http:"));
    await session.next(EVENT_CONNECTED);
    expect(await echo(session, "plain")).toBe("plain");
  });

  it("passes self as the first argument and as `this`; without it self is undefined", async () => {
    const self = { name: "player" };
    const seen: unknown[] = [];
    const connection = websocket.connect(
      serverUrl("/"),
      {},
      function (this: typeof self, s, c, data) {
        seen.push([this, s, c, data.event]);
      },
      self,
    );
    const bare = open(serverUrl("/"));
    await bare.next(EVENT_CONNECTED);
    await vi.waitFor(() => expect(seen.length).toBe(1), { timeout: 8000 });
    expect(seen[0]).toEqual([self, self, connection, EVENT_CONNECTED]);
    expect((seen[0] as unknown[])[0]).toBe(self);
    expect(bare.log.events[0]!.self).toBeUndefined();
    websocket.disconnect(connection);
  });

  it("ignores unknown params and a params value that is not an object", async () => {
    for (const params of [{ foo: 1, ssl: true }, "x", 5, null, undefined]) {
      const session = open(serverUrl("/"), params as never);
      await session.next(EVENT_CONNECTED);
    }
  });

  it("offers the protocol param as Sec-WebSocket-Protocol, and nothing without it", async () => {
    const withProtocol = open(serverUrl("/echo-headers"), { protocol: "chat" });
    const sent = JSON.parse((await withProtocol.next(EVENT_MESSAGE)).message as string);
    expect(sent.headers["sec-websocket-protocol"]).toBe("chat");
    expect(sent.protocol).toBe("chat");

    const list = open(serverUrl("/echo-headers"), { protocol: "v2.chat, v1.chat" });
    const offered = JSON.parse((await list.next(EVENT_MESSAGE)).message as string);
    expect(offered.headers["sec-websocket-protocol"].split(/, ?/)).toEqual(["v2.chat", "v1.chat"]);
    expect(offered.protocol).toBe("v2.chat");

    const without = open(serverUrl("/echo-headers"), {});
    const plain = JSON.parse((await without.next(EVENT_MESSAGE)).message as string);
    expect(plain.headers["sec-websocket-protocol"]).toBeUndefined();
  });

  it("offers a Sec-WebSocket-Protocol line of the headers param as a subprotocol (browser too)", async () => {
    const session = open(serverUrl("/echo-headers"), {
      timeout: 3000,
      headers: "Sec-WebSocket-Protocol: chat\r\n",
    });
    const seen = JSON.parse((await session.next(EVENT_MESSAGE)).message as string);
    expect(seen.headers["sec-websocket-protocol"]).toBe("chat");
    expect(seen.protocol).toBe("chat");
    expect(session.events()).toEqual([EVENT_CONNECTED, EVENT_MESSAGE]);
  });

  it("reports an unusable URL as ERROR then DISCONNECTED on a later task, like a failed connect", async () => {
    for (const url of ["ftp://example.com/", "no scheme here", "", "ws://"]) {
      const session = open(url);
      expect(session.log.events).toEqual([]);
      const error = await session.next(EVENT_ERROR);
      expect(error.message).toMatch(/^Failed to open connection: .+/);
      if (url === "ftp://example.com/") {
        expect(error.message).toBe(
          "Failed to open connection: URL 'ftp://example.com/' is not ws:, wss:, http: or https:",
        );
      }
      expect(await session.next(EVENT_DISCONNECTED)).toEqual({
        event: EVENT_DISCONNECTED,
        message: "",
        code: 1006,
      });
      expect(session.events()).toEqual([EVENT_ERROR, EVENT_DISCONNECTED]);
    }
  });
});

describe("connect: wrong arguments", () => {
  const callback = () => {};

  it("throws the extension's errors for a non-string URL and a non-function callback", () => {
    for (const url of [undefined, null, 5, {}, new Uint8Array(1)]) {
      expect(() => websocket.connect(url as never, {}, callback)).toThrow(
        /^bad argument #1 to 'connect' \(string expected, got .+\)$/,
      );
    }
    for (const cb of [undefined, null, "f", 1, {}]) {
      expect(() => websocket.connect(serverUrl("/"), {}, cb as never)).toThrow(
        /^bad argument #3 to 'connect' \(function expected, got .+\)$/,
      );
    }
  });

  it("names the wrong value's type as Lua does: nil, number, string, boolean, table", () => {
    const cases: Array<[unknown, string]> = [
      [undefined, "nil"],
      [null, "nil"],
      [5, "number"],
      [true, "boolean"],
      [{}, "table"],
      [new Uint8Array(1), "table"],
    ];
    for (const [url, lua] of cases) {
      expect(() => websocket.connect(url as never, {}, callback)).toThrow(
        `bad argument #1 to 'connect' (string expected, got ${lua})`,
      );
    }
    expect(() => websocket.connect(serverUrl("/"), {}, "f" as never)).toThrow(
      "bad argument #3 to 'connect' (function expected, got string)",
    );
  });

  it.each([
    ["timeout", "3000", "number"],
    ["timeout", Number.NaN, "number"],
    ["timeout", true, "number"],
    ["protocol", 5, "string"],
    ["protocol", ["chat"], "string"],
    ["headers", { "X-Token": "abc" }, "string"],
    ["binary_as_bytes", "yes", "boolean"],
  ])("throws for params.%s = %j (%s expected)", (name, value, type) => {
    expect(() => websocket.connect(serverUrl("/"), { [name]: value } as never, callback)).toThrow(
      `bad argument #2 to 'connect' (${name}: ${type} expected, got `,
    );
  });

  it("throws the extension's text for a header block with an empty line", () => {
    for (const headers of ["X-A: 1\r\n\r\nX-B: 2", "X-A: 1\r\n\r\n", "\r\nX-A: 1", "X-A: 1\n\nX-B: 2"]) {
      expect(() => websocket.connect(serverUrl("/"), { headers }, callback)).toThrow(
        `The header field must not contain double '\\r\\n\\r\\n': '${headers}'`,
      );
    }
  });

  it("throws for a header line that is not 'Name: value' and for a protocol that is not a token", () => {
    expect(() => websocket.connect(serverUrl("/"), { headers: "no colon" }, callback)).toThrow(SyntaxError);
    expect(() => websocket.connect(serverUrl("/"), { protocol: "two words" }, callback)).toThrow(SyntaxError);
  });
});

describe("send and receive", () => {
  it("sends a string with the default type (binary) and reads it back as a string", async () => {
    const session = open(serverUrl("/"));
    await session.next(EVENT_CONNECTED);
    const state = { score: 42, name: "héllo ✓", nul: "a\u0000b" };
    const reply = await echo(session, JSON.stringify(state));
    expect(typeof reply).toBe("string");
    expect(JSON.parse(reply as string)).toEqual(state);
  });

  it.each([
    ["a string, DATA_TYPE_TEXT", "text ✓", DATA_TYPE_TEXT],
    ["a string, DATA_TYPE_BINARY", "binary ✓", DATA_TYPE_BINARY],
    ["bytes, DATA_TYPE_TEXT", new TextEncoder().encode("bytes as text ✓"), DATA_TYPE_TEXT],
    ["bytes, DATA_TYPE_BINARY", new TextEncoder().encode("bytes as binary ✓"), DATA_TYPE_BINARY],
  ])("echoes %s as a string by default", async (_name, message, type) => {
    const session = open(serverUrl("/"));
    await session.next(EVENT_CONNECTED);
    const expected = typeof message === "string" ? message : new TextDecoder().decode(message);
    expect(await echo(session, message, { type })).toBe(expected);
  });

  it("with binary_as_bytes, binary frames arrive as exact bytes and text frames as strings", async () => {
    const session = open(serverUrl("/"), { binary_as_bytes: true });
    await session.next(EVENT_CONNECTED);
    const bytes = patternBytes(70_000); // not valid UTF-8: must survive untouched
    const reply = await echo(session, bytes);
    expect(reply).toBeInstanceOf(Uint8Array);
    expect(byteDifference(reply as Uint8Array, bytes)).toBe("none");
    expect(await echo(session, "as binary")).toEqual(new TextEncoder().encode("as binary"));
    expect(await echo(session, "as text", { type: DATA_TYPE_TEXT })).toBe("as text");
    expect(await echo(session, new Uint8Array(0))).toEqual(new Uint8Array(0));
  });

  it("decodes binary frames from the server as UTF-8 strings unless asked for bytes", async () => {
    const plain = open(serverUrl("/send/4"));
    expect(await plain.next(EVENT_MESSAGE)).toEqual({
      event: EVENT_MESSAGE,
      message: new TextDecoder().decode(patternBytes(4)),
    });
    const raw = open(serverUrl("/send/300"), { binary_as_bytes: true });
    expect((await raw.next(EVENT_MESSAGE)).message).toEqual(patternBytes(300));
  });

  it("ignores an options value that is not an object (the default type applies)", async () => {
    const session = open(serverUrl("/"), { binary_as_bytes: true });
    await session.next(EVENT_CONNECTED);
    expect(await echo(session, "x", "text" as never)).toEqual(new TextEncoder().encode("x"));
    expect(await echo(session, "y", null)).toEqual(new TextEncoder().encode("y"));
  });

  it("delivers CONNECTED, then every message in arrival order, one callback each", async () => {
    const session = open(serverUrl("/"));
    await session.next(EVENT_CONNECTED);
    for (let i = 0; i < 200; i++) websocket.send(session.connection, String(i));
    expect(session.log.events.length).toBe(1); // nothing inside send
    await session.log.waitForCount(201);
    expect(session.events()).toEqual([EVENT_CONNECTED, ...Array(200).fill(EVENT_MESSAGE)]);
    expect(session.log.events.slice(1).map((c) => c.data.message)).toEqual(
      Array.from({ length: 200 }, (_, i) => String(i)),
    );
  });
});

describe("send: misuse", () => {
  it("throws 'The first argument must be a valid connection!' for anything that is not a handle", () => {
    for (const value of [undefined, null, {}, "userdata: 0x00000001", 1, () => {}]) {
      expect(() => websocket.send(value as never, "x")).toThrow(
        "The first argument must be a valid connection!",
      );
      expect(() => websocket.disconnect(value as never)).toThrow(
        "The first argument must be a valid connection!",
      );
    }
  });

  it("throws 'Connection isn't connected' before CONNECTED and after disconnect(), and queues nothing", async () => {
    const session = open(serverUrl("/"));
    expect(() => websocket.send(session.connection, "early")).toThrow("Connection isn't connected");
    await session.next(EVENT_CONNECTED);
    websocket.send(session.connection, "first");
    await session.next(EVENT_MESSAGE);
    expect(session.log.events[1]!.data.message).toBe("first"); // "early" was not queued
    websocket.disconnect(session.connection);
    expect(() => websocket.send(session.connection, "late")).toThrow("Connection isn't connected");
    await session.next(EVENT_DISCONNECTED);
  });

  it("throws 'Connection isn't connected' inside the DISCONNECTED callback and 'Invalid connection' after", async () => {
    const thrown: unknown[] = [];
    let done = false;
    const connection = websocket.connect(serverUrl("/close/1000"), {}, (_self, conn, data) => {
      if (data.event !== EVENT_DISCONNECTED) return;
      try {
        websocket.send(conn, "x");
      } catch (err) {
        thrown.push((err as Error).message);
      }
      done = true;
    });
    await vi.waitFor(() => expect(done).toBe(true), { timeout: 8000 });
    expect(thrown).toEqual(["Connection isn't connected"]);
    expect(() => websocket.send(connection, "x")).toThrow("Invalid connection");
    websocket.disconnect(connection); // a dead handle: silent no-op
  });

  it("throws for a message that is not a string or bytes, and for an unknown data type", async () => {
    const session = open(serverUrl("/"));
    await session.next(EVENT_CONNECTED);
    for (const message of [undefined, null, 5, {}, [1, 2], new ArrayBuffer(2)]) {
      expect(() => websocket.send(session.connection, message as never)).toThrow(
        /^bad argument #2 to 'send' \(string expected, got .+\)$/,
      );
    }
    for (const type of [0, 3, 9, "1", Number.NaN]) {
      expect(() => websocket.send(session.connection, "x", { type: type as never })).toThrow(
        /^bad argument #3 to 'send' \(type: websocket.DATA_TYPE_TEXT or websocket.DATA_TYPE_BINARY expected, got .+\)$/,
      );
    }
    expect(await echo(session, "still fine")).toBe("still fine");
  });
});

describe("closing and failures", () => {
  it("server close frame: DISCONNECTED with its code and an empty message, no ERROR", async () => {
    const session = open(serverUrl("/close/4001/bye"));
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({
      event: EVENT_DISCONNECTED,
      message: "",
      code: 4001,
    });
    expect(session.events()).toEqual([EVENT_CONNECTED, EVENT_DISCONNECTED]);
  });

  it("a close frame without a code gives 1005", async () => {
    const session = open(serverUrl("/close/none"));
    expect(await session.next(EVENT_DISCONNECTED)).toMatchObject({ code: 1005 });
    expect(session.events()).toEqual([EVENT_CONNECTED, EVENT_DISCONNECTED]);
  });

  it("a dropped connection: ERROR, then DISCONNECTED with 1006", async () => {
    const session = open(serverUrl("/drop"));
    const error = await session.next(EVENT_ERROR);
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({
      event: EVENT_DISCONNECTED,
      message: "",
      code: 1006,
    });
    expectLostOrFailedOpen(session.events(), String(error.message), "connection lost");
  });

  it("a peer that breaks the protocol: ERROR, then DISCONNECTED", async () => {
    const session = open(serverUrl("/invalid-utf8"));
    const error = await session.next(EVENT_ERROR);
    await session.next(EVENT_DISCONNECTED);
    expectLostOrFailedOpen(session.events(), String(error.message), "WebSocket error");
  });

  /**
   * A connection that ends right after the upgrade: CONNECTED, ERROR "Websocket closing …",
   * DISCONNECTED; or, in Firefox only, a failed connect, when the end came before Firefox
   * dispatched its open event (a race inside Firefox; README, Node vs browser).
   */
  function expectLostOrFailedOpen(events: number[], message: string, firefoxReason: string) {
    if (currentEngine() === "firefox" && events[0] !== EVENT_CONNECTED) {
      expect(message).toBe(`Failed to open connection: ${firefoxReason}`);
      expect(events).toEqual([EVENT_ERROR, EVENT_DISCONNECTED]);
      return;
    }
    expect(message).toMatch(/^Websocket closing for 127\.0\.0\.1 \(.+\)$/);
    expect(events).toEqual([EVENT_CONNECTED, EVENT_ERROR, EVENT_DISCONNECTED]);
  }

  it("refused port: ERROR 'Failed to open connection: …', then DISCONNECTED, never CONNECTED", async () => {
    const session = open(refusedUrl());
    expect((await session.next(EVENT_ERROR)).message).toMatch(/^Failed to open connection: .+/);
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({
      event: EVENT_DISCONNECTED,
      message: "",
      code: 1006,
    });
    expect(session.events()).toEqual([EVENT_ERROR, EVENT_DISCONNECTED]);
  });

  it("a handshake that never completes: 'Connect sequence timed out' after the timeout param", async () => {
    const session = open(serverUrl("/hang"), { timeout: 300 });
    expect(await session.next(EVENT_ERROR, 5000)).toEqual({
      event: EVENT_ERROR,
      message: "Connect sequence timed out",
    });
    expect(await session.next(EVENT_DISCONNECTED)).toMatchObject({ code: 1006 });
    expect(session.events()).toEqual([EVENT_ERROR, EVENT_DISCONNECTED]);
  });

  it.each([0, -5, 0.5])("a timeout of %s has already passed: the connect times out", async (timeout) => {
    const session = open(serverUrl("/hang"), { timeout });
    expect((await session.next(EVENT_ERROR)).message).toBe("Connect sequence timed out");
    await session.next(EVENT_DISCONNECTED);
  });

  it("a timeout beyond 2^31-1 ms means no limit: the connect still succeeds", async () => {
    const session = open(serverUrl("/"), { timeout: 2 ** 31 });
    expect(await session.next(EVENT_CONNECTED)).toEqual({ event: EVENT_CONNECTED, message: "" });
    expect(await echo(session, "no deadline")).toBe("no deadline");
    expect(session.events()).toEqual([EVENT_CONNECTED, EVENT_MESSAGE]);
    // A timer set past 2^31-1 ms would fire at once: a slow handshake shows it was not set.
    const slow = open(serverUrl("/delay/200"), { timeout: 2 ** 31 });
    await slow.next(EVENT_CONNECTED);
    expect(slow.events()).toEqual([EVENT_CONNECTED]);
  });

  it("a refused upgrade: ERROR then DISCONNECTED, never CONNECTED", async () => {
    const session = open(serverUrl("/reject/403"));
    await session.next(EVENT_DISCONNECTED);
    expect(session.events()).toEqual([EVENT_ERROR, EVENT_DISCONNECTED]);
  });
});

describe("disconnect", () => {
  it("after CONNECTED: a proper close (the server answers 1000), DISCONNECTED once, no ERROR", async () => {
    const session = open(serverUrl("/"));
    await session.next(EVENT_CONNECTED);
    websocket.disconnect(session.connection);
    websocket.disconnect(session.connection); // twice is harmless
    expect(session.events()).toEqual([EVENT_CONNECTED]); // nothing inside the call
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({
      event: EVENT_DISCONNECTED,
      message: "",
      code: 1000,
    });
    websocket.disconnect(session.connection); // dead handle: silent
    await delay(50);
    expect(session.events()).toEqual([EVENT_CONNECTED, EVENT_DISCONNECTED]);
  });

  it("before CONNECTED: aborts; only DISCONNECTED (1006) follows", async () => {
    for (const path of ["/", "/hang", "/reject/403"]) {
      const session = open(serverUrl(path));
      websocket.disconnect(session.connection);
      expect(session.log.events).toEqual([]);
      expect(await session.next(EVENT_DISCONNECTED)).toEqual({
        event: EVENT_DISCONNECTED,
        message: "",
        code: 1006,
      });
      await delay(50);
      expect(session.events()).toEqual([EVENT_DISCONNECTED]);
    }
  });

  it("before the failure of an unusable URL is reported: only DISCONNECTED", async () => {
    const session = open("ftp://example.com/");
    websocket.disconnect(session.connection);
    await session.next(EVENT_DISCONNECTED);
    expect(session.events()).toEqual([EVENT_DISCONNECTED]);
  });

  it("drops messages still in flight once disconnect() is called", async () => {
    const session = open(serverUrl("/"));
    await session.next(EVENT_CONNECTED);
    for (let i = 0; i < 20; i++) websocket.send(session.connection, String(i));
    websocket.disconnect(session.connection);
    await session.next(EVENT_DISCONNECTED);
    expect(session.events()).toEqual([EVENT_CONNECTED, EVENT_DISCONNECTED]);
  });
});

describe("callback errors", () => {
  it("are logged, not thrown, and later events still arrive", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const events: number[] = [];
      websocket.connect(serverUrl("/close/4000"), null, (_self, _conn, data) => {
        events.push(data.event);
        throw new Error("boom");
      });
      await vi.waitFor(() => expect(events).toEqual([EVENT_CONNECTED, EVENT_DISCONNECTED]), {
        timeout: 8000,
      });
      expect(spy).toHaveBeenCalledTimes(2);
      expect(String(spy.mock.calls[0]![0])).toContain("ERROR:WEBSOCKET");
    } finally {
      spy.mockRestore();
    }
  });
});
