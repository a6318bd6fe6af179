// Follows Godot's core/crypto/crypto.cpp, modules/mbedtls/crypto_mbedtls.cpp.
// The Node entry's Crypto, CryptoKey and X509Certificate: keys and certificates are checked by
// Node's crypto, files are read and written (res:// and user:// mapped as the README says), and
// Crypto makes RSA keys (Node), self-signed certificates (node-forge: Node's crypto can read
// certificates but not make them) and HMACs (Node).
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  X509Certificate as NodeX509,
} from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { describe } from "@wsport/core/internal";
import forge from "node-forge";
import {
  ERR_CANT_CREATE,
  ERR_FILE_CANT_OPEN,
  ERR_INVALID_PARAMETER,
  FAILED,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import {
  CryptoBase,
  DEFAULT_ISSUER,
  DEFAULT_NOT_AFTER,
  DEFAULT_NOT_BEFORE,
  type Crypto as WebCrypto,
} from "./crypto.js";
import {
  CryptoKeyBase,
  setPem,
  type CryptoKey as WebCryptoKey,
  type X509Certificate as WebX509Certificate,
  X509CertificateBase,
} from "./crypto-resources.js";
import type { HashType } from "./hashing-context.js";

/** A Godot path as a file path: res:// is the working directory, user:// $GODOT_USER_DIR or ~/.local/share/godot-wsport. */
export function filePath(path: string): string {
  if (path.startsWith("res://")) return resolve(process.cwd(), path.slice(6));
  if (path.startsWith("user://")) {
    const user = process.env.GODOT_USER_DIR || join(homedir(), ".local", "share", "godot-wsport");
    return resolve(user, path.slice(7));
  }
  return resolve(path);
}

function readText(path: unknown, what: string): string | GodotError {
  if (typeof path !== "string" || path === "")
    return invalid(`${what} needs a file path, got ${describe(path)}.`);
  try {
    return readFileSync(filePath(path), "utf8");
  } catch (e) {
    return invalid(`Cannot open file '${path}': ${(e as Error).message}`, ERR_FILE_CANT_OPEN);
  }
}

function writeText(path: unknown, text: string, what: string): GodotError {
  if (typeof path !== "string" || path === "")
    return invalid(`${what} needs a file path, got ${describe(path)}.`);
  if (text === "") return invalid(`${what}: there is nothing to save.`, ERR_INVALID_PARAMETER);
  try {
    writeFileSync(filePath(path), text);
    return OK;
  } catch (e) {
    return invalid(`Cannot save file '${path}': ${(e as Error).message}`, ERR_CANT_CREATE);
  }
}

export type CryptoKey = WebCryptoKey;
export const CryptoKey: typeof WebCryptoKey = class CryptoKey extends CryptoKeyBase {
  override load(path: string, public_only = false): GodotError {
    const text = readText(path, "CryptoKey.load()");
    return typeof text === "number" ? text : this.load_from_string(text, public_only);
  }

  override save(path: string, public_only = false): GodotError {
    return writeText(path, this.save_to_string(public_only), "CryptoKey.save()");
  }

  override load_from_string(string_key: string, public_only = false): GodotError {
    if (typeof string_key !== "string")
      return invalid(`Error parsing key: ${describe(string_key)} is not PEM text.`, FAILED);
    try {
      const key = public_only ? createPublicKey(string_key) : createPrivateKey(string_key);
      const pem = key.export({ format: "pem", type: public_only ? "spki" : "pkcs8" }) as string;
      return setPem(this, pem, public_only === true);
    } catch (e) {
      return invalid(
        `Error parsing ${public_only ? "public" : "private"} key: ${(e as Error).message}`,
        FAILED,
      );
    }
  }

  override save_to_string(public_only = false): string {
    const pem = super.save_to_string(false);
    if (!public_only || this.is_public_only() || pem === "") return pem;
    return createPublicKey(pem).export({ format: "pem", type: "spki" }) as string;
  }
};

export type X509Certificate = WebX509Certificate;
export const X509Certificate: typeof WebX509Certificate = class X509Certificate extends X509CertificateBase {
  override load(path: string): GodotError {
    const text = readText(path, "X509Certificate.load()");
    return typeof text === "number" ? text : this.load_from_string(text);
  }

  override save(path: string): GodotError {
    return writeText(path, this.save_to_string(), "X509Certificate.save()");
  }

  override load_from_string(string: string): GodotError {
    const error = super.load_from_string(string);
    if (error !== OK) return error;
    try {
      new NodeX509(this.save_to_string()); // the first certificate must parse
      return OK;
    } catch (e) {
      setPem(this, "");
      return invalid(`Error parsing X509 certificates: ${(e as Error).message}`, FAILED);
    }
  }
};

const HASHES = ["md5", "sha1", "sha256"];
/** The digest size of each HashingContext.HashType. */
const DIGEST_BYTES = [16, 20, 32];

const binary = (bytes: Uint8Array): string => forge.util.binary.raw.encode(bytes);
const packed = (text: string): PackedByteArray => new PackedByteArray(forge.util.binary.raw.decode(text));

/** Prints why and answers null. */
function refuse(message: string): null {
  printError(message);
  return null;
}

/** The RSA key behind a CryptoKey (its public part when `publicPart`), or null after a print saying why. */
function rsaKey(key: unknown, publicPart: true, caller: string): forge.pki.rsa.PublicKey | null;
function rsaKey(key: unknown, publicPart: false, caller: string): forge.pki.rsa.PrivateKey | null;
function rsaKey(key: unknown, publicPart: boolean, caller: string) {
  const pem = key instanceof CryptoKeyBase ? key.save_to_string() : "";
  if (pem === "") return refuse(`${caller}: Invalid key provided.`);
  if (key instanceof CryptoKeyBase && key.is_public_only()) {
    if (!publicPart) {
      printError(`${caller}: Invalid key provided. Cannot use a public_only key here.`);
      return null;
    }
    try {
      return forge.pki.publicKeyFromPem(pem);
    } catch {
      return refuse(`${caller}: only RSA keys are supported here.`);
    }
  }
  try {
    const privateKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
    return publicPart ? forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) : privateKey;
  } catch {
    return refuse(`${caller}: only RSA keys are supported here.`);
  }
}

