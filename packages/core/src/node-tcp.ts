// Raw TCP for engines whose networking polls byte streams (Godot's TCPServer, StreamPeerTCP,
// StreamPeerTLS): a listener that hands out connections one by one, a client, and TLS on top of
// either. A stream can later be upgraded to a WebSocket with `acceptSocket`.
import { createServer, connect as netConnect, type Server, type Socket } from "node:net";
import { TLSSocket, connect as tlsConnect } from "node:tls";
import { describe } from "./describe.js";
import type { TcpListener, TcpState, TcpStream, TlsStreamOptions } from "./types.js";

const streams = new WeakMap<TcpStream, SocketStream>();

/**
 * Takes the socket out of its stream for a new owner (a WebSocket upgrade): bytes the stream read
 * and nobody took are put back in front, and the stream reads no more.
 */
export function takeSocket(stream: unknown): Socket | undefined {
  const owner = typeof stream === "object" && stream !== null ? streams.get(stream as TcpStream) : undefined;
  return owner?.release();
}

class SocketStream implements TcpStream {
  readonly socket: Socket;
  #state: TcpState;
  #error: { message: string; code: string } | null = null;
  #received: Buffer[] = [];
  #available = 0;
  #reading = false;
  #released = false;

  constructor(socket: Socket, state: TcpState) {
    this.socket = socket;
    this.#state = socket.destroyed ? "closed" : state;
    socket.on("error", (err: Error & { code?: string }) => this.fail(err.message, err.code ?? "ERR_SOCKET"));
    socket.on("close", () => {
      if (this.#state === "connecting")
        this.fail("The connection closed before it was established", "ECONNRESET");
      else if (this.#state !== "error") this.#state = "closed";
    });
  }

  get state(): TcpState {
    return this.#state;
  }
  get error() {
    return this.#error;
  }
  get connected(): boolean {
    return this.#state === "open" && !this.socket.destroyed;
  }
  get remoteAddress(): string {
    return this.socket.remoteAddress ?? "";
  }
  get remotePort(): number {
    return this.socket.remotePort ?? 0;
  }
  get localPort(): number {
    return this.socket.localPort ?? 0;
  }
  get available(): number {
    this.#startReading();
    return this.#available;
  }

  opened(): void {
    if (this.#state === "connecting") this.#state = "open";
  }

  fail(message: string, code: string): void {
    if (this.#state === "closed" || this.#state === "error") return;
    this.#state = "error";
    this.#error = { message, code };
    this.socket.destroy();
  }

  read(max: number, peek = false): Uint8Array {
    this.#startReading();
    const size = Math.min(Math.max(Math.trunc(max) || 0, 0), this.#available);
    const out = new Uint8Array(size);
    let filled = 0;
    for (let i = 0; filled < size; i++) {
      const chunk = this.#received[i]!;
      const part = Math.min(chunk.length, size - filled);
      out.set(chunk.subarray(0, part), filled);
      filled += part;
    }
    if (!peek) this.#consume(size);
    return out;
  }

  #consume(size: number): void {
    this.#available -= size;
    while (size > 0) {
      const chunk = this.#received[0]!;
      if (chunk.length <= size) {
        this.#received.shift();
        size -= chunk.length;
      } else {
        this.#received[0] = chunk.subarray(size);
        size = 0;
      }
    }
  }

  write(bytes: Uint8Array): boolean {
    if (!this.connected || this.#released) return false;
    if (bytes.length > 0) this.socket.write(bytes);
    return true;
  }

  setNoDelay(enabled: boolean): void {
    if (!this.socket.destroyed) this.socket.setNoDelay(enabled);
  }

  destroy(): void {
    this.socket.destroy();
    this.#state = "closed";
  }

  #onData = (chunk: Buffer): void => {
    this.#received.push(chunk);
    this.#available += chunk.length;
  };

  #startReading(): void {
    if (this.#reading || this.#released) return;
    this.#reading = true;
    this.socket.on("data", this.#onData);
    this.socket.resume();
  }

  release(): Socket {
    if (!this.#released) {
      this.#released = true;
      this.socket.off("data", this.#onData);
      this.socket.pause();
      if (this.#available > 0) this.socket.unshift(Buffer.concat(this.#received));
      this.#received = [];
      this.#available = 0;
    }
    return this.socket;
  }
}

function streamOf(socket: Socket, state: TcpState): SocketStream {
  const stream = new SocketStream(socket, state);
  streams.set(stream, stream);
  return stream;
}

/** Opens a TCP connection (from `local` port/address when given); "connecting" until "open" (or "error"). */
export function connectTcp(
  host: string,
  port: number,
  local: { port?: number; address?: string } = {},
): TcpStream {
  if (typeof host !== "string" || host === "")
    throw new TypeError(`host must be a non-empty string, got ${describe(host)}`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(`port must be an integer from 1 to 65535, got ${describe(port)}`);
  }
  const { port: localPort, address: localAddress } = local;
  if (localPort !== undefined && !(Number.isInteger(localPort) && localPort >= 0 && localPort <= 65535)) {
    throw new RangeError(`local port must be an integer from 0 to 65535, got ${describe(localPort)}`);
  }
  const socket = netConnect({ host, port, localPort: localPort || undefined, localAddress });
  socket.pause(); // nothing is read until the owner asks (see SocketStream.read)
  const stream = streamOf(socket, "connecting");
  socket.once("connect", () => stream.opened());
  return stream;
}

/**
 * Starts TLS on an open stream, as the server (with `key` and `cert`) or the client. The returned
 * stream is "connecting" during the handshake, then "open", or "error" when it fails or takes longer
 * than `timeout` ms; its `error.code` is Node's (e.g. ERR_TLS_CERT_ALTNAME_INVALID). The plain stream
 * is used up: it reads no more.
 */
export function startTls(stream: TcpStream, options: TlsStreamOptions): TcpStream {
  const plain = streams.get(stream);
  if (plain === undefined) throw new TypeError(`startTls() takes a TcpStream, got ${describe(stream)}`);
  if (typeof options !== "object" || options === null)
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  const { server = false, key, cert, ca, servername, rejectUnauthorized = true, timeout = 0 } = options;
  if (server && (key === undefined || cert === undefined))
    throw new TypeError("a TLS server needs key and cert");
  const socket = plain.release();
  let tls: TLSSocket;
  if (server) {
    tls = new TLSSocket(socket, { isServer: true, key, cert });
    socket.resume();
  } else {
    tls = tlsConnect({ socket, ca, servername, rejectUnauthorized });
  }
  tls.pause();
  const secured = streamOf(tls, "connecting");
  tls.once(server ? "secure" : "secureConnect", () => secured.opened());
  if (timeout > 0) {
    const timer = setTimeout(() => {
      if (secured.state === "connecting") secured.fail("The TLS handshake timed out", "ETIMEDOUT");
    }, timeout);
    timer.unref();
    tls.once("close", () => clearTimeout(timer));
  }
  tls.once("close", () => socket.destroy());
  return secured;
}

export function createTcpListener(port: number, host = "0.0.0.0"): TcpListener {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${describe(port)}`);
  }
  if (typeof host !== "string" || host === "")
    throw new TypeError(`host must be a non-empty string, got ${describe(host)}`);
  const waiting: Socket[] = [];
  const server: Server = createServer({ pauseOnConnect: true }, (socket) => {
    socket.on("error", () => socket.destroy()); // a reset before take() must not crash the process
    waiting.push(socket);
  });
  let listening = false;
  const ready = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      listening = true;
      server.off("error", reject);
      resolve();
    });
  });
  ready.catch(() => {}); // the caller may poll `listening` instead of awaiting
  return {
    ready,
    get listening() {
      return listening;
    },
    get port() {
      const address = server.address();
      return typeof address === "object" && address !== null ? address.port : 0;
    },
    get available() {
      return waiting.length;
    },
    take() {
      const socket = waiting.shift();
      return socket && streamOf(socket, "open");
    },
    close() {
      listening = false;
      server.close();
      for (const socket of waiting.splice(0)) socket.destroy();
    },
  };
}
