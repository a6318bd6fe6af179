// Section 5 in a fresh process: one Godot peer, poll() timed and its allocations counted.
import type { BenchConfig } from "../config.ts";
import { measurePollHere } from "../sections/poll.ts";
import { reply, serve } from "./ipc.ts";

serve(async (request) => {
  const { config, url } = request as { config: BenchConfig; url: string };
  const result = await measurePollHere(config, url);
  if (result === null) throw new Error("@wsport/godot-compat is not built");
  return { ...result };
});
reply({ ready: true });