/** The hash type's name when `hash` is a digest of its size; else null after a print. */
function digestName(hash_type: unknown, hash: unknown, caller: string): string | null {
  const name = Number.isInteger(hash_type) ? HASHES[hash_type as number] : undefined;
  if (name === undefined) return refuse(`${caller}: Invalid hash type.`);
  const size = DIGEST_BYTES[hash_type as number]!;
  if (!(hash instanceof Uint8Array) || hash.length !== size) {
    return refuse(`${caller}: Invalid hash provided. Size must be ${size}.`);
  }
  return name;
}

export type Crypto = WebCrypto;
export const Crypto: typeof WebCrypto = class Crypto extends CryptoBase {
  override generate_rsa(size: number): CryptoKey | null {
    if (!Number.isInteger(size) || size < 512 || size > 16384) {
      printError(`generate_rsa() needs a size in bits from 512 to 16384, got ${describe(size)}.`);
      return null;
    }
    try {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: size });
      const key = new CryptoKey();
      setPem(key, privateKey.export({ format: "pem", type: "pkcs8" }) as string);
      return key;
    } catch (e) {
      printError(`generate_rsa(${size}) failed: ${(e as Error).message}`);
      return null;
    }
  }

  override generate_self_signed_certificate(
    key: CryptoKey,
    issuer_name = DEFAULT_ISSUER,
    not_before = DEFAULT_NOT_BEFORE,
    not_after = DEFAULT_NOT_AFTER,
  ): X509Certificate | null {
    if (!(key instanceof CryptoKeyBase) || key.is_public_only() || key.save_to_string() === "") {
      printError("generate_self_signed_certificate() needs a private CryptoKey.");
      return null;
    }
    const attributes = parseName(issuer_name);
    const from = parseTime(not_before);
    const until = parseTime(not_after);
    if (attributes === null || from === null || until === null) {
      printError(
        `Invalid issuer name or validity: '${String(issuer_name)}', '${String(not_before)}', '${String(not_after)}'.`,
      );
      return null;
    }
    try {
      const privateKey = forge.pki.privateKeyFromPem(key.save_to_string()) as forge.pki.rsa.PrivateKey;
      const cert = forge.pki.createCertificate();
      cert.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
      cert.serialNumber = "01";
      cert.validity.notBefore = from;
      cert.validity.notAfter = until;
      cert.setSubject(attributes);
      cert.setIssuer(attributes);
      cert.setExtensions([{ name: "basicConstraints", cA: true }]);
      cert.sign(privateKey, forge.md.sha256.create());
      const certificate = new X509Certificate();
      return certificate.load_from_string(forge.pki.certificateToPem(cert)) === OK ? certificate : null;
    } catch (e) {
      printError(`Failed to generate the certificate: ${(e as Error).message}`);
      return null;
    }
  }

  override hmac_digest(hash_type: HashType, key: Uint8Array, msg: Uint8Array): PackedByteArray {
    const hash = Number.isInteger(hash_type) ? HASHES[hash_type] : undefined;
    if (hash === undefined || !(key instanceof Uint8Array) || !(msg instanceof Uint8Array)) {
      printError("hmac_digest() needs HashingContext.HASH_MD5/SHA1/SHA256 and two PackedByteArrays.");
      return new PackedByteArray(0);
    }
    return new PackedByteArray(createHmac(hash, key).update(msg).digest());
  }

  override sign(hash_type: HashType, hash: Uint8Array, key: CryptoKey): PackedByteArray {
    const name = digestName(hash_type, hash, "sign()");
    const privateKey = name === null ? null : rsaKey(key, false, "sign()");
    if (privateKey === null) return new PackedByteArray(0);
    // forge signs a message digest object: this one hands over the digest the caller made.
    const digest = { algorithm: name, digest: () => forge.util.createBuffer(binary(hash)) };
    return packed(privateKey.sign(digest as unknown as forge.md.MessageDigest));
  }

  override verify(hash_type: HashType, hash: Uint8Array, signature: Uint8Array, key: CryptoKey): boolean {
    const name = digestName(hash_type, hash, "verify()");
    if (name === null) return false;
    if (!(signature instanceof Uint8Array)) {
      printError(`verify() needs the signature as a PackedByteArray, got ${describe(signature)}.`);
      return false;
    }
    const publicKey = rsaKey(key, true, "verify()");
    if (publicKey === null) return false;
    try {
      return publicKey.verify(binary(hash), binary(signature));
    } catch {
      return false; // not a signature of this key at all
    }
  }

  override encrypt(key: CryptoKey, plaintext: Uint8Array): PackedByteArray {
    if (!(plaintext instanceof Uint8Array)) {
      printError(`encrypt() needs a PackedByteArray, got ${describe(plaintext)}.`);
      return new PackedByteArray(0);
    }
    const publicKey = rsaKey(key, true, "encrypt()");
    if (publicKey === null) return new PackedByteArray(0);
    try {
      return packed(publicKey.encrypt(binary(plaintext), "RSAES-PKCS1-V1_5"));
    } catch (e) {
      printError(`Error while encrypting: ${(e as Error).message}`);
      return new PackedByteArray(0);
    }
  }

  override decrypt(key: CryptoKey, ciphertext: Uint8Array): PackedByteArray {
    if (!(ciphertext instanceof Uint8Array)) {
      printError(`decrypt() needs a PackedByteArray, got ${describe(ciphertext)}.`);
      return new PackedByteArray(0);
    }
    const privateKey = rsaKey(key, false, "decrypt()");
    if (privateKey === null) return new PackedByteArray(0);
    try {
      return packed(privateKey.decrypt(binary(ciphertext), "RSAES-PKCS1-V1_5"));
    } catch (e) {
      printError(`Error while decrypting: ${(e as Error).message}`);
      return new PackedByteArray(0);
    }
  }
};

/** "CN=myserver,O=myorganisation,C=IT" as certificate attributes, or null. */
function parseName(name: unknown): forge.pki.CertificateField[] | null {
  if (typeof name !== "string") return null;
  const fields = name.split(",").map((part) => /^\s*([A-Za-z]+)=(.*)$/.exec(part));
  if (fields.some((f) => f === null)) return null;
  return fields.map((f) => ({ shortName: f![1]!, value: f![2]! }));
}

/** Godot's "YYYYMMDDhhmmss" (UTC) as a Date, or null. */
function parseTime(time: unknown): Date | null {
  const m = typeof time === "string" ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(time) : null;
  if (m === null) return null;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  // Date.UTC rolls month 13 over into the next year: such a date is refused.
  return date.toISOString().replace(/\D/g, "").slice(0, 14) === time ? date : null;
}
