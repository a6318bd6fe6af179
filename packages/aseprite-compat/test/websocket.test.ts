// WebSocket over real sockets against @wsport/server, in Node and in Chromium.
import { MessageType, WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";
import { describe, expect, it, vi } from "vitest";
import { delay, patternBytes, refusedUrl, serverUrl } from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";
import { fakeClock, record } from "./record.ts";

const T = WebSocketMessageType;
const NOT_CONNECTED = /^WebSocket is not connected, can't send (text|data|ping)$/;

describe("WebSocketMessageType", () => {
  it("has Aseprite's values and cannot be changed", () => {
    expect({ ...T }).toEqual({
      TEXT: 0,
      OPEN: 1,
      CLOSE: 2,
      ERROR: 3,
      PING: 4,
      PONG: 5,
      FRAGMENT: 6,
      BINARY: 16,
    });
    expect(Object.isFrozen(T)).toBe(true);
  });

  it("MessageType: the ≤ 1.2.x global with its own casing, the same numbers", () => {
    expect({ ...MessageType }).toEqual({
      Text: T.TEXT,
      Binary: T.BINARY,
      Open: T.OPEN,
      Close: T.CLOSE,
      Error: T.ERROR,
      Ping: T.PING,
      Pong: T.PONG,
      Fragment: T.FRAGMENT,
    });
    expect(Object.isFrozen(MessageType)).toBe(true);
    expect((MessageType as Record<string, unknown>).OPEN).toBeUndefined(); // no mixed casing
  });

  it("a ≤ 1.2.x onreceive that compares with MessageType sees Open, Text and Close", async () => {
    const seen: string[] = [];
    const names = new Map<number, string>(Object.entries(MessageType).map(([name, value]) => [value, name]));
    const ws = WebSocket({
      url: serverUrl("/"),
      onreceive: (t, message) => {
        seen.push(`${names.get(t)}${message === "" ? "" : ` ${String(message)}`}`);
        if (t === MessageType.Open) ws.sendText("hi");
        if (t === MessageType.Text) ws.close();
      },
    });
    ws.connect();
    await until(() => seen.includes("Close"), "Close");
    expect(seen).toEqual(["Open", "Text hi", "Close"]);
  });
});

describe("constructor", () => {
  it("works with and without new, and with no argument", () => {
    const a = WebSocket({ url: serverUrl("/") });
    const b = new WebSocket({ url: serverUrl("/") });
    const c = WebSocket();
    for (const ws of [a, b, c]) expect(ws).toBeInstanceOf(WebSocket);
    expect(a.url).toBe(serverUrl("/"));
    expect(c.url).toBe("");
  });

  it("keeps url read-only and has no settable fields", () => {
    const ws = WebSocket({ url: "ws://example.invalid/" });
    expect(() => {
      (ws as { url: string }).url = "ws://elsewhere/";
    }).toThrow(TypeError);
    expect(() => {
      (ws as unknown as Record<string, unknown>).onreceive = () => {};
    }).toThrow(TypeError);
    expect(ws.url).toBe("ws://example.invalid/");
  });

  it("reads url with Lua's string coercion and treats anything but an object as no options", () => {
    expect(WebSocket({ url: 42 }).url).toBe("42");
    expect(WebSocket({ url: 1.5 }).url).toBe("1.5");
    for (const bad of ["ws://x/", 3, true, null]) {
      expect(WebSocket(bad as never).url).toBe("");
    }
    expect(WebSocket({ url: { toString: () => "ws://x/" } } as never).url).toBe("");
  });

  it("ignores wait options that are not numbers, as Aseprite does, and rejects bad numbers", () => {
    expect(() =>
      WebSocket({ minreconnectwait: "5" as never, maxreconnectwait: null as never }),
    ).not.toThrow();
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 3_000_000]) {
      expect(() => WebSocket({ minreconnectwait: bad })).toThrow(RangeError);
      expect(() => WebSocket({ maxreconnectwait: bad })).toThrow(
        /maxreconnectwait must be a number of seconds/,
      );
    }
  });

  it("tolerates a missing or non-function handler", async () => {
    const ws = WebSocket({ url: serverUrl("/"), onreceive: "nope" as never });
    ws.connect();
    await delay(50); // time for events to reach the missing handler (they must not throw)
    ws.close();
    const silent = WebSocket();
    silent.connect(); // "Could not parse url: ''" goes nowhere
    await delay(20); // as above
    silent.close();
  });
});

