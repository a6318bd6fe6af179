// The URL checks Defold makes before it dials; the platform's URL parser does the rest.

/** The host name of a ws: or wss: URL (Defold takes http: and https: as those). Throws otherwise. */
export function webSocketHost(url: string): string {
  if (!/^wss?:/i.test(url)) throw new SyntaxError(`URL '${url}' is not ws: or wss:`);
  return new URL(url).hostname;
}
