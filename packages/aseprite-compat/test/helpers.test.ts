// The pure parts: Lua's string coercion, the backoff arithmetic, URL translation.

import { MAX_TIMEOUT } from "@wsport/core";
import { describe, expect, it } from "vitest";
import { joinParts, luaNumber } from "../src/lua-string.ts";
import { reconnectWait, waitOption } from "../src/reconnect.ts";
import { hostAndPort, toWebSocketUrl } from "../src/url.ts";

describe("luaNumber (Lua 5.4 tostring)", () => {
  it.each([
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
  ])("%s → %s", (n, text) => {
    expect(luaNumber(n)).toBe(text);
  });
});

describe("joinParts", () => {
  it("keeps strings and numbers a string, and joins bytes byte-wise", () => {
    expect(joinParts("sendText", [])).toBe("");
    expect(joinParts("sendText", ["a", 1, "b", 0.5])).toBe("a1b0.5");
    expect(joinParts("sendBinary", [new Uint8Array([1, 2]), "é", 3])).toEqual(
      new Uint8Array([1, 2, 0xc3, 0xa9, 0x33]),
    );
    const alone = new Uint8Array([9]);
    expect(joinParts("sendBinary", [alone])).toEqual(alone);
  });

  it("names the bad argument and the method, as Lua's argument errors do", () => {
    // What follows "got" is core's describe() of the value; the README quotes this text.
    expect(() => joinParts("sendText", ["a", false])).toThrow(
      "bad argument #2 to 'sendText' (string, number or Uint8Array expected, got a boolean)",
    );
    expect(() => joinParts("sendBinary", [undefined])).toThrow(/#1 to 'sendBinary'.*got undefined/);
    expect(() => joinParts("sendBinary", [[1, 2]])).toThrow(/#1 to 'sendBinary'.*got .*array/);
    expect(() => joinParts("sendText", [new ArrayBuffer(2)])).toThrow(TypeError);
    expect(() => joinParts("sendText", [Symbol("s")])).toThrow(TypeError);
  });
});

describe("reconnectWait (100 ms × 2^n, clamped to [min, max])", () => {
  it("follows Aseprite's defaults: 100, 200, ... 6400, then 10 s", () => {
    const waits = Array.from({ length: 10 }, (_, i) => reconnectWait(i + 1));
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000]);
  });

  it("raises to min, caps at max, and max wins when they cross", () => {
    expect([1, 2, 3, 4].map((n) => reconnectWait(n, 250, 300))).toEqual([250, 250, 300, 300]);
    expect([1, 2].map((n) => reconnectWait(n, 0, 50))).toEqual([50, 50]);
    expect(reconnectWait(1, 5000, 1000)).toBe(1000);
    expect(reconnectWait(3, 0, 0)).toBe(0);
  });

  it("gives max from the 27th failure on (Aseprite's n ≥ 26 rule) even with the longest max", () => {
    expect(reconnectWait(25, 1, MAX_TIMEOUT)).toBe(100 * 2 ** 24);
    expect(reconnectWait(26, 1, MAX_TIMEOUT)).toBe(MAX_TIMEOUT); // the cap comes even sooner
    expect(reconnectWait(27, 1, MAX_TIMEOUT)).toBe(MAX_TIMEOUT);
    expect(reconnectWait(5000, 1, MAX_TIMEOUT)).toBe(MAX_TIMEOUT);
  });

  it("rejects a failure count that is not a whole number ≥ 1", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => reconnectWait(bad)).toThrow(RangeError);
  });
});

describe("waitOption (seconds → ms)", () => {
  it("converts numbers, ignores other types and rejects impossible waits", () => {
    expect(waitOption("minreconnectwait", 0.001)).toBe(1);
    expect(waitOption("maxreconnectwait", 2.5)).toBe(2500);
    expect(waitOption("maxreconnectwait", 0)).toBe(0);
    for (const ignored of [undefined, "5", null, true, {}]) expect(waitOption("x", ignored)).toBeUndefined();
    for (const bad of [-0.001, Number.NaN, Number.POSITIVE_INFINITY, 2_147_484]) {
      expect(() => waitOption("maxreconnectwait", bad)).toThrow(
        /^maxreconnectwait must be a number of seconds from 0 to 2147483.647, got /,
      );
    }
  });
});

describe("URLs", () => {
  it("maps http:// to ws:// and https:// to wss://, any case, and leaves the rest", () => {
    expect(toWebSocketUrl("http://127.0.0.1:9000")).toBe("ws://127.0.0.1:9000");
    expect(toWebSocketUrl("HTTPS://example.com/x?http://y")).toBe("wss://example.com/x?http://y");
    expect(toWebSocketUrl("ws://a/")).toBe("ws://a/");
    expect(toWebSocketUrl("wss://a/")).toBe("wss://a/");
    expect(toWebSocketUrl("httpx://a/")).toBe("httpx://a/");
    expect(toWebSocketUrl("")).toBe("");
  });

  it("names host and port as IXWebSocket does, default ports included", () => {
    expect(hostAndPort(new URL("ws://example.com/"))).toEqual({ host: "example.com", port: 80 });
    expect(hostAndPort(new URL("wss://example.com/"))).toEqual({ host: "example.com", port: 443 });
    expect(hostAndPort(new URL("ws://127.0.0.1:9000/"))).toEqual({ host: "127.0.0.1", port: 9000 });
    expect(hostAndPort(new URL("ws://[::1]:81/"))).toEqual({ host: "::1", port: 81 });
  });
});
