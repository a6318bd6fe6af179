// Follows Godot's core/crypto/crypto.cpp.
// Godot's Crypto. What works everywhere: random bytes (Web Crypto's getRandomValues) and
// constant_time_compare. Key and certificate generation and HMAC need Node's crypto: here they
// print an error and return null or an empty array; the Node entry's Crypto (node-crypto.ts) does them.
import { describe } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import type { CryptoKey, X509Certificate } from "./crypto-resources.js";

/** Godot's HashingContext.HashType values, as Crypto.hmac_digest takes them. */
export const HashingContext = /* @__PURE__ */ Object.freeze({ HASH_MD5: 0, HASH_SHA1: 1, HASH_SHA256: 2 });

/** Godot's defaults for generate_self_signed_certificate. */
export const DEFAULT_ISSUER = "CN=myserver,O=myorganisation,C=IT";
export const DEFAULT_NOT_BEFORE = "20140101000000";
export const DEFAULT_NOT_AFTER = "20340101000000";

export class Crypto {
  static new(): Crypto {
    return new this();
  }

  /** `size` cryptographically secure random bytes. */
  generate_random_bytes(size: number): PackedByteArray {
    if (!Number.isInteger(size) || size < 0) {
      printError(`generate_random_bytes() needs a size of 0 or more, got ${describe(size)}.`);
      return new PackedByteArray(0);
    }
    const bytes = new PackedByteArray(size);
    for (let at = 0; at < size; at += 65536)
      globalThis.crypto.getRandomValues(bytes.subarray(at, at + 65536));
    return bytes;
  }

  /** Compares two byte arrays in a time that does not depend on where they differ. */
  constant_time_compare(trusted: Uint8Array, received: Uint8Array): boolean {
    if (!(trusted instanceof Uint8Array) || !(received instanceof Uint8Array)) {
      printError("constant_time_compare() needs two PackedByteArrays.");
      return false;
    }
    if (trusted.length !== received.length) return false;
    let diff = 0;
    for (let i = 0; i < trusted.length; i++) diff |= trusted[i]! ^ received[i]!;
    return diff === 0;
  }

  /** A new RSA key of `size` bits (Node). */
  generate_rsa(_size: number): CryptoKey | null {
    printError("Crypto.generate_rsa() is not available in browsers (Node only).");
    return null;
  }

  /** A self-signed certificate for `key` (Node). */
  generate_self_signed_certificate(
    _key: CryptoKey,
    _issuer_name = DEFAULT_ISSUER,
    _not_before = DEFAULT_NOT_BEFORE,
    _not_after = DEFAULT_NOT_AFTER,
  ): X509Certificate | null {
    printError("Crypto.generate_self_signed_certificate() is not available in browsers (Node only).");
    return null;
  }

  /** The HMAC of `msg` with `key` (Node). */
  hmac_digest(_hash_type: number, _key: Uint8Array, _msg: Uint8Array): PackedByteArray {
    printError("Crypto.hmac_digest() is not available in browsers (Node only).");
    return new PackedByteArray(0);
  }
}
