// connect(uri, options) in the plugin's terms → a URL and options for @wsport/core.
import type { ConnectOptions as CoreOptions, TlsOptions } from "@wsport/core";
import { describe, parseWebSocketUrl } from "@wsport/core/internal";
import { CONSTANTS } from "./constants.js";

/** The plugin's connect timeout. */
const CONNECT_TIMEOUT_MS = 6000;

/** ws.TLS_1_0, ws.TLS_1_1 and ws.TLS_1_2 → the TLS version core pins. A Map: "toString" is no key. */
const TLS_VERSIONS = new Map<unknown, TlsOptions["minVersion"]>([
  [CONSTANTS.TLS_1_0, "TLSv1"],
  [CONSTANTS.TLS_1_1, "TLSv1.1"],
  [CONSTANTS.TLS_1_2, "TLSv1.2"],
]);

export function translate(uri: unknown, options: unknown): { url: string; options: CoreOptions } {
  let url: URL;
  try {
    url = parseWebSocketUrl(uri);
  } catch (err) {
    // Core's URL errors keep their type; the prefix names the call, like every other connect error.
    (err as Error).message = `connect: ${(err as Error).message}`;
    throw err;
  }
  if (options === undefined || options === null || options === false) options = {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`connect: options must be a table, got ${describe(options)}`);
  }
  const { port, tls } = options as { port?: unknown; tls?: unknown };
  if (port !== undefined) {
    if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) {
      throw new RangeError(
        `connect: options.port must be a whole number from 1 to 65535, got ${describe(port)}`,
      );
    }
    url.port = String(port);
  }
  const version = TLS_VERSIONS.get(tls);
  if (tls !== undefined && version === undefined) {
    throw new RangeError(
      `connect: options.tls must be ws.TLS_1_0, ws.TLS_1_1 or ws.TLS_1_2, got ${describe(tls)}`,
    );
  }
  const core: CoreOptions = { timeout: CONNECT_TIMEOUT_MS };
  // The plugin verifies no certificate ("verify none"); a pinned version is both min and max.
  if (url.protocol === "wss:") {
    core.tls = { rejectUnauthorized: false, minVersion: version, maxVersion: version };
  }
  return { url: url.href, options: core };
}
