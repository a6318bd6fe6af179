import { describe } from "./describe.js";

/**
 * Checks a WebSocket URL and returns it parsed. Only ws: and wss: are accepted here; adapters
 * translate their engine's own schemes (http:, https:, none) before calling this.
 */
export function parseWebSocketUrl(url: unknown): URL {
  if (typeof url !== "string") throw new TypeError(`URL must be a string, got ${describe(url)}`);
  if (url.trim() === "") throw new SyntaxError("URL is empty");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) throw new SyntaxError(`URL '${url}' has no scheme: expected ws:// or wss://`);
  if (scheme !== "ws" && scheme !== "wss") {
    throw new SyntaxError(`URL '${url}' has scheme '${scheme}:': expected ws: or wss:`);
  }
  const port = /^[a-zA-Z]+:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):([^/?#]*)/.exec(url)?.[1];
  if (port !== undefined && port !== "") {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n < 1 || n > 65535) {
      throw new RangeError(`URL '${url}' has port '${port}': expected a number from 1 to 65535`);
    }
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyntaxError(`URL '${url}' is not a valid URL`);
  }
  if (parsed.hostname === "") throw new SyntaxError(`URL '${url}' has no host`);
  if (parsed.hash !== "")
    throw new SyntaxError(`URL '${url}' has a fragment ('${parsed.hash}'): WebSocket URLs cannot`);
  return parsed;
}
