// Section 5: Godot's WebSocketPeer.poll() on an open peer with nothing pending.
import type { BenchConfig } from "../config.ts";
import type { PollResult } from "../results.ts";

export async function measureGodotPoll(_config: BenchConfig, _url: string): Promise<PollResult | null> {
  return null;
}
