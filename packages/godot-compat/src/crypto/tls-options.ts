// Follows Godot's core/crypto/crypto.cpp (TLSOptions).
// Godot's TLSOptions: built only through its three factories. What core needs from them is read
// with tlsSettings(); the published class shows Godot's methods only.
import type { TlsOptions } from "@wsport/core";
import { type CryptoKey, X509Certificate } from "./crypto-resources.js";

/** A certificate as Godot's X509Certificate, or (a shortcut of this port) its PEM text. */
/** A trusted CA chain: a certificate, or its PEM text or bytes. */
export type Certificate = X509Certificate | string | Uint8Array;

interface Settings {
  server: boolean;
  unsafe: boolean;
  chain: Certificate | null;
  commonName: string;
  key: CryptoKey | null;
  certificate: X509Certificate | null;
}

/** What the factory being run hands the constructor (null: nobody may call it). */
let building: Settings | null = null;

export class TLSOptions {
  readonly #settings: Settings;

  /** @internal What the factory set (core's TLS settings are made from it); undefined for anything else. */
  static _settingsOf(options: unknown): Readonly<Settings> | undefined {
    return typeof options === "object" && options !== null && #settings in options
      ? options.#settings
      : undefined;
  }

  /** Not for direct use, as in Godot: call `TLSOptions.client()`, `client_unsafe()` or `server()`. */
  constructor() {
    if (building === null) throw new TypeError("Use TLSOptions.client(), client_unsafe() or server()");
    this.#settings = building;
  }

  /** Verifies the server against `trusted_chain` (or the default CAs) and `common_name_override` (or the host). */
  static client(trusted_chain: Certificate | null = null, common_name_override = ""): TLSOptions {
    return make({
      server: false,
      unsafe: false,
      chain: trusted_chain,
      commonName: String(common_name_override),
      key: null,
      certificate: null,
    });
  }

  /** Encrypts without verifying the server: for development only. */
  static client_unsafe(trusted_chain: Certificate | null = null): TLSOptions {
    return make({
      server: false,
      unsafe: true,
      chain: trusted_chain,
      commonName: "",
      key: null,
      certificate: null,
    });
  }

  /** Options for a TLS server (StreamPeerTLS.accept_stream). WebSocketPeer.connect_to_url rejects them. */
  static server(key: CryptoKey, certificate: X509Certificate): TLSOptions {
    return make({ server: true, unsafe: false, chain: null, commonName: "", key, certificate });
  }

  is_server(): boolean {
    return this.#settings.server;
  }
  is_unsafe_client(): boolean {
    return this.#settings.unsafe;
  }
  get_common_name_override(): string {
    return this.#settings.commonName;
  }
  get_trusted_ca_chain(): Certificate | null {
    return this.#settings.chain;
  }
  get_private_key(): CryptoKey | null {
    return this.#settings.key;
  }
  get_own_certificate(): X509Certificate | null {
    return this.#settings.certificate;
  }
}

function make(values: Settings): TLSOptions {
  building = values;
  try {
    return new TLSOptions();
  } finally {
    building = null;
  }
}

/** The settings behind TLSOptions, or undefined for anything else. */
export function tlsSettings(options: unknown): Readonly<Settings> | undefined {
  return TLSOptions._settingsOf(options);
}

/** PEM text of a certificate given either way. */
export function certificatePem(certificate: Certificate): string | Uint8Array {
  return certificate instanceof X509Certificate ? certificate.save_to_string() : certificate;
}

/** Core's client TLS settings for client options; null for anything that is not a TLSOptions. */
export function coreClientTls(options: unknown): TlsOptions | null {
  const found = tlsSettings(options);
  if (found === undefined) return null;
  const { unsafe, chain, commonName } = found;
  const tls: TlsOptions = { rejectUnauthorized: !unsafe };
  if (chain !== null) tls.ca = certificatePem(chain);
  if (commonName !== "") tls.servername = commonName;
  return tls;
}
