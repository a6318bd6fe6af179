// Crypto's parts that work everywhere (random bytes, constant_time_compare) and CryptoKey /
// X509Certificate refusing what is not PEM text. Runs in Node and in Chromium.
import { Crypto, CryptoKey, FAILED, OK, PackedByteArray, X509Certificate } from "@wsport/godot-compat";
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
    expect(crypto.hmac_digest(9, new Uint8Array(), new Uint8Array()).length).toBe(0);
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