describe("messages", () => {
  it("delivers OPEN, TEXT, BINARY and CLOSE with Aseprite's arguments", async () => {
    const { ws, log, nth, types } = record({ url: serverUrl("/") });
    ws.connect();
    expect(log.events).toEqual([]); // never inside the call
    expect(await nth(T.OPEN)).toMatchObject({ data: "", error: "" });
    ws.sendText("héllo ✓");
    expect(await nth(T.TEXT)).toMatchObject({ data: "héllo ✓", error: "" });
    ws.sendBinary(patternBytes(300));
    const binary = await nth(T.BINARY);
    expect(binary.data).toBeInstanceOf(Uint8Array);
    expect(binary.data).toEqual(patternBytes(300));
    ws.close();
    expect(log.events.at(-1)?.type).toBe(T.BINARY); // CLOSE comes after close() returns
    expect(await nth(T.CLOSE)).toMatchObject({ data: "", error: "" });
    await delay(100); // the socket is closed, so no marker can follow CLOSE: a late event gets time to show
    expect(types()).toEqual([T.OPEN, T.TEXT, T.BINARY, T.CLOSE]);
  });

  it("joins parts with no separator, numbers formatted as Lua does", async () => {
    const { ws, nth } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    ws.sendText("a", 1, 2.5, "b", 1e20, -0.25);
    expect((await nth(T.TEXT)).data).toBe("a12.5b1e+20-0.25");
    ws.sendText();
    expect((await nth(T.TEXT, 2)).data).toBe("");
    ws.sendText(new Uint8Array([0xc3, 0xa9]), "!"); // bytes that are UTF-8 text may be parts of a text
    expect((await nth(T.TEXT, 3)).data).toBe("é!");
    ws.sendBinary(new Uint8Array([0, 255]), "é", 7);
    expect((await nth(T.BINARY)).data).toEqual(new Uint8Array([0, 255, 0xc3, 0xa9, 0x37]));
    ws.sendBinary("only", "strings");
    expect((await nth(T.BINARY, 2)).data).toEqual(new TextEncoder().encode("onlystrings"));
    ws.sendBinary();
    expect((await nth(T.BINARY, 3)).data).toEqual(new Uint8Array(0));
  });

  it("accepts http:// as ws://", async () => {
    const { ws, nth } = record({ url: serverUrl("/").replace("ws://", "http://") });
    ws.connect();
    await nth(T.OPEN);
    ws.sendText("over http://");
    expect((await nth(T.TEXT)).data).toBe("over http://");
  });

  it("runs the docs' handleMessage example", async () => {
    const printed: string[] = [];
    const print = (line: string) => printed.push(line);
    // The example from Aseprite's docs, ported line for line (the seed page cut off its sendText and
    // close lines). The docs never call connect(); a script must, so the port does.
    let ws: WebSocket | undefined;
    function handleMessage(mt: number, data: string | Uint8Array) {
      if (mt === WebSocketMessageType.OPEN) {
        print("Connection open. Sending a message...");
        ws?.sendText("Hello!");
      } else if (mt === WebSocketMessageType.TEXT) {
        print(`Message recived: ${data}`);
        ws?.close();
      } else if (mt === WebSocketMessageType.CLOSE) {
        print("Connection closed");
      }
    }
    ws = WebSocket({
      onreceive: handleMessage,
      url: serverUrl("/").replace("ws://", "http://"),
      deflate: false,
    });
    ws.connect();
    await vi.waitFor(() => expect(printed).toHaveLength(3), { timeout: 8000 });
    await delay(50); // the example closes after its third print: nothing can carry a marker after it
    expect(printed).toEqual([
      "Connection open. Sending a message...",
      "Message recived: Hello!",
      "Connection closed",
    ]);
  });
});

