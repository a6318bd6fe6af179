// Runs the ported demo as three players would: one hosts, two join the lobby, the host starts, a player
// walks (its inputs go to the server, the server's positions come back: MultiplayerSynchronizer), places a
// bomb (MultiplayerSpawner), blows up a rock (score on every screen), and one player leaves.
import { afterEach, expect, test, vi } from "vitest";
import { Bomb } from "./bomb.js";
import { type AcceptDialog, type Button, frame, type ItemList, type Label, type LineEdit } from "./engine.js";
import type { Player } from "./player.js";
import { type BomberGame, startGame } from "./scenes.js";
import type { Score } from "./score.js";

const games: BomberGame[] = [];
afterEach(() => {
  for (const game of games.splice(0)) game.gamestate.peer?.close();
});

/** Runs frames of every game (50 ms of game time each) until `done()` holds; fails after 15 s. */
async function frames(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`the game never reached: ${what}`);
    frame(games, 0.05);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A press on a lobby button, as the player's click (with that game's autoload current). */
function click(game: BomberGame, path: string): void {
  game.enter();
  (game.lobby.get_node(path) as Button).click();
}

const lobbyList = (game: BomberGame) =>
  (game.lobby.get_node("Players/List") as ItemList).items.map((i) => i.text);
const world = (game: BomberGame) => game.tree.root.get_node_or_null("World");
const player = (game: BomberGame, id: number) =>
  world(game)?.get_node_or_null(`Players/${id}`) as Player | null;
const nameOf = (p: Player | null) => (p?.get_node("label") as Label | undefined)?.text ?? "";
const scoreText = (game: BomberGame, id: number) =>
  (world(game)?.get_node("Score") as Score | null)?.player_labels.get(id)?.label.text;

test("multiplayer_bomber: host, two players, lobby, start, walk, bomb, score, one leaves", async () => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const [host, alice, bob] = [startGame(), startGame(), startGame()];
  games.push(host, alice, bob);
  for (const [game, name] of [
    [host, "Host"],
    [alice, "Alice"],
    [bob, "Bob"],
  ] as const)
    (game.lobby.get_node("Connect/Name") as LineEdit).text = name;

  click(host, "Connect/Host");
  click(alice, "Connect/Join");
  await frames(() => lobbyList(host).length === 2 && lobbyList(alice).length === 2, "Alice in the lobby");
  click(bob, "Connect/Join");
  await frames(() => [host, alice, bob].every((g) => lobbyList(g).length === 3), "everyone in the lobby");
  expect(lobbyList(host)).toEqual(["Host (you)", "Alice", "Bob"]);
  expect(lobbyList(bob)).toEqual(["Bob (you)", "Alice", "Host"]);
  expect((host.lobby.get_node("Players/Start") as Button).disabled).toBe(false);
  expect((alice.lobby.get_node("Players/Start") as Button).disabled).toBe(true);

  click(host, "Players/Start");
  const aliceId = alice.tree.get_multiplayer().get_unique_id();
  const bobId = bob.tree.get_multiplayer().get_unique_id();
  const ids = [1, aliceId, bobId];
  await frames(
    () => [host, alice, bob].every((g) => ids.every((id) => nameOf(player(g, id)) !== "")),
    "three named players on every screen",
  );
  expect(host.lobby.visible).toBe(false);
  // Alice joined first: spawn point 1, right under Rock1.
  for (const game of [host, alice, bob]) {
    expect(player(game, aliceId)!.position).toEqual({ x: 264, y: 216 });
    expect(nameOf(player(game, bobId))).toBe("Bob");
  }

  // Bob walks right: his inputs reach the server, the server's positions reach everyone.
  bob.held.add("move_right");
  await frames(() => player(alice, bobId)!.position.x > 72 + 20, "Bob walking on Alice's screen");
  bob.held.delete("move_right");
  expect(player(host, bobId)!.position.x).toBeGreaterThan(92);

  // Alice places a bomb next to Rock1: spawned on every screen, then it blows the rock up.
  alice.held.add("set_bomb");
  const bombs = (g: BomberGame) =>
    world(g)!
      .get_children()
      .filter((n) => n instanceof Bomb);
  await frames(() => [host, alice, bob].every((g) => bombs(g).length > 0), "the bomb everywhere");
  alice.held.delete("set_bomb");
  await frames(
    () => [host, alice, bob].every((g) => scoreText(g, aliceId) === "Alice\n1"),
    "Alice's point everywhere",
  );
  await frames(
    () => [host, alice, bob].every((g) => !g.tree.root.has_node("World/Rocks/Rock1")),
    "Rock1 gone",
  );
  expect(player(bob, aliceId)!.stunned).toBe(true); // she stood in her own blast
  await frames(() => [host, alice, bob].every((g) => bombs(g).length === 0), "the bomb despawned");

  // Bob leaves: the host ends the game with the demo's error, Alice sees the players despawned.
  bob.gamestate.peer.close();
  await frames(
    () => world(host) === null && (host.lobby.get_node("ErrorDialog") as AcceptDialog).visible,
    "the host's game over",
  );
  expect((host.lobby.get_node("ErrorDialog") as AcceptDialog).dialog_text).toBe("Player Bob disconnected");
  expect(host.lobby.visible).toBe(true);
  await frames(
    () => world(alice)?.get_node("Players").get_child_count() === 0,
    "the players despawned on Alice's screen",
  );
  // The only prints: after the host freed its World, Alice still sends her inputs for a node it no longer
  // has (Godot prints the same, from the same check).
  for (const [message] of errors.mock.calls)
    expect(String(message)).toMatch(/^ERROR: Failed to get cached node from peer \d+ with cache ID \d+\.$/);
});
