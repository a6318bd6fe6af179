// Where the server is: ?server=ws://host:port/ wins, then the VITE_WSPORT_SERVER the launcher
// sets, then port 9080 on the page's own host. Each page gets its own room unless ?room= is given.
export interface Config {
  /** The server's base URL, ending in "/". */
  server: string;
  room: string;
}

export function readConfig(search: string, env: Record<string, string | undefined>): Config {
  const params = new URLSearchParams(search);
  const host = globalThis.location?.hostname || "127.0.0.1";
  let server = params.get("server") ?? env.VITE_WSPORT_SERVER ?? `ws://${host}:9080/`;
  if (!server.endsWith("/")) server += "/";
  const room = params.get("room") ?? `demo-${Math.random().toString(36).slice(2, 8)}`;
  return { server, room };
}

/** The server URL for a path such as "/reject/403". */
export function routeUrl(config: Config, path: string): string {
  return config.server + path.replace(/^\//, "");
}
