// Crypto's parts that work everywhere (random bytes, constant_time_compare) and CryptoKey /
// X509Certificate refusing what is not PEM text, HashingContext. Runs in Node and in the browsers.
import {
  Crypto,
  CryptoKey,
  ERR_ALREADY_IN_USE,
  ERR_INVALID_PARAMETER,
  ERR_UNCONFIGURED,
  FAILED,
  HashingContext,
  OK,
  PackedByteArray,
  to_utf8_buffer,
  X509Certificate,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();

describe("Crypto everywhere", () => {
  it("generate_random_bytes gives that many bytes, different each time", () => {
    const crypto = Crypto.new();
    const a = crypto.generate_random_bytes(100_000);
    const b = crypto.generate_random_bytes(32);
    expect(a).toBeInstanceOf(PackedByteArray);
    expect(a.length).toBe(100_000);
    expect([...b]).not.toEqual([...crypto.generate_random_bytes(32)]);
    expect(new Set(a).size).toBeGreaterThan(200);
  });

  it("constant_time_compare compares contents and lengths", () => {
    const crypto = Crypto.new();
    const bytes = (...values: number[]) => new PackedByteArray(values);
    expect(crypto.constant_time_compare(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(crypto.constant_time_compare(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
    expect(crypto.constant_time_compare(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
  });

  it("bad input prints an error and gives an empty result", () => {
    const crypto = Crypto.new();
    for (const bad of [-1, 1.5, "3", null, {}])
      expect(crypto.generate_random_bytes(bad as number).length).toBe(0);
    expect(crypto.constant_time_compare("a" as never, new Uint8Array())).toBe(false);
    expect(crypto.hmac_digest(9 as never, new Uint8Array(), new Uint8Array()).length).toBe(0);
    expect(crypto.generate_self_signed_certificate(new CryptoKey())).toBe(null);
    expect(prints.spy).toHaveBeenCalled();
  });
});

describe("CryptoKey and X509Certificate refuse what is not PEM", () => {
  it("load_from_string returns FAILED and keeps the resource empty", () => {
    const key = CryptoKey.new();
    const cert = X509Certificate.new();
    for (const bad of ["", "hello", "-----BEGIN CERTIFICATE-----", null, 5, {}, Symbol("s")]) {
      expect(key.load_from_string(bad as string)).toBe(FAILED);
      expect(key.load_from_string(bad as string, true)).toBe(FAILED);
      expect(cert.load_from_string(bad as string)).toBe(FAILED);
    }
    expect(key.save_to_string()).toBe("");
    expect(key.is_public_only()).toBe(false);
    expect(cert.save_to_string()).toBe("");
    expect(key.save(5 as unknown as string)).not.toBe(OK);
    expect(cert.load(null as unknown as string)).not.toBe(OK);
  });
});

describe("HashingContext", () => {
  const hashOf = (type: 0 | 1 | 2, ...chunks: string[]) => {
    const context = HashingContext.new();
    expect(context.start(type)).toBe(OK);
    for (const chunk of chunks) expect(context.update(to_utf8_buffer(chunk))).toBe(OK);
    return context.finish().hex_encode();
  };

  it('MD5, SHA-1 and SHA-256 of "abc" (RFC 1321, FIPS 180 test vectors), whole or in chunks', () => {
    expect(hashOf(HashingContext.HASH_MD5, "abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(hashOf(HashingContext.HASH_SHA1, "a", "b", "c")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(hashOf(HashingContext.HASH_SHA256, "ab", "", "c")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(new HashingContext().HASH_SHA256).toBe(2);
  });

  it("finish() ends the hash: the context starts again; a second start() while running is ERR_ALREADY_IN_USE", () => {
    const context = HashingContext.new();
    expect(context.start(HashingContext.HASH_SHA256)).toBe(OK);
    expect(context.start(HashingContext.HASH_MD5)).toBe(ERR_ALREADY_IN_USE);
    expect(context.finish().length).toBe(32);
    expect(context.start(HashingContext.HASH_MD5)).toBe(OK);
    expect(context.finish().length).toBe(16);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("bad input: update and finish before start, unknown types, non-byte chunks", () => {
    const context = HashingContext.new();
    expect(context.update(new PackedByteArray([1]))).toBe(ERR_UNCONFIGURED);
    expect(context.finish().length).toBe(0);
    expect(context.start(3 as never)).toBe(ERR_INVALID_PARAMETER);
    expect(context.start("sha256" as never)).toBe(ERR_INVALID_PARAMETER);
    expect(context.start(HashingContext.HASH_SHA1)).toBe(OK);
    expect(context.update("abc" as never)).toBe(ERR_INVALID_PARAMETER);
    expect(context.update(to_utf8_buffer("abc"))).toBe(OK);
    expect(context.finish().hex_encode()).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(prints.spy).toHaveBeenCalledTimes(5);
  });
});
