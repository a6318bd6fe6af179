// Every client the suite compares. The four adapters are loaded lazily: one whose package is not
// built yet is reported as "not built" instead of stopping the run.
import { core } from "./core.ts";
import { corePolled } from "./core-polled.ts";
import { rawWs } from "./raw-ws.ts";
import type { ClientKind, MissingClient } from "./types.ts";

const ADAPTERS: ReadonlyArray<[name: string, load: () => Promise<ClientKind>]> = [
  ["defold-compat", async () => (await import("./defold.ts")).defold],
  ["godot-compat", async () => (await import("./godot.ts")).godot],
  ["corona-compat", async () => (await import("./corona.ts")).corona],
  ["aseprite-compat", async () => (await import("./aseprite.ts")).aseprite],
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
  return { clients, missing };
}
