// project.godot's autoload: `gamestate` is a global name in every script. Each game in the test has its
// own; the main loop (engine.ts) makes a game's the current one before running its frame.
import type { Gamestate } from "./gamestate.js";

export let gamestate: Gamestate;

export function useGamestate(instance: Gamestate): void {
  gamestate = instance;
}
