// Follows Godot's core/crypto/crypto.h (CryptoKey, X509Certificate).
// Godot's CryptoKey and X509Certificate: PEM text in a resource. Everywhere they load from and save
// to strings (checked for their PEM armour); the Node entry's subclasses (node-crypto.ts) also check
// the content with Node's crypto and read and write files.
import { describe } from "@wsport/core/internal";
import { ERR_UNAVAILABLE, FAILED, type GodotError, OK } from "../core/error.js";
import { invalid, printError } from "../core/print.js";

const PRIVATE_PEM =
  /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
const PUBLIC_PEM = /-----BEGIN (?:RSA )?PUBLIC KEY-----[\s\S]+-----END (?:RSA )?PUBLIC KEY-----/;
const CERT_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Keeps checked PEM text in a resource (the Node entry checks the content before). */
export function setPem(resource: CryptoKey | X509Certificate, pem: string, publicOnly = false): GodotError {
  if (resource instanceof CryptoKey) CryptoKey._setPem(resource, pem, publicOnly);
  else X509Certificate._setPem(resource, pem);
  return OK;
}

/** A private key, or only its public part. */
export class CryptoKey {
  static new(): CryptoKey {
    return new this();
  }

  #pem = "";
  #publicOnly = false;

  /** @internal Keeps checked PEM text (setPem). */
  static _setPem(key: CryptoKey, pem: string, publicOnly: boolean): void {
    key.#pem = pem;
    key.#publicOnly = publicOnly;
  }

  /** Reads a PEM key file (Node). */
  load(_path: string, _public_only = false): GodotError {
    return invalid("CryptoKey.load() is not available in browsers: use load_from_string().", ERR_UNAVAILABLE);
  }

  /** Writes the key as a PEM file (Node). */
  save(_path: string, _public_only = false): GodotError {
    return invalid("CryptoKey.save() is not available in browsers: use save_to_string().", ERR_UNAVAILABLE);
  }

  /** Loads PEM text: a private key, or with `public_only` a public key. */
  load_from_string(string_key: string, public_only = false): GodotError {
    const pem =
      typeof string_key === "string" ? (public_only ? PUBLIC_PEM : PRIVATE_PEM).exec(string_key) : null;
    if (pem === null)
      return invalid(`Error parsing ${public_only ? "public" : "private"} key: not PEM text.`, FAILED);
    return setPem(this, pem[0], public_only === true);
  }

  /** The key as PEM text ("" when empty; a private key's public part needs the Node entry). */
  save_to_string(public_only = false): string {
    const pem = this.#pem;
    if (public_only && !this.#publicOnly && pem !== "") {
      printError("save_to_string(true) of a private key needs the Node entry.");
      return "";
    }
    return pem;
  }

  is_public_only(): boolean {
    return this.#publicOnly;
  }
}

/** One certificate or a chain of them. */
export class X509Certificate {
  static new(): X509Certificate {
    return new this();
  }

  #pem = "";

  /** @internal Keeps checked PEM text (setPem). */
  static _setPem(certificate: X509Certificate, pem: string): void {
    certificate.#pem = pem;
  }

  /** Reads a PEM certificate file (Node). */
  load(_path: string): GodotError {
    return invalid(
      "X509Certificate.load() is not available in browsers: use load_from_string().",
      ERR_UNAVAILABLE,
    );
  }

  /** Writes the certificates as a PEM file (Node). */
  save(_path: string): GodotError {
    return invalid(
      "X509Certificate.save() is not available in browsers: use save_to_string().",
      ERR_UNAVAILABLE,
    );
  }

  /** Loads one or more PEM certificates. */
  load_from_string(string: string): GodotError {
    const blocks = typeof string === "string" ? string.match(CERT_PEM) : null;
    if (blocks === null)
      return invalid(`Error parsing X509 certificates: not PEM text (${describe(string)}).`, FAILED);
    return setPem(this, `${blocks.join("\n")}\n`);
  }

  /** The certificates as PEM text ("" when empty). */
  save_to_string(): string {
    return this.#pem;
  }
}

/**
 * The classes under second names for the Node entry's subclasses (node-crypto.ts): importing them as
 * `CryptoKey` there would make the bundler rename the subclasses (`CryptoKey2`), which users would see.
 */
export const CryptoKeyBase = CryptoKey;
export const X509CertificateBase = X509Certificate;
