// Follows Godot's core/crypto/crypto.cpp.
// Godot's Crypto. What works everywhere: random bytes (Web Crypto's getRandomValues) and
// constant_time_compare. Key and certificate generation and HMAC need Node's crypto: here they
// print an error and return null or an empty array; the Node entry's Crypto (node-crypto.ts) does them.
import { describe } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import type { CryptoKey, X509Certificate } from "./crypto-resources.js";
import type { HashType } from "./hashing-context.js";

/** What the browser build answers for the methods only the Node entry's Crypto has. */
function nodeOnly(method: string): void {
  printError(`Crypto.${method}() is not available in browsers (Node only).`);
}

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
    nodeOnly("generate_rsa");
    return null;
  }

  /** A self-signed certificate for `key` (Node). */
  generate_self_signed_certificate(
    _key: CryptoKey,
    _issuer_name = DEFAULT_ISSUER,
    _not_before = DEFAULT_NOT_BEFORE,
    _not_after = DEFAULT_NOT_AFTER,
  ): X509Certificate | null {
    nodeOnly("generate_self_signed_certificate");
    return null;
  }

  /** The HMAC of `msg` with `key` (Node). */
  hmac_digest(_hash_type: HashType, _key: Uint8Array, _msg: Uint8Array): PackedByteArray {
    nodeOnly("hmac_digest");
    return new PackedByteArray(0);
  }

  /** An RSA (PKCS #1 v1.5) signature of `hash`, a digest of type `hash_type`, with a private key (Node). */
  sign(_hash_type: HashType, _hash: Uint8Array, _key: CryptoKey): PackedByteArray {
    nodeOnly("sign");
    return new PackedByteArray(0);
  }

  /** Whether `signature` is `key`'s signature of the digest `hash` (Node). */
  verify(_hash_type: HashType, _hash: Uint8Array, _signature: Uint8Array, _key: CryptoKey): boolean {
    nodeOnly("verify");
    return false;
  }

  /** `plaintext` encrypted with an RSA key (PKCS #1 v1.5; at most the key's size in bytes - 11) (Node). */
  encrypt(_key: CryptoKey, _plaintext: Uint8Array): PackedByteArray {
    nodeOnly("encrypt");
    return new PackedByteArray(0);
  }

  /** `ciphertext` decrypted with a private RSA key (Node). */
  decrypt(_key: CryptoKey, _ciphertext: Uint8Array): PackedByteArray {
    nodeOnly("decrypt");
    return new PackedByteArray(0);
  }
}

/** The class under a second name for the Node entry's subclass (see CryptoKeyBase in crypto-resources.ts). */
export const CryptoBase = Crypto;