describe("send errors", () => {
  it("throws Aseprite's texts when not connected: before connect, while connecting, after close", async () => {
    const { ws, nth } = record({ url: serverUrl("/") });
    const all = () => {
      expect(() => ws.sendText("x")).toThrow("WebSocket is not connected, can't send text");
      expect(() => ws.sendBinary("x")).toThrow("WebSocket is not connected, can't send data");
      expect(() => ws.sendPing("x")).toThrow("WebSocket is not connected, can't send ping");
      expect(() => ws.sendText()).toThrow(NOT_CONNECTED);
    };
    all();
    ws.connect();
    all();
    await nth(T.OPEN);
    ws.close();
    all();
  });

  it("rejects parts that are not strings, numbers or bytes, connected or not", async () => {
    const { ws, nth } = record({ url: serverUrl("/") });
    const check = () => {
      for (const bad of [true, null, undefined, {}, [], 10n, () => 1]) {
        expect(() => ws.sendText("ok", bad as never)).toThrow(
          /^bad argument #2 to 'sendText' \(string, number or Uint8Array expected, got /,
        );
        expect(() => ws.sendBinary(bad as never)).toThrow(TypeError);
        expect(() => ws.sendBinary(bad as never)).toThrow(/#1 to 'sendBinary'/);
      }
      for (const bad of [true, null, {}]) expect(() => ws.sendPing(bad as never)).toThrow(/'sendPing'/);
    };
    check();
    ws.connect();
    await nth(T.OPEN);
    check();
  });

  it("refuses text that is not UTF-8 and keeps the connection", async () => {
    const { ws, nth, types } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    expect(() => ws.sendText(new Uint8Array([0xc3, 0x28]))).toThrow(/^WebSocket failed to send text$/);
    ws.sendText("still open");
    expect((await nth(T.TEXT)).data).toBe("still open");
    expect(types()).toEqual([T.OPEN, T.TEXT]);
  });
});

describe("reconnection", () => {
  /** The ERRORs of attempts against a refused port, each retry let through by the fake clock. */
  async function refusedErrors(options: { minreconnectwait?: number; maxreconnectwait?: number } = {}) {
    const clock = fakeClock();
    const { ws, log, nth } = record({ url: refusedUrl("/"), ...options });
    ws.connect();
    const errors = [await nth(T.ERROR)];
    for (let n = 2; n <= 4; n++) {
      await clock.nextTimer(); // the backoff wait, in full: the next attempt starts at its end
      errors.push(await nth(T.ERROR, n));
    }
    ws.close();
    expect(log.events.every((e) => e.type === T.ERROR)).toBe(true);
    return { errors, gaps: errors.slice(1).map((e, i) => e.at - errors[i]!.at) };
  }

  it("retries a refused first connection with 100, 200, 400 ms waits", async () => {
    const { errors, gaps } = await refusedErrors();
    for (const e of errors)
      expect(e).toMatchObject({
        data: "",
        error: expect.stringMatching(/^Unable to connect to 127\.0\.0\.1 on port \d+, error: /),
      });
    expect(gaps).toEqual([100, 200, 400]);
  });

  it("honours minreconnectwait and maxreconnectwait (seconds)", async () => {
    const { gaps } = await refusedErrors({ minreconnectwait: 0.25, maxreconnectwait: 0.3 });
    expect(gaps).toEqual([250, 250, 300]); // 100 → raised to 250; 200 → 250; 400 → capped at 300
  });

  it("reconnects at once after the server drops an open connection (/drop?after=1)", async () => {
    const { ws, log, nth, types } = record({ url: serverUrl("/drop?after=1") });
    ws.connect();
    await nth(T.OPEN);
    ws.sendText("bye");
    expect((await nth(T.TEXT)).data).toBe("bye");
    const closed = await nth(T.CLOSE);
    const reopened = await nth(T.OPEN, 2);
    expect(reopened.at).toBeGreaterThanOrEqual(closed.at);
    expect(types()).toEqual([T.OPEN, T.TEXT, T.CLOSE, T.OPEN]); // no ERROR, no wait
    ws.sendText("again"); // the new connection drops after its first echo too
    expect((await nth(T.TEXT, 2)).data).toBe("again");
    await nth(T.OPEN, 3);
    ws.close();
    await nth(T.CLOSE, 3);
    expect(types()).toEqual([T.OPEN, T.TEXT, T.CLOSE, T.OPEN, T.TEXT, T.CLOSE, T.OPEN, T.CLOSE]);
    expect(log.events.filter((e) => e.type === T.ERROR)).toEqual([]);
  });

  // The bad frame comes 300 ms after the open: Firefox fails a connection whose bad frame follows the
  // upgrade at once before it fires open (README, between browsers), and this test is about an open one
  // (30 ms was not enough for Firefox on a loaded machine in CI; 300 is what /drop?delay=300 below needed).
  it.each(["/close/4000/bye", "/invalid-utf8?delay=300"])(
    "reconnects at once after an open connection ends by the server (%s): OPEN, CLOSE, OPEN, no ERROR",
    async (path) => {
      const { ws, log, nth, types } = record({ url: serverUrl(path) });
      ws.connect();
      const closed = await nth(T.CLOSE);
      const reopened = await nth(T.OPEN, 2);
      expect(reopened.at).toBeGreaterThanOrEqual(closed.at);
      // No ERROR between them: a backoff wait only ever follows an ERROR, so the retry was immediate.
      expect(types().slice(0, 3)).toEqual([T.OPEN, T.CLOSE, T.OPEN]);
      expect(closed).toMatchObject({ data: "", error: "" });
      ws.close();
      await delay(50); // closed: no marker can follow, so a late ERROR gets a fixed time to show
      expect(log.events.filter((e) => e.type === T.ERROR)).toEqual([]);
      const seen = types();
      expect(seen.at(-1)).toBe(T.CLOSE);
      expect(seen.filter((t) => t === T.OPEN).length).toBe(seen.filter((t) => t === T.CLOSE).length);
    },
  );

  // 300 ms: long enough that every browser fires open before the drop, even on a loaded machine (with 50 ms,
  // Firefox under load once saw the drop first and reported that attempt as an ERROR, which is also right).
  it("keeps cycling OPEN/CLOSE against a server that drops after a delay (/drop?delay=300)", async () => {
    const { ws, nth, types } = record({ url: serverUrl("/drop?delay=300") });
    ws.connect();
    await nth(T.OPEN, 3);
    ws.close();
    await delay(150); // closed: no marker can follow, so a late event gets a fixed time to show
    const seen = types();
    expect(seen.slice(0, 5)).toEqual([T.OPEN, T.CLOSE, T.OPEN, T.CLOSE, T.OPEN]);
    expect(seen.at(-1)).toBe(T.CLOSE); // close() on the open socket gave one CLOSE; nothing after it
    expect(seen.filter((t) => t === T.OPEN).length).toBe(seen.filter((t) => t === T.CLOSE).length);
  });

  // In real time (the one check of the backoff without the fake clock).
  it("close() during a retry wait stops quietly; connect() then starts afresh", async () => {
    const { ws, log, nth } = record({ url: refusedUrl("/") });
    ws.connect();
    ws.connect(); // no-op while running
    await nth(T.ERROR);
    ws.close(); // inside the 100 ms wait
    await delay(400); // past the retry waits (100 ms, then 200 ms): the timing is what is tested
    expect(log.events.map((e) => e.type)).toEqual([T.ERROR]);
    ws.connect(); // afresh: the first attempt is immediate and the backoff restarts at 100 ms
    const [second, third] = await Promise.all([nth(T.ERROR, 2), nth(T.ERROR, 3)]);
    expect(third.at - second.at).toBeGreaterThanOrEqual(100 - 2);
    ws.close();
  });

  it("reports a URL it cannot parse as an ERROR, then keeps retrying", async () => {
    for (const url of ["", "nonsense", "ftp://127.0.0.1/", "ws://127.0.0.1:99999/"]) {
      const { ws, log, nth } = record({ url });
      ws.connect();
      expect(log.events).toEqual([]); // reported later, not thrown and not inside connect()
      const first = await nth(T.ERROR);
      expect(first).toMatchObject({ data: "", error: `Could not parse url: '${url}'` });
      const second = await nth(T.ERROR, 2);
      expect(second.at - first.at).toBeGreaterThanOrEqual(100 - 2);
      ws.close();
    }
  });

  it("connect() after close() on an open socket reconnects", async () => {
    const { ws, nth, types } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    ws.close();
    ws.connect();
    await nth(T.OPEN, 2);
    expect(types()).toEqual([T.OPEN, T.CLOSE, T.OPEN]);
  });

  it("close() before connect() and twice in a row does nothing", async () => {
    const { ws, log } = record({ url: serverUrl("/") });
    ws.close();
    ws.connect();
    ws.close();
    ws.close();
    await delay(100); // never connected: nothing can carry a marker, so a wrong event gets a fixed time to show
    expect(log.events).toEqual([]);
  });
});

describe("a handler that throws", () => {
  it("is reported on the console and stops the socket, as in Aseprite", async () => {
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const calls: number[] = [];
      const ws = WebSocket({
        url: refusedUrl("/"),
        onreceive: (type) => {
          calls.push(type);
          throw new Error("script bug");
        },
      });
      ws.connect();
      await vi.waitFor(() => expect(errorLog).toHaveBeenCalledTimes(1), { timeout: 8000 });
      await delay(300); // past the first retry wait: no more attempts
      expect(calls).toEqual([T.ERROR]);
      expect(String(errorLog.mock.calls[0]?.[0])).toMatch(/script bug/);
    } finally {
      errorLog.mockRestore();
    }
  });
});
