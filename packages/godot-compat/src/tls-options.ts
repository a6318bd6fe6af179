// Godot's TLSOptions: built only through its three factories. Certificates and keys are PEM text
// (Godot's X509Certificate / CryptoKey resources); in Node they become core's `tls` options.
import type { TlsOptions } from "@wsport/core";

/** PEM text or bytes of one or more certificates. */
export type X509Certificate = string | Uint8Array;
/** PEM text or bytes of a private key. */
export type CryptoKey = string | Uint8Array;

const FACTORY = Symbol();

export class TLSOptions {
  readonly #server: boolean;
  readonly #unsafe: boolean;
  readonly #chain: X509Certificate | null;
  readonly #commonName: string;
  readonly #key: CryptoKey | null;
  readonly #certificate: X509Certificate | null;

  /** Not for direct use, as in Godot: call `TLSOptions.client()`, `client_unsafe()` or `server()`. */
  constructor(
    token: symbol,
    server: boolean,
    unsafe: boolean,
    chain: X509Certificate | null,
    commonName: string,
    key: CryptoKey | null = null,
    certificate: X509Certificate | null = null,
  ) {
    if (token !== FACTORY) throw new TypeError("Use TLSOptions.client(), client_unsafe() or server()");
    this.#server = server;
    this.#unsafe = unsafe;
    this.#chain = chain;
    this.#commonName = commonName;
    this.#key = key;
    this.#certificate = certificate;
  }

  /** Verifies the server against `trusted_chain` (or the default CAs) and `common_name_override` (or the URL's host). */
  static client(trusted_chain: X509Certificate | null = null, common_name_override = ""): TLSOptions {
    return new TLSOptions(FACTORY, false, false, trusted_chain, String(common_name_override));
  }

  /** Encrypts without verifying the server: for development only. */
  static client_unsafe(trusted_chain: X509Certificate | null = null): TLSOptions {
    return new TLSOptions(FACTORY, false, true, trusted_chain, "");
  }

  /** Options for a TLS server. WebSocketPeer.connect_to_url rejects them (ERR_INVALID_PARAMETER). */
  static server(key: CryptoKey, certificate: X509Certificate): TLSOptions {
    return new TLSOptions(FACTORY, true, false, null, "", key, certificate);
  }

  is_server(): boolean {
    return this.#server;
  }
  is_unsafe_client(): boolean {
    return this.#unsafe;
  }
  get_common_name_override(): string {
    return this.#commonName;
  }
  get_trusted_ca_chain(): X509Certificate | null {
    return this.#chain;
  }
  get_private_key(): CryptoKey | null {
    return this.#key;
  }
  get_own_certificate(): X509Certificate | null {
    return this.#certificate;
  }

  /** Core's client TLS settings for these options. */
  toCoreTls(): TlsOptions {
    const tls: TlsOptions = { rejectUnauthorized: !this.#unsafe };
    if (this.#chain !== null) tls.ca = this.#chain;
    if (this.#commonName !== "") tls.servername = this.#commonName;
    return tls;
  }
}
