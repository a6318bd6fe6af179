// The pure parts, through the public WebSocket: Lua's string coercion (what sendText and sendBinary
// make of their arguments, read back from the echo) and URL translation (the host and port an ERROR
// names). The backoff arithmetic is in backoff.node.test.ts.
import { WebSocketMessageType as T, WebSocket } from "@wsport/aseprite-compat";
import { describe, expect, it } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
import { record } from "./record.ts";

describe("numbers as Lua 5.4's tostring writes them", () => {
  it("sendText(n) sends each number's Lua text", async () => {
    const cases: Array<[number, string]> = [
      [0, "0"],
      [-0, "0"],
      [1, "1"],
      [-7, "-7"],
      [2 ** 53 - 1, "9007199254740991"],
      [1.5, "1.5"],
      [0.1, "0.1"],
      [-0.25, "-0.25"],
      [1 / 3, "0.33333333333333"],
      [1e-5, "1e-05"],
      [1.5e-7, "1.5e-07"],
      [1e20, "1e+20"],
      [2 ** 53, "9.007199254741e+15"],
      [123456.789, "123456.789"],
      [1e15 + 0.5, "1e+15"],
      [99999999999999.98, "1e+14"],
      [12345678901233.75, "12345678901234.0"], // rounds to a whole number: Lua marks it as a float
      [Number.POSITIVE_INFINITY, "inf"],
      [Number.NEGATIVE_INFINITY, "-inf"],
      [Number.NaN, "nan"],
    ];
    const { ws, nth } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    for (const [n] of cases) ws.sendText(n);
    const echoed = await Promise.all(cases.map((_, i) => nth(T.TEXT, i + 1)));
    expect(echoed.map((e) => e.data)).toEqual(cases.map(([, text]) => text));
  });
});

describe("joining the parts of a send", () => {
  it("keeps strings and numbers a string, and joins bytes byte-wise", async () => {
    const { ws, nth } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    ws.sendText();
    ws.sendText("a", 1, "b", 0.5);
    ws.sendBinary(new Uint8Array([1, 2]), "é", 3);
    expect((await nth(T.TEXT, 1)).data).toBe("");
    expect((await nth(T.TEXT, 2)).data).toBe("a1b0.5");
    expect((await nth(T.BINARY)).data).toEqual(new Uint8Array([1, 2, 0xc3, 0xa9, 0x33]));
  });

  it("names the bad argument and the method, as Lua's argument errors do", () => {
    const ws = WebSocket({ url: serverUrl("/") }); // the arguments are checked before the connection
    // What follows "got" is core's describe() of the value; the README quotes this text.
    expect(() => ws.sendText("a", false as never)).toThrow(
      "bad argument #2 to 'sendText' (string, number or Uint8Array expected, got a boolean)",
    );
    expect(() => ws.sendBinary(undefined as never)).toThrow(/#1 to 'sendBinary'.*got undefined/);
    expect(() => ws.sendBinary([1, 2] as never)).toThrow(/#1 to 'sendBinary'.*got .*array/);
    expect(() => ws.sendText(new ArrayBuffer(2) as never)).toThrow(TypeError);
    expect(() => ws.sendText(Symbol("s") as never)).toThrow(TypeError);
  });
});

describe("URLs", () => {
  it("dials http:// as ws://, in any case", async () => {
    const { ws, nth } = record({ url: serverUrl("/").replace("ws://", "HTTP://") });
    ws.connect();
    await nth(T.OPEN);
  });

  it("names host and port as IXWebSocket does, default ports included", async () => {
    const refused = refusedUrl("/"); // one call: refusedUrl() moves to another port each time
    for (const [url, where] of [
      ["ws://127.0.0.1/", "127.0.0.1 on port 80"],
      ["wss://127.0.0.1/", "127.0.0.1 on port 443"],
      ["ws://[::1]:81/", "::1 on port 81"],
      [refused.replace("ws://", "http://"), `127.0.0.1 on port ${new URL(refused).port}`],
    ]) {
      const { ws, nth } = record({ url });
      ws.connect();
      expect((await nth(T.ERROR)).error).toMatch(new RegExp(`^Unable to connect to ${where}, error: `));
      ws.close();
    }
  });
});
