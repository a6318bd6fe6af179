// What the page asks of each player file. The files themselves are written the way their
// engine's code is written; this is only the plug they share.
import type { Reporter } from "../panel.ts";
import type { GameLink } from "../protocol.ts";

export interface NetPlayer {
  /** Connects to `url` the engine's way; what the engine reports goes to `report`. */
  join(url: string, report: Reporter): void;
  /** Disconnects the engine's way. */
  leave(): void;
  /** Runs every frame with the current time in ms: send what is due (and, for Godot, poll). */
  update(now: number): void;
}

export type PlayerFactory = (game: GameLink) => NetPlayer;
