// The Node entry's Crypto: RSA keys, self-signed certificates (read back by Node's X509Certificate),
// HMAC, and PEM files under plain, res:// and user:// paths.
import {
  constants,
  createPrivateKey,
  X509Certificate as NodeX509,
  verify as nodeVerify,
  publicEncrypt,
} from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  Crypto,
  CryptoKey,
  ERR_FILE_CANT_OPEN,
  ERR_INVALID_PARAMETER,
  FAILED,
  HashingContext,
  type HashType,
  OK,
  to_utf8_buffer,
  X509Certificate,
} from "@wsport/godot-compat";
import { afterAll, describe, expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();
const folder = mkdtempSync(join(tmpdir(), "wsport-crypto-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const crypto = Crypto.new();
const key = crypto.generate_rsa(1024)!;

describe("Crypto (Node)", () => {
  it("generate_self_signed_certificate uses the issuer name and validity given", () => {
    const cert = crypto.generate_self_signed_certificate(
      key,
      "CN=game.example,O=Studio,C=FR",
      "20240102030405",
      "20300101000000",
    )!;
    const parsed = new NodeX509(cert.save_to_string());
    expect(parsed.subject).toContain("CN=game.example");
    expect(parsed.subject).toContain("O=Studio");
    expect(parsed.issuer).toBe(parsed.subject);
    expect(new Date(parsed.validFrom).toISOString()).toBe("2024-01-02T03:04:05.000Z");
    expect(new Date(parsed.validTo).toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(parsed.checkPrivateKey(createPrivateKey(key.save_to_string()))).toBe(true);
    const defaults = new NodeX509(crypto.generate_self_signed_certificate(key)!.save_to_string());
    expect(defaults.subject).toContain("CN=myserver");
  });

  it("hmac_digest matches RFC 4231's test case 2 (SHA-256)", () => {
    const digest = crypto.hmac_digest(
      HashingContext.HASH_SHA256,
      to_utf8_buffer("Jefe"),
      to_utf8_buffer("what do ya want for nothing?"),
    );
    expect(digest.hex_encode()).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    expect(
      crypto.hmac_digest(HashingContext.HASH_SHA1, to_utf8_buffer("k"), to_utf8_buffer("m")).length,
    ).toBe(20);
  });

  it("bad input: sizes, keys, names and dates are refused with a print", () => {
    for (const size of [0, 100, 1.5, "2048", null, 1e9])
      expect(crypto.generate_rsa(size as number)).toBe(null);
    const publicKey = CryptoKey.new();
    expect(publicKey.load_from_string(key.save_to_string(true), true)).toBe(OK);
    expect(crypto.generate_self_signed_certificate(publicKey)).toBe(null);
    expect(crypto.generate_self_signed_certificate(key, "no equals sign")).toBe(null);
    expect(crypto.generate_self_signed_certificate(key, "CN=x", "2024")).toBe(null);
    expect(crypto.generate_self_signed_certificate(key, "CN=x", "20240101000000", "20241399000000")).toBe(
      null,
    );
    expect(crypto.generate_self_signed_certificate(null as unknown as CryptoKey)).toBe(null);
    expect(prints.spy).toHaveBeenCalled();
  });
});

describe("CryptoKey and X509Certificate files (Node)", () => {
  it("save and load a key and a certificate by plain path; public_only keeps the public part", () => {
    const cert = crypto.generate_self_signed_certificate(key)!;
    expect(key.save(join(folder, "server.key"))).toBe(OK);
    expect(key.save(join(folder, "server.pub"), true)).toBe(OK);
    expect(cert.save(join(folder, "server.crt"))).toBe(OK);
    const loaded = CryptoKey.new();
    expect(loaded.load(join(folder, "server.key"))).toBe(OK);
    expect(loaded.save_to_string()).toBe(key.save_to_string());
    const pub = CryptoKey.new();
    expect(pub.load(join(folder, "server.pub"), true)).toBe(OK);
    expect(pub.is_public_only()).toBe(true);
    expect(readFileSync(join(folder, "server.pub"), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(pub.load(join(folder, "server.key"), true)).toBe(OK); // the public part of a private key
    const again = X509Certificate.new();
    expect(again.load(join(folder, "server.crt"))).toBe(OK);
    expect(again.save_to_string()).toBe(cert.save_to_string());
  });

  it("res:// is the working directory and user:// is $GODOT_USER_DIR", () => {
    const inCwd = relative(process.cwd(), join(folder, "res.key"));
    expect(key.save(`res://${inCwd}`)).toBe(OK);
    expect(existsSync(join(folder, "res.key"))).toBe(true);
    const before = process.env.GODOT_USER_DIR;
    process.env.GODOT_USER_DIR = folder;
    try {
      expect(key.save("user://user.key")).toBe(OK);
      const loaded = CryptoKey.new();
      expect(loaded.load("user://user.key")).toBe(OK);
    } finally {
      if (before === undefined) delete process.env.GODOT_USER_DIR;
      else process.env.GODOT_USER_DIR = before;
    }
    expect(existsSync(join(folder, "user.key"))).toBe(true);
  });

  it("bad paths and contents: Godot's codes, nothing thrown", () => {
    const empty = CryptoKey.new();
    expect(empty.save(join(folder, "nothing.key"))).toBe(ERR_INVALID_PARAMETER); // nothing to save
    expect(empty.load(join(folder, "missing.key"))).toBe(ERR_FILE_CANT_OPEN);
    expect(X509Certificate.new().load(join(folder, "missing.crt"))).toBe(ERR_FILE_CANT_OPEN);
    expect(key.save(join(folder, "no-such-folder", "x.key"))).not.toBe(OK);
    const bogus = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
    expect(empty.load_from_string(bogus)).toBe(FAILED);
    const cert = X509Certificate.new();
    expect(cert.load_from_string("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")).toBe(
      FAILED,
    );
    expect(cert.save_to_string()).toBe("");
  });
});

describe("Crypto sign / verify / encrypt / decrypt (Node): RSA PKCS #1 v1.5, as Godot's mbedTLS build", () => {
  const digestOf = (text: string, type: HashType = HashingContext.HASH_SHA256) => {
    const context = HashingContext.new();
    context.start(type);
    context.update(to_utf8_buffer(text));
    return context.finish();
  };

  it("sign makes the signature Node's crypto.verify accepts for the message; verify accepts it and refuses others", () => {
    const signature = crypto.sign(HashingContext.HASH_SHA256, digestOf("hello"), key);
    expect(signature.length).toBe(128); // a 1024-bit key
    expect(nodeVerify("sha256", to_utf8_buffer("hello"), key.save_to_string(true), signature)).toBe(true);
    expect(crypto.verify(HashingContext.HASH_SHA256, digestOf("hello"), signature, key)).toBe(true);
    expect(crypto.verify(HashingContext.HASH_SHA256, digestOf("hullo"), signature, key)).toBe(false);
    const sha1 = crypto.sign(HashingContext.HASH_SHA1, digestOf("hello", HashingContext.HASH_SHA1), key);
    expect(nodeVerify("sha1", to_utf8_buffer("hello"), key.save_to_string(true), sha1)).toBe(true);
    // A public-only key verifies too.
    const publicKey = CryptoKey.new();
    expect(publicKey.load_from_string(key.save_to_string(true), true)).toBe(OK);
    expect(crypto.verify(HashingContext.HASH_SHA256, digestOf("hello"), signature, publicKey)).toBe(true);
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("encrypt / decrypt round-trip; decrypt reads what Node's publicEncrypt (PKCS #1 v1.5) wrote", () => {
    const secret = to_utf8_buffer("the password");
    const sealed = crypto.encrypt(key, secret);
    expect(sealed.length).toBe(128);
    expect(crypto.decrypt(key, sealed).get_string_from_utf8()).toBe("the password");
    const byNode = publicEncrypt(
      { key: key.save_to_string(true), padding: constants.RSA_PKCS1_PADDING },
      to_utf8_buffer("from node"),
    );
    expect(crypto.decrypt(key, new Uint8Array(byNode)).get_string_from_utf8()).toBe("from node");
  });

  it("bad input: hash type and size, public-only keys where a private one is needed, too long, garbage; a print and an empty result", () => {
    const publicKey = CryptoKey.new();
    publicKey.load_from_string(key.save_to_string(true), true);
    const digest = digestOf("x");
    expect(crypto.sign(9 as never, digest, key).length).toBe(0);
    expect(crypto.sign(HashingContext.HASH_SHA1, digest, key).length).toBe(0); // 32 bytes is not a SHA-1
    expect(crypto.sign(HashingContext.HASH_SHA256, digest, publicKey).length).toBe(0);
    expect(crypto.sign(HashingContext.HASH_SHA256, digest, CryptoKey.new()).length).toBe(0);
    expect(crypto.sign(HashingContext.HASH_SHA256, digest, "key" as never).length).toBe(0);
    expect(crypto.verify(HashingContext.HASH_SHA256, digest, new Uint8Array(128), key)).toBe(false);
    expect(crypto.verify(HashingContext.HASH_SHA256, digest, "sig" as never, key)).toBe(false);
    expect(crypto.verify(HashingContext.HASH_MD5, digest, new Uint8Array(128), key)).toBe(false);
    expect(crypto.encrypt(key, new Uint8Array(200)).length).toBe(0); // more than 128 - 11 bytes
    expect(crypto.encrypt(key, "text" as never).length).toBe(0);
    expect(crypto.decrypt(publicKey, new Uint8Array(128)).length).toBe(0);
    expect(crypto.decrypt(key, new Uint8Array(128)).length).toBe(0);
    expect(crypto.decrypt(key, null as never).length).toBe(0);
    expect(prints.spy).toHaveBeenCalledTimes(12); // verify with a wrong signature is false without a print
  });
});
