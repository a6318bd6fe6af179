// RPCs from Chromium: browser games (a SceneTree with an EchoGame at /root/Game) against a Godot
// game server in Node (multiplayer-server.ts): Variant arguments both ways, broadcast, client to
// client through the relay, call_local and the sender id.
import { OK, PackedByteArray, SceneTree } from "@wsport/godot-compat";
import { expect, inject, it } from "vitest";
import { capturePrints } from "./helpers.ts";
import { newMultiplayerPeer, pollUntil } from "./multiplayer-helpers.ts";
import { EchoGame } from "./rpc-echo-game.ts";

const prints = capturePrints();

/** A browser game joining the server; its peer is closed after the test. */
function join() {
  const tree = new SceneTree();
  const game = new EchoGame();
  game.name = "Game";
  tree.root.add_child(game);
  const peer = newMultiplayerPeer();
  expect(peer.create_client(`ws://127.0.0.1:${inject("godotRpcPort")}`)).toBe(OK);
  tree.get_multiplayer().multiplayer_peer = peer;
  return { tree, game, multiplayer: tree.get_multiplayer(), poll: () => tree.process(1 / 60) };
}

it("Variant arguments go to the Node server and come back as they were", async () => {
  const player = join();
  await pollUntil([player], () => player.multiplayer.get_peers().includes(1), "the server");
  const args = [
    7,
    -300,
    2 ** 40,
    0.5,
    "héllo 🎲",
    [1, "two"],
    { hp: 3, name: "Bob" },
    new PackedByteArray([1, 2]),
    null,
    true,
  ];
  expect(player.game.echo.rpc_id(1, ...args)).toBe(OK);
  expect(player.game.echo.rpc_id(1, new PackedByteArray([9, 9]))).toBe(OK);
  await pollUntil([player], () => player.game.calls.length === 2, "both answers");
  expect(player.game.calls).toEqual([
    ["echoed", 1, args],
    ["echoed", 1, [new PackedByteArray([9, 9])]],
  ]);
  expect(prints.spy).not.toHaveBeenCalled();
});

it("two browser players: a broadcast from the server, a note through the relay, call_local with one's own id", async () => {
  const [a, b] = [join(), join()];
  await pollUntil(
    [a, b],
    () =>
      a.multiplayer.get_peers().includes(b.multiplayer.get_unique_id()) &&
      b.multiplayer.get_peers().includes(a.multiplayer.get_unique_id()),
    "players that know each other",
  );
  const aId = a.multiplayer.get_unique_id();
  const bId = b.multiplayer.get_unique_id();
  a.game.tell_everyone.rpc_id(1, "hi");
  expect(a.game.note.rpc_id(bId, "psst")).toBe(OK);
  expect(b.game.note.rpc("to all")).toBe(OK);
  expect(b.game.calls).toContainEqual(["note", bId, ["to all"]]); // call_local, inside rpc()
  await pollUntil(
    [a, b],
    () => a.game.calls.length >= 2 && b.game.calls.length >= 3,
    "the broadcast and the notes",
  );
  for (const player of [a, b]) expect(player.game.calls).toContainEqual(["echoed", 1, [`${aId} says hi`]]);
  expect(b.game.calls).toContainEqual(["note", aId, ["psst"]]);
  expect(a.game.calls).toContainEqual(["note", bId, ["to all"]]);
});

it("an authority RPC from a browser player is refused by the others; a call to a player who left goes nowhere", async () => {
  const [a, b] = [join(), join()];
  await pollUntil([a, b], () => a.multiplayer.get_peers().includes(b.multiplayer.get_unique_id()), "b");
  expect(a.game.echoed.rpc("forged")).toBe(OK); // echoed is the server's to call
  await pollUntil(
    [a, b],
    () =>
      prints.spy.mock.calls.some((c) =>
        String(c[0]).includes("RPC 'echoed' is not allowed on node /root/Game"),
      ),
    "b's refusal",
  );
  expect(b.game.calls).toEqual([]);
  const bId = b.multiplayer.get_unique_id();
  b.multiplayer.multiplayer_peer!.close();
  await pollUntil([a, b], () => !a.multiplayer.get_peers().includes(bId), "b's departure");
  expect(a.game.note.rpc_id(bId, "late")).toBe(OK);
  expect(prints.spy.mock.calls.map((c) => String(c[0]))).toContain(
    `ERROR: Attempt to call RPC with unknown peer ID: ${bId}.`,
  );
});
