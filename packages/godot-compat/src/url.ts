// Godot's connect_to_url reads URLs its own way (String.parse_url): a missing scheme means ws://,
// "#fragment" and "user@" are dropped, the host is lower-cased and an empty path is "/". This turns
// such a URL into one core accepts; core's own URL check then catches bad hosts and ports.

/** The URL core should dial, or null when the scheme is not ws or wss. */
export function godotUrl(url: string): string | null {
  const match = /^(?:([^:/?#]*):\/\/)?([^/?#]*)(.*)$/s.exec(url.split("#", 1)[0] ?? "");
  const scheme = (match?.[1] ?? "ws").toLowerCase();
  if (match === null || (scheme !== "ws" && scheme !== "wss")) return null;
  const authority = match[2] ?? "";
  return `${scheme}://${authority.slice(authority.lastIndexOf("@") + 1).toLowerCase()}${match[3] || "/"}`;
}
