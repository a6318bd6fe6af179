// Aseprite accepts http:// and https:// besides ws:// and wss:// (IXWebSocket treats them alike).

/** The ws:// or wss:// URL to hand to core: http → ws, https → wss; anything else is left as is. */
export function toWebSocketUrl(url: string): string {
  return url.replace(/^http(s?):/i, (_, tls: string) => (tls ? "wss:" : "ws:"));
}

/**
 * The ws:// or wss:// URL an attempt dials, or undefined when IXWebSocket could not parse `url`.
 * The platform's URL parser does the work; what it lets through and core refuses (a fragment, port
 * 0) still fails each attempt, when core or the browser's WebSocket throws.
 */
export function dialTarget(url: string): URL | undefined {
  const target = toWebSocketUrl(url);
  if (!/^wss?:/i.test(target)) return undefined;
  try {
    return new URL(target);
  } catch {
    return undefined;
  }
}

/** The host and port IXWebSocket names in its connect errors (default ports 80 and 443). */
export function hostAndPort(target: URL): { host: string; port: number } {
  const port = target.port === "" ? (target.protocol === "wss:" ? 443 : 80) : Number(target.port);
  return { host: target.hostname.replace(/^\[|\]$/g, ""), port };
}
