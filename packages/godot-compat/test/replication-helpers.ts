// What the replication tests share: arena games (a SceneTree with an Arena at /root/Arena) on
// WebSocketMultiplayerPeers, a host and clients that joined it.
import { OK, SceneTree } from "@wsport/godot-compat";
import { expect } from "vitest";
import { newMultiplayerPeer, pollUntil } from "./multiplayer-helpers.ts";
import { Arena } from "./replication-game.ts";

export interface ArenaGame {
  tree: SceneTree;
  arena: Arena;
  poll(): void;
  id(): number;
}

export function newArenaGame(): ArenaGame {
  const tree = new SceneTree();
  const arena = new Arena();
  arena.name = "Arena";
  tree.root.add_child(arena);
  return {
    tree,
    arena,
    poll: () => tree.process(1 / 60),
    id: () => tree.get_multiplayer().get_unique_id(),
  };
}

/** A client game joining the host at `port`. */
export function joining(port: number): ArenaGame {
  const game = newArenaGame();
  const client = newMultiplayerPeer();
  expect(client.create_client(`ws://127.0.0.1:${port}`)).toBe(OK);
  game.tree.get_multiplayer().multiplayer_peer = client;
  return game;
}

/** A hosting game and `count` games that joined it, each knowing every other. */
export async function hosting(port: number, count: 1): Promise<[ArenaGame, ArenaGame]>;
export async function hosting(port: number, count: 2): Promise<[ArenaGame, ArenaGame, ArenaGame]>;
export async function hosting(port: number, count: number): Promise<ArenaGame[]> {
  const host = newArenaGame();
  const server = newMultiplayerPeer();
  expect(server.create_server(port, "127.0.0.1")).toBe(OK);
  host.tree.get_multiplayer().multiplayer_peer = server;
  const guests = Array.from({ length: count }, () => joining(port));
  const all = [host, ...guests];
  await pollUntil(
    all,
    () => all.every((g) => g.tree.get_multiplayer().get_peers().length === count),
    `${count} games that know each other`,
  );
  return all;
}

/** The names of a branch's children. */
export function names(branch: { get_children(): { name: string }[] }): string[] {
  return branch.get_children().map((n) => n.name);
}
