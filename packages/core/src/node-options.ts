// The options only Node's transport applies; browsers cannot, so they do not carry these checks.
import { describe } from "./describe.js";
import { assertHeaders } from "./headers.js";
import type { ConnectOptions, TlsOptions } from "./types.js";

const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

export interface NodeOptions {
  headers: Record<string, string> | undefined;
  tls: TlsOptions | undefined;
  perMessageDeflate: boolean;
}

/** Call after `checkOptions`, which has made sure `options` is an object or nothing. */
export function checkNodeOptions(options: ConnectOptions | undefined): NodeOptions {
  const { headers, tls, perMessageDeflate = false } = options ?? {};
  if (headers !== undefined) assertHeaders(headers);
  if (tls !== undefined) checkTls(tls);
  if (typeof perMessageDeflate !== "boolean") {
    throw new TypeError(`perMessageDeflate must be a boolean, got ${describe(perMessageDeflate)}`);
  }
  return { headers, tls, perMessageDeflate };
}

function checkTls(tls: unknown): void {
  if (typeof tls !== "object" || tls === null)
    throw new TypeError(`tls must be an object, got ${describe(tls)}`);
  const { minVersion, maxVersion, rejectUnauthorized, servername } = tls as TlsOptions;
  for (const [name, v] of [
    ["minVersion", minVersion],
    ["maxVersion", maxVersion],
  ] as const) {
    if (v !== undefined && !TLS_VERSIONS.includes(v)) {
      throw new RangeError(`tls.${name} must be one of ${TLS_VERSIONS.join(", ")}, got ${describe(v)}`);
    }
  }
  if (rejectUnauthorized !== undefined && typeof rejectUnauthorized !== "boolean") {
    throw new TypeError(`tls.rejectUnauthorized must be a boolean, got ${describe(rejectUnauthorized)}`);
  }
  if (servername !== undefined && typeof servername !== "string") {
    throw new TypeError(`tls.servername must be a string, got ${describe(servername)}`);
  }
}
