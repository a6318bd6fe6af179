// Where the server is: ?server=ws://host:port/ wins, then the VITE_WSPORT_SERVER the launcher
// sets, then the page's own host on VITE_WSPORT_PORT (the launcher sets it for LAN play) or 9080.
// Each page gets its own room unless ?room= is given.
export interface Config {
  /** The server's base URL, ending in "/". */
  server: string;
  room: string;
}

export function readConfig(search: string, env: Record<string, string | undefined>): Config {
  const params = new URLSearchParams(search);
  const host = globalThis.location?.hostname || "127.0.0.1";
  let server =
    params.get("server") ?? env.VITE_WSPORT_SERVER ?? `ws://${host}:${env.VITE_WSPORT_PORT ?? 9080}/`;
  if (!server.endsWith("/")) server += "/";
  const room = params.get("room") ?? `demo-${Math.random().toString(36).slice(2, 8)}`;
  return { server, room };
}

/** The server URL for a path such as "/reject/403". */
export function routeUrl(config: Config, path: string): string {
  return config.server + path.replace(/^\//, "");
}
