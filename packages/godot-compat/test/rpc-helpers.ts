// What the RPC tests share: a node class with one RPC of each kind that records its calls, and
// games (a SceneTree with that node at /root/Game) on WebSocketMultiplayerPeers.
import { Node, OK, rpc, SceneTree } from "@wsport/godot-compat";
import { expect } from "vitest";
import { newMultiplayerPeer, pollUntil } from "./multiplayer-helpers.ts";

export type Call = [method: string, sender: number, args: unknown[]];

/** One RPC of each mode × call_local, a reliable one, one that throws and one plain method. */
export class Probe extends Node {
  calls: Call[] = [];

  #record(method: string, args: unknown[]): void {
    this.calls.push([method, this.multiplayer.get_remote_sender_id(), args]);
  }

  @rpc
  authority_remote(...args: unknown[]): void {
    this.#record("authority_remote", args);
  }

  @rpc("call_local")
  authority_local(...args: unknown[]): void {
    this.#record("authority_local", args);
  }

  @rpc("any_peer")
  any_remote(...args: unknown[]): void {
    this.#record("any_remote", args);
  }

  @rpc("call_local", "reliable", "any_peer", 3)
  any_local(...args: unknown[]): void {
    this.#record("any_local", args);
  }

  @rpc("any_peer", "reliable")
  throws(): void {
    throw new Error("boom");
  }

  plain(...args: unknown[]): void {
    this.#record("plain", args);
  }
}

/** The RPC names as both sides number them: sorted by code point. */
export const PROBE_IDS = { any_local: 0, any_remote: 1, authority_local: 2, authority_remote: 3, throws: 4 };

export interface Game {
  tree: SceneTree;
  probe: Probe;
  poll(): void;
}

/** A SceneTree with a Probe named "Game" under the root. */
export function newGame(name = "Game"): Game {
  const tree = new SceneTree();
  const probe = new Probe();
  probe.name = name;
  tree.root.add_child(probe);
  return { tree, probe, poll: () => tree.process(1 / 60) };
}

/** A hosting game and `count` games that joined it, each knowing every other. */
export async function playing(port: number, count: 1): Promise<[Game, Game]>;
export async function playing(port: number, count: 2): Promise<[Game, Game, Game]>;
export async function playing(port: number, count: number): Promise<Game[]> {
  const host = newGame();
  const server = newMultiplayerPeer();
  expect(server.create_server(port, "127.0.0.1")).toBe(OK);
  host.tree.get_multiplayer().multiplayer_peer = server;
  const guests = Array.from({ length: count }, () => {
    const game = newGame();
    const client = newMultiplayerPeer();
    expect(client.create_client(`ws://127.0.0.1:${port}`)).toBe(OK);
    game.tree.get_multiplayer().multiplayer_peer = client;
    return game;
  });
  const all = [host, ...guests];
  await pollUntil(
    all,
    () => all.every((g) => g.tree.get_multiplayer().get_peers().length === count),
    `${count} games that know each other`,
  );
  return all;
}

/** The calls a probe received, without the sender. */
export function methods(probe: Probe): string[] {
  return probe.calls.map(([method]) => method);
}
