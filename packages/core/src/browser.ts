// @wsport/core for browsers: the transport is the native WebSocket; no byte of ws is here.
import { BrowserConnection, browserCapabilities } from "./browser-connection.js";
import { argumentChecks } from "./checks.js";
import type { Connection } from "./connection.js";
import { checkOptions } from "./options.js";
import type {
  AcceptOptions,
  Capabilities,
  ConnectOptions,
  TcpListener,
  TcpStream,
  TlsStreamOptions,
} from "./types.js";
import { parseWebSocketUrl } from "./url.js";

export * from "./public.js";

export const capabilities: Capabilities = browserCapabilities;

/**
 * Opens a WebSocket client connection. Throws at once for bad arguments; everything else is an
 * event. `headers`, `tls` and `perMessageDeflate` are checked but cannot apply in a browser.
 */
export function connect(url: string, options?: ConnectOptions): Connection {
  parseWebSocketUrl(url);
  const opts = checkOptions(options);
  return new BrowserConnection(url, opts.timeout, opts.protocols, opts.maxPayload, argumentChecks);
}

const SERVER_ONLY = "is not available in browsers (capabilities.server is false)";

/** Node only: a browser cannot listen for TCP connections. */
export function createTcpListener(_port: number, _host?: string): TcpListener {
  throw new Error(`createTcpListener() ${SERVER_ONLY}`);
}

/** Node only: a browser cannot accept WebSocket connections. */
export function acceptSocket(_stream: TcpStream, _options?: AcceptOptions): Connection {
  throw new Error(`acceptSocket() ${SERVER_ONLY}`);
}

/** Node only: a browser has no raw TCP. */
export function connectTcp(
  _host: string,
  _port: number,
  _local?: { port?: number; address?: string },
): TcpStream {
  throw new Error(`connectTcp() ${SERVER_ONLY}`);
}

/** Node only: a browser has no raw TLS. */
export function startTls(_stream: TcpStream, _options: TlsStreamOptions): TcpStream {
  throw new Error(`startTls() ${SERVER_ONLY}`);
}
