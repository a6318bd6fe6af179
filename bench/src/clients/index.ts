// Every client the Node sections compare: raw ws (the baseline), core, the four adapters, then the
// libraries users would pick instead (bench dev dependencies). The adapters are loaded lazily: one
// whose package is not built yet is reported as "not built" instead of stopping the run.
import WebSocket from "ws";
import { core } from "./core.ts";
import { corePolled } from "./core-polled.ts";
import { isomorphicWs } from "./isomorphic-ws.ts";
import { partysocket } from "./partysocket.ts";
import { rawWs } from "./raw-ws.ts";
import { reconnectingWebSocket } from "./reconnecting-websocket.ts";
import type { ClientKind, MissingClient } from "./types.ts";
import { websocketTs } from "./websocket-ts.ts";

const ADAPTERS: ReadonlyArray<[name: string, load: () => Promise<ClientKind>]> = [
  ["defold-compat", async () => (await import("./defold.ts")).defold],
  ["godot-compat", async () => (await import("./godot.ts")).godot],
  ["corona-compat", async () => (await import("./corona.ts")).corona],
  ["aseprite-compat", async () => (await import("./aseprite.ts")).aseprite],
];

/** The peers in Node, each given ws's class where its documentation says to pass one. */
export const NODE_PEERS: readonly ClientKind[] = [
  isomorphicWs,
  partysocket(WebSocket),
  reconnectingWebSocket(WebSocket),
  websocketTs(WebSocket),
];

export async function loadClients(): Promise<{ clients: ClientKind[]; missing: MissingClient[] }> {
  const clients: ClientKind[] = [rawWs, core];
  const missing: MissingClient[] = [];
  for (const [name, load] of ADAPTERS) {
    try {
      const client = await load();
      // Godot's row is read against the same polling model without godot-compat's code.
      if (name === "godot-compat") clients.push(corePolled);
      clients.push(client);
    } catch (err) {
      const reason = err instanceof Error ? err.message.split("\n")[0]! : String(err);
      missing.push({ name: `@wsport/${name}`, missing: `not built (${reason})` });
    }
  }
  clients.push(...NODE_PEERS);
  return { clients, missing };
}
