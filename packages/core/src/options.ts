// Checks connect options once, up front, so a typo is an exception and not a silent default.
import { describe } from "./describe.js";
import { assertHeaders, isToken } from "./headers.js";
import type { ConnectOptions, TlsOptions } from "./types.js";

export const DEFAULT_MAX_PAYLOAD = 100 * 1024 * 1024;

export interface CheckedOptions {
  timeout: number;
  protocols: string[];
  headers: Record<string, string> | undefined;
  tls: TlsOptions | undefined;
  perMessageDeflate: boolean;
  maxPayload: number;
}

const TLS_VERSIONS = new Set(["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]);

export function checkOptions(options: unknown): CheckedOptions {
  if (options === undefined || options === null) options = {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  }
  const {
    timeout = 0,
    protocols = [],
    headers,
    tls,
    perMessageDeflate = false,
    maxPayload,
  } = options as ConnectOptions;
  if (typeof timeout !== "number" || !(timeout >= 0) || timeout === Number.POSITIVE_INFINITY) {
    throw new RangeError(`timeout must be a finite number of ms ≥ 0, got ${describe(timeout)}`);
  }
  const list = typeof protocols === "string" ? [protocols] : protocols;
  if (!Array.isArray(list))
    throw new TypeError(`protocols must be a string or an array, got ${describe(protocols)}`);
  const seen = new Set<string>();
  for (const p of list) {
    if (typeof p !== "string" || !isToken(p))
      throw new SyntaxError(`Invalid subprotocol ${describe(p)}: it must be a token`);
    if (seen.has(p)) throw new SyntaxError(`Subprotocol '${p}' is listed twice`);
    seen.add(p);
  }
  if (headers !== undefined) assertHeaders(headers);
  if (tls !== undefined) checkTls(tls);
  if (typeof perMessageDeflate !== "boolean") {
    throw new TypeError(`perMessageDeflate must be a boolean, got ${describe(perMessageDeflate)}`);
  }
  const limit = maxPayload ?? DEFAULT_MAX_PAYLOAD;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`maxPayload must be a whole number of bytes ≥ 0, got ${describe(maxPayload)}`);
  }
  return { timeout, protocols: list as string[], headers, tls, perMessageDeflate, maxPayload: limit };
}

function checkTls(tls: unknown): void {
  if (typeof tls !== "object" || tls === null)
    throw new TypeError(`tls must be an object, got ${describe(tls)}`);
  const { minVersion, maxVersion, rejectUnauthorized, servername } = tls as TlsOptions;
  for (const [name, v] of [
    ["minVersion", minVersion],
    ["maxVersion", maxVersion],
  ] as const) {
    if (v !== undefined && !TLS_VERSIONS.has(v)) {
      throw new RangeError(`tls.${name} must be one of ${[...TLS_VERSIONS].join(", ")}, got ${describe(v)}`);
    }
  }
  if (rejectUnauthorized !== undefined && typeof rejectUnauthorized !== "boolean") {
    throw new TypeError(`tls.rejectUnauthorized must be a boolean, got ${describe(rejectUnauthorized)}`);
  }
  if (servername !== undefined && typeof servername !== "string") {
    throw new TypeError(`tls.servername must be a string, got ${describe(servername)}`);
  }
}
