// What needs raw sockets, files or Node's crypto is unavailable in a browser and says so: StreamPeerTCP,
// StreamPeerTLS, key and certificate generation, HMAC, PEM files. Variants, StreamPeerBuffer and
// the constants work (their tests run here too).
import {
  Crypto,
  CryptoKey,
  ERR_UNAVAILABLE,
  StreamPeerTCP,
  StreamPeerTLS,
  TLSOptions,
  X509Certificate,
} from "@wsport/godot-compat";
import { expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();
const PEM_KEY = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
const PEM_CERT = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

it("StreamPeerTCP and StreamPeerTLS return ERR_UNAVAILABLE with an error print", () => {
  const tcp = StreamPeerTCP.new();
  expect(tcp.connect_to_host("127.0.0.1", 9080)).toBe(ERR_UNAVAILABLE);
  expect(tcp.get_status()).toBe(tcp.STATUS_NONE);
  const key = CryptoKey.new();
  const cert = X509Certificate.new();
  expect(key.load_from_string(PEM_KEY)).toBe(0); // only the PEM armour is checked here
  expect(cert.load_from_string(PEM_CERT)).toBe(0);
  const tls = StreamPeerTLS.new();
  expect(tls.accept_stream(tcp, TLSOptions.server(key, cert))).toBe(ERR_UNAVAILABLE);
  expect(tls.connect_to_stream(tcp, "example.com")).toBe(ERR_UNAVAILABLE);
  expect(tls.get_status()).toBe(tls.STATUS_DISCONNECTED);
  expect(prints.spy).toHaveBeenCalledTimes(3);
});

it("Crypto's key generation, HMAC, signatures and RSA encryption, and PEM files, are Node only", () => {
  const crypto = Crypto.new();
  expect(crypto.generate_rsa(2048)).toBe(null);
  const key = CryptoKey.new();
  key.load_from_string(PEM_KEY);
  expect(crypto.generate_self_signed_certificate(key)).toBe(null);
  expect(crypto.hmac_digest(2, new Uint8Array([1]), new Uint8Array([2])).length).toBe(0);
  expect(crypto.sign(2, new Uint8Array(32), key).length).toBe(0);
  expect(crypto.verify(2, new Uint8Array(32), new Uint8Array(128), key)).toBe(false);
  expect(crypto.encrypt(key, new Uint8Array([1])).length).toBe(0);
  expect(crypto.decrypt(key, new Uint8Array(128)).length).toBe(0);
  expect(prints.spy.mock.calls.slice(-4).map((c) => String(c[0]))).toEqual([
    expect.stringContaining("Crypto.sign() is not available in browsers"),
    expect.stringContaining("Crypto.verify() is not available in browsers"),
    expect.stringContaining("Crypto.encrypt() is not available in browsers"),
    expect.stringContaining("Crypto.decrypt() is not available in browsers"),
  ]);
  expect(key.save("user://server.key")).toBe(ERR_UNAVAILABLE);
  expect(key.load("user://server.key")).toBe(ERR_UNAVAILABLE);
  expect(X509Certificate.new().load("res://cert.crt")).toBe(ERR_UNAVAILABLE);
  expect(X509Certificate.new().save("res://cert.crt")).toBe(ERR_UNAVAILABLE);
  expect(key.save_to_string(true)).toBe(""); // the public part needs Node's crypto
  expect(crypto.generate_random_bytes(16).length).toBe(16);
});
