// Follows Godot's core/io/stream_peer_tls.cpp, modules/mbedtls/stream_peer_mbedtls.cpp.
// Godot's StreamPeerTLS over a connected StreamPeerTCP (Node; in a browser accept_stream and
// connect_to_stream return ERR_UNAVAILABLE). The handshake runs in the background: get_status() is
// STATUS_HANDSHAKING until it is done, then STATUS_CONNECTED; a failed handshake (a plain client,
// a bad certificate, one not finished within HANDSHAKE_TIMEOUT_MS) ends in STATUS_ERROR and frees
// the socket. WebSocketPeer.accept_stream takes a connected StreamPeerTLS for wss://.
import { capabilities, startTls, type TcpStream } from "@wsport/core";
import { describe } from "@wsport/core/internal";
import { constantsOnInstances } from "../core/class-constants.js";
import {
  ERR_ALREADY_IN_USE,
  ERR_INVALID_PARAMETER,
  ERR_UNAVAILABLE,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { CryptoKey, X509Certificate } from "../crypto/crypto-resources.js";
import { certificatePem, TLSOptions, tlsSettings } from "../crypto/tls-options.js";
import { socketIo } from "./socket-io.js";
import { StreamPeer } from "./stream-peer.js";
import { handOver, StreamPeerTCP } from "./stream-peer-tcp.js";

/** How long a handshake may take before the peer is dropped (Godot itself waits as long as it is polled). */
export const HANDSHAKE_TIMEOUT_MS = 5000;

/** StreamPeerTLS.Status: STATUS_DISCONNECTED (0), _HANDSHAKING (1), _CONNECTED (2), _ERROR (3), _ERROR_HOSTNAME_MISMATCH (4). */
export type TLSStatus = 0 | 1 | 2 | 3 | 4;

export class StreamPeerTLS extends StreamPeer {
  static readonly STATUS_DISCONNECTED = 0;
  static readonly STATUS_HANDSHAKING = 1;
  static readonly STATUS_CONNECTED = 2;
  static readonly STATUS_ERROR = 3;
  static readonly STATUS_ERROR_HOSTNAME_MISMATCH = 4;

  declare readonly STATUS_DISCONNECTED: typeof StreamPeerTLS.STATUS_DISCONNECTED;
  declare readonly STATUS_HANDSHAKING: typeof StreamPeerTLS.STATUS_HANDSHAKING;
  declare readonly STATUS_CONNECTED: typeof StreamPeerTLS.STATUS_CONNECTED;
  declare readonly STATUS_ERROR: typeof StreamPeerTLS.STATUS_ERROR;
  declare readonly STATUS_ERROR_HOSTNAME_MISMATCH: typeof StreamPeerTLS.STATUS_ERROR_HOSTNAME_MISMATCH;

  static new(): StreamPeerTLS {
    return new StreamPeerTLS();
  }

  /** The encrypted stream, once a handshake has started. */
  #stream: TcpStream | undefined = undefined;

  /** @internal The core stream under `peer`, if it has one (the Node entry's WebSocketPeer takes it over). */
  static _streamOf(peer: StreamPeerTLS): TcpStream | undefined {
    return peer.#stream;
  }
  #base: StreamPeerTCP | null = null;
  #reported = false;

  constructor() {
    super();
    constantsOnInstances(StreamPeerTLS);
    StreamPeer._setIo(
      this,
      socketIo(() => this.#stream),
    );
  }

  /**
   * The server side of a handshake on `stream` with `TLSOptions.server(key, certificate)`. Godot 4.0's
   * form `accept_stream(stream, key, certificate)` is taken too.
   */
  accept_stream(stream: StreamPeer | null, server_options: TLSOptions): GodotError;
  /** Godot 3's form, kept for ports. */
  accept_stream(stream: StreamPeer | null, key: CryptoKey, certificate: X509Certificate): GodotError;
  accept_stream(
    stream: StreamPeer | null,
    server_options: TLSOptions | CryptoKey,
    certificate?: X509Certificate,
  ): GodotError {
    const options =
      server_options instanceof CryptoKey && certificate instanceof X509Certificate
        ? TLSOptions.server(server_options, certificate)
        : server_options;
    const found = tlsSettings(options);
    if (found === undefined || !found.server)
      return invalid("accept_stream() needs TLSOptions.server(key, certificate).");
    const key = found.key?.save_to_string() ?? "";
    const cert = found.certificate === null ? "" : String(certificatePem(found.certificate));
    if (key === "" || cert === "")
      return invalid("accept_stream() needs a loaded private key and certificate.");
    return this.#start(stream, { server: true, key, cert });
  }

  /** The client side of a handshake on `stream`, checking the server's certificate against `common_name`. */
  connect_to_stream(
    stream: StreamPeer | null,
    common_name: string,
    client_options: TLSOptions | null = null,
  ): GodotError {
    if (typeof common_name !== "string")
      return invalid(`connect_to_stream() needs a common name, got ${describe(common_name)}.`);
    const found = client_options === null ? tlsSettings(TLSOptions.client()) : tlsSettings(client_options);
    if (found === undefined || found.server)
      return invalid("connect_to_stream() needs client TLSOptions or null.");
    const servername = found.commonName || common_name;
    const ca = found.chain === null ? undefined : String(certificatePem(found.chain));
    return this.#start(stream, {
      servername: servername || undefined,
      ca,
      rejectUnauthorized: !found.unsafe,
    });
  }

  #start(stream: StreamPeer | null, tls: Parameters<typeof startTls>[1]): GodotError {
    if (!capabilities.server) return invalid("StreamPeerTLS is not available in browsers.", ERR_UNAVAILABLE);
    const plain = stream instanceof StreamPeerTCP ? StreamPeerTCP._streamOf(stream) : undefined;
    if (plain === undefined || !plain.connected) {
      return invalid("The stream must be a connected StreamPeerTCP.", ERR_INVALID_PARAMETER);
    }
    if (
      this.get_status() === StreamPeerTLS.STATUS_HANDSHAKING ||
      this.get_status() === StreamPeerTLS.STATUS_CONNECTED
    ) {
      return ERR_ALREADY_IN_USE;
    }
    try {
      this.#stream = startTls(plain, { ...tls, timeout: HANDSHAKE_TIMEOUT_MS });
    } catch (e) {
      return invalid(`TLS could not start: ${(e as Error).message}`);
    }
    this.#base = stream as StreamPeerTCP;
    handOver(this.#base); // the TLS stream owns the TCP one now, however long the StreamPeerTCP object lives
    this.#reported = false;
    return OK;
  }

  /** Prints a failed handshake once; starts reading once connected (so a close is seen). */
  poll(): void {
    const stream = this.#stream;
    if (stream?.state === "open") void stream.available;
    if (stream?.state === "error" && !this.#reported) {
      this.#reported = true;
      printError(`TLS handshake error: ${stream.error?.message ?? "failed"}`);
    }
  }

  get_status(): TLSStatus {
    const stream = this.#stream;
    switch (stream?.state) {
      case "connecting":
        return StreamPeerTLS.STATUS_HANDSHAKING;
      case "open":
        return StreamPeerTLS.STATUS_CONNECTED;
      case "error":
        return stream.error?.code === "ERR_TLS_CERT_ALTNAME_INVALID"
          ? StreamPeerTLS.STATUS_ERROR_HOSTNAME_MISMATCH
          : StreamPeerTLS.STATUS_ERROR;
      default:
        return StreamPeerTLS.STATUS_DISCONNECTED;
    }
  }

  /** The StreamPeerTCP under the encryption, or null. */
  get_stream(): StreamPeerTCP | null {
    return this.#base;
  }

  /** Closes the TLS session and the connection under it. */
  disconnect_from_stream(): void {
    this.#stream?.destroy();
    this.#stream = undefined;
    this.#base = null;
  }
}
