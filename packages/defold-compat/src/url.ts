// The URL checks Defold makes before it dials; the platform's URL parser does the rest.

/** The host name of a ws: or wss: URL (Defold takes http: and https: as those). Throws otherwise. */
export function webSocketHost(url: string): string {
  // connect() has already turned http: and https: into ws: and wss:; the text names all four.
  if (!/^wss?:/i.test(url)) throw new SyntaxError(`URL '${url}' is not ws:, wss:, http: or https:`);
  return new URL(url).hostname;
}
