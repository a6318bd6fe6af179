// Public option types and their validation. Bad input fails fast with a TypeError (wrong type)
// or a RangeError (right type, wrong value) whose message names the option.
import { MAX_TIMEOUT } from "@wsport/core";
import { describe, isToken } from "@wsport/core/internal";

export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 9080. */
  port?: number;
  /** Interface to bind. Default "127.0.0.1" (loopback only). */
  host?: string;
  /** Path advertised in `url`. Default "/". Any path that matches no other route echoes too. */
  path?: string;
  /** Subprotocols accepted; the first one the client offers that is listed here is selected. */
  protocols?: string[];
  /** Largest inbound message in bytes; bigger ones close the connection with 1009. Default 16 MiB. */
  maxPayload?: number;
  /** Most simultaneous WebSocket connections; more get HTTP 503. Default Infinity. */
  maxConnections?: number;
  /** Heartbeat interval in ms; peers that miss a pong are terminated. 0 or undefined = off. */
  heartbeat?: number;
  /** Negotiate permessage-deflate. Default false. */
  perMessageDeflate?: boolean;
  /** Enable the fault-injection routes (/reject, /close, /drop, ...). Default false. */
  faults?: boolean;
  /** Allowed Origin header values; others get HTTP 403. Requests without Origin are allowed. */
  allowOrigins?: string[];
  /** No logging. Default true. */
  quiet?: boolean;
  /** Receives one line per connection and close when not quiet. Default console.log. */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** ws://host:port/path of the echo route. */
  url: string;
  port: number;
  host: string;
  /** Sends 1001 to every client, waits up to ~1 s for them, then stops listening. */
  close(): Promise<void>;
  /** Open WebSocket connections right now. */
  readonly connections: number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  path: string;
  protocols: string[] | undefined;
  maxPayload: number;
  maxConnections: number;
  heartbeat: number;
  perMessageDeflate: boolean;
  faults: boolean;
  allowOrigins: string[] | undefined;
  quiet: boolean;
  log: (line: string) => void;
}

export const DEFAULT_PORT = 9080;
/** The server's own default maxPayload (16 MiB), smaller than a client connection's (core's DEFAULT_MAX_PAYLOAD). */
export const SERVER_MAX_PAYLOAD = 16 * 1024 * 1024;

/** An integer option in [min, max]; `what` says what it counts ("a TCP port", "bytes"), for the message. */
function integer(name: string, value: unknown, min: number, max: number, what: string): number {
  const expected = `options.${name} must be an integer from ${min} to ${max} (${what})`;
  if (typeof value !== "number") throw new TypeError(`${expected}, got ${describe(value)}`);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${expected}, got ${value}`);
  return value;
}

function boolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean")
    throw new TypeError(`options.${name} must be a boolean, got ${describe(value)}`);
  return value;
}

function stringList(name: string, value: unknown, token: boolean): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw new TypeError(`options.${name} must be an array of strings, got ${describe(value)}`);
  for (const item of value) {
    if (typeof item !== "string") {
      throw new TypeError(`options.${name} must contain only strings, got ${describe(item)}`);
    }
    if (token && !isToken(item)) {
      throw new RangeError(`options.${name} entry ${JSON.stringify(item)} is not a valid subprotocol token`);
    }
  }
  return [...value];
}

export function resolveOptions(options: ServerOptions = {}): ResolvedOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`startServer options must be an object, got ${describe(options)}`);
  }
  const o = options as Record<string, unknown>;

  const port =
    o.port === undefined ? DEFAULT_PORT : integer("port", o.port, 0, 65535, "a TCP port, 0 = any free one");

  let host = "127.0.0.1";
  if (o.host !== undefined) {
    if (typeof o.host !== "string")
      throw new TypeError(`options.host must be a string, got ${describe(o.host)}`);
    if (o.host.trim() === "") throw new RangeError("options.host must not be empty");
    host = o.host;
  }

  let path = "/";
  if (o.path !== undefined) {
    if (typeof o.path !== "string")
      throw new TypeError(`options.path must be a string, got ${describe(o.path)}`);
    if (!o.path.startsWith("/"))
      throw new RangeError(`options.path must start with "/", got ${JSON.stringify(o.path)}`);
    path = o.path;
  }

  const maxPayload =
    o.maxPayload === undefined
      ? SERVER_MAX_PAYLOAD
      : integer("maxPayload", o.maxPayload, 1, 2 ** 32, "bytes");

  // At least 1: a server that refuses everyone is a mistake to report, not a limit to apply.
  let maxConnections = Number.POSITIVE_INFINITY;
  if (o.maxConnections !== undefined && o.maxConnections !== Number.POSITIVE_INFINITY) {
    maxConnections = integer("maxConnections", o.maxConnections, 1, Number.MAX_SAFE_INTEGER, "connections");
  }

  let heartbeat = 0;
  if (o.heartbeat !== undefined) {
    // Node timers overflow above 2^31-1 ms and then fire at once.
    heartbeat = integer("heartbeat", o.heartbeat, 0, MAX_TIMEOUT, "ms, 0 = off");
  }

  let log: (line: string) => void = (line) => console.log(line);
  if (o.log !== undefined) {
    if (typeof o.log !== "function")
      throw new TypeError(`options.log must be a function, got ${describe(o.log)}`);
    log = o.log as (line: string) => void;
  }

  return {
    port,
    host,
    path,
    protocols: stringList("protocols", o.protocols, true),
    maxPayload,
    maxConnections,
    heartbeat,
    perMessageDeflate: boolean("perMessageDeflate", o.perMessageDeflate, false),
    faults: boolean("faults", o.faults, false),
    allowOrigins: stringList("allowOrigins", o.allowOrigins, false),
    quiet: boolean("quiet", o.quiet, true),
    log,
  };
}
