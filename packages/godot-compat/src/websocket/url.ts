// Follows Godot's core/string/ustring.cpp (String::parse_url).
// Godot's connect_to_url reads URLs its own way (String.parse_url): a missing scheme means ws://,
// "#fragment" and "user@" are dropped, the host is lower-cased and an empty path is "/". This turns
// such a URL into one core accepts; what else is wrong with it (a bad host) the runtime refuses.

/** The URL core should dial. Throws a SyntaxError when the scheme is not ws/wss or the port is bad. */
export function godotUrl(url: string): string {
  const match = /^(?:([^:/?#]*):\/\/)?([^/?#]*)(.*)$/s.exec(url.split("#", 1)[0] ?? "");
  const scheme = (match?.[1] ?? "ws").toLowerCase();
  if (match === null || (scheme !== "ws" && scheme !== "wss")) {
    throw new SyntaxError("unsupported scheme: use ws:// or wss://");
  }
  const authority = match[2] ?? "";
  const host = authority.slice(authority.lastIndexOf("@") + 1).toLowerCase();
  // Godot refuses ports outside 1-65535; a browser would take port 0 and only fail on connecting.
  const port = /:([^:\]]*)$/.exec(host)?.[1];
  if (port !== undefined && !(/^\d+$/.test(port) && +port >= 1 && +port <= 65535)) {
    throw new SyntaxError(`bad port '${port}'`);
  }
  return `${scheme}://${host}${match[3] || "/"}`;
}
