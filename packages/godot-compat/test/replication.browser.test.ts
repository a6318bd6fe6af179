// Scene replication from a browser: browser games (an Arena at /root/Arena) join a Godot game server in
// Node (multiplayer-server.ts), which spawns a player and a bomb for each; each browser moves its own
// player (it is that synchronizer's authority), and sees the other browser's player move through the relay.
import { Vector2 } from "@wsport/godot-compat";
import { expect, inject, it } from "vitest";
import { capturePrints } from "./helpers.ts";
import { pollUntil } from "./multiplayer-helpers.ts";
import { joining } from "./replication-helpers.ts";

const prints = capturePrints();
const join = () => joining(inject("godotReplicationPort"));

it("spawned players, bombs and a walking NPC arrive; each browser's own player follows it everywhere", async () => {
  const a = join();
  const b = join();
  await pollUntil(
    [a, b],
    () =>
      a.id() > 1 && b.id() > 1 && [a, b].every((g) => !!g.arena.player(a.id()) && !!g.arena.player(b.id())),
    "both players on both browsers",
  );
  await pollUntil([a, b], () => a.arena.bombs.get_child_count() >= 2, "the bombs");
  const walker = a.arena.npc("Walker")!;
  expect(walker.label.text).toBe("npc");
  const x = walker.position.x;
  await pollUntil([a, b], () => walker.position.x > x + 5, "the NPC walking");

  const mine = a.arena.player(a.id())!;
  expect(mine.is_multiplayer_authority()).toBe(true);
  mine.position = new Vector2(12, 34);
  mine.score = 5;
  const seen = b.arena.player(a.id())!;
  await pollUntil([a, b], () => seen.position.x === 12 && seen.score === 5, "a's player on b");
  expect(seen.position).toEqual(new Vector2(12, 34));
  expect(prints.spy).not.toHaveBeenCalled();
});

it("a browser that leaves is despawned on the others", async () => {
  const a = join();
  const b = join();
  await pollUntil([a, b], () => a.id() > 1 && !!b.arena.player(a.id()), "a's player on b");
  const aId = a.id();
  a.tree.get_multiplayer().multiplayer_peer!.close();
  // On b: the server's despawn; on a, its server gone: what the server spawned is freed.
  await pollUntil(
    [a, b],
    () => !b.arena.player(aId) && a.arena.players.get_child_count() === 0,
    "a's despawn",
  );
});
