// The pure helpers every adapter shares.
import { backoffDelay, isValidCloseCode, messageBytes, messageText } from "@wsport/core";
import {
  decodeUtf8,
  encodeUtf8,
  isValidUtf8,
  parseHeaderBlock,
  parseWebSocketUrl,
  utf8ByteLength,
  utf8FitsIn,
} from "@wsport/core/internal";
import { describe, expect, it } from "vitest";

describe("utf8", () => {
  it("round-trips and measures without encoding", () => {
    for (const s of ["", "abc", "é", "✓", "😀", "a😀b", "\u0000"]) {
      expect(decodeUtf8(encodeUtf8(s))).toBe(s);
      expect(utf8ByteLength(s)).toBe(encodeUtf8(s).length);
    }
    expect(utf8ByteLength("\ud800")).toBe(3); // a lone surrogate is encoded as U+FFFD
  });
  it("tells whether a text fits a byte limit, at both ends of the 1-3 bytes per UTF-16 unit", () => {
    for (const s of ["", "abc", "é", "✓✓", "😀", "a😀b"]) {
      const size = encodeUtf8(s).length;
      expect(utf8FitsIn(s, size)).toBe(true);
      expect(utf8FitsIn(s, size - 1)).toBe(false);
    }
    expect(utf8FitsIn("x".repeat(10), 30)).toBe(true); // 3 × length fits: not measured
    expect(utf8FitsIn("é".repeat(10), 15)).toBe(false); // 20 bytes, between length and 3 × length
    expect(utf8FitsIn("é", -1)).toBe(false);
  });
  it("validates and decodes leniently or strictly", () => {
    const bad = new Uint8Array([0xc3, 0x28]);
    expect(isValidUtf8(bad)).toBe(false);
    expect(isValidUtf8(encodeUtf8("ok"))).toBe(true);
    expect(decodeUtf8(bad)).toBe("\ufffd(");
    expect(() => decodeUtf8(bad, true)).toThrow(TypeError);
  });
  it("converts message payloads only when needed", () => {
    const bytes = encodeUtf8("hi");
    expect(messageBytes(bytes)).toBe(bytes);
    expect(messageText("hi")).toBe("hi");
    expect(messageText(bytes)).toBe("hi");
    expect(messageBytes("hi")).toEqual(bytes);
  });
});

describe("parseHeaderBlock", () => {
  it("parses Defold-style header blocks", () => {
    expect(parseHeaderBlock("X-A: 1\r\nX-B:two words \r\n")).toEqual([
      ["X-A", "1"],
      ["X-B", "two words"],
    ]);
    expect(parseHeaderBlock("X-A: 1\nX-B: 2")).toEqual([
      ["X-A", "1"],
      ["X-B", "2"],
    ]);
    expect(parseHeaderBlock("")).toEqual([]);
  });
  it("rejects blank lines, missing colons, bad names and non-strings", () => {
    expect(() => parseHeaderBlock("X-A: 1\r\n\r\nX-B: 2")).toThrow(/empty line/);
    expect(() => parseHeaderBlock("no colon here")).toThrow(/Name: value/);
    expect(() => parseHeaderBlock("Bad Name: 1")).toThrow(/token/);
    expect(() => parseHeaderBlock(7)).toThrow(TypeError);
  });
});

describe("parseWebSocketUrl", () => {
  it("accepts ws and wss with host, port and path", () => {
    const url = parseWebSocketUrl("wss://Example.com:8443/a/b?c=d");
    expect(url.protocol).toBe("wss:");
    expect(url.hostname).toBe("example.com");
    expect(url.port).toBe("8443");
    expect(url.pathname + url.search).toBe("/a/b?c=d");
    expect(parseWebSocketUrl("ws://[::1]:9000/").hostname).toBe("[::1]");
  });
  it("explains what is wrong", () => {
    expect(() => parseWebSocketUrl(null)).toThrow(/must be a string, got null/);
    expect(() => parseWebSocketUrl("ftp://x")).toThrow(/'ftp:'/);
    expect(() => parseWebSocketUrl("ws://host:abc/")).toThrow(/port 'abc'/);
    expect(() => parseWebSocketUrl("ws://host:65536/")).toThrow(/1 to 65535/);
    expect(() => parseWebSocketUrl("ws://:80/")).toThrow(SyntaxError);
  });
});

describe("isValidCloseCode", () => {
  it("follows RFC 6455 §7.4", () => {
    for (const ok of [1000, 1001, 1002, 1003, 1007, 1011, 1014, 3000, 4999])
      expect(isValidCloseCode(ok)).toBe(true);
    for (const bad of [0, 999, 1004, 1005, 1006, 1015, 2999, 5000, 1000.5, Number.NaN]) {
      expect(isValidCloseCode(bad)).toBe(false);
    }
  });
});

describe("backoffDelay", () => {
  it("doubles from 100 ms, within min and max", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffDelay(n))).toEqual([
      100, 200, 400, 800, 1600, 3200, 6400, 10000, 10000,
    ]);
    expect(backoffDelay(1, { min: 500 })).toBe(500);
    expect(backoffDelay(3, { min: 500, max: 300 })).toBe(300); // max wins when they cross
    expect(backoffDelay(5000)).toBe(10000); // no overflow to NaN
    expect(backoffDelay(1, { jitter: 0.5 }, () => 1)).toBe(50);
  });
  it("rejects nonsense", () => {
    expect(() => backoffDelay(0)).toThrow(RangeError);
    expect(() => backoffDelay(1, { jitter: 2 })).toThrow(RangeError);
  });
});
