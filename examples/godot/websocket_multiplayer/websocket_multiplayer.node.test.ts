// Runs the ported demo as a player would: the "combo" scene (four games in one window), one host,
// two players, a few turns, a cheater, a player who leaves and a host who closes.
import { SceneTree } from "@wsport/godot-compat";
import { afterEach, expect, test, vi } from "vitest";
import { until } from "../../../test/until.mjs";
import type { Main } from "./main.js";
import { instantiateCombo } from "./scenes.js";

const trees: SceneTree[] = [];
afterEach(() => {
  for (const tree of trees.splice(0)) {
    for (const child of tree.root.get_children()) tree.root.remove_child(child);
  }
});

/** Runs frames (as Godot's main loop does) until `done()` holds; fails after 10 s. */
function frames(tree: SceneTree, done: () => boolean): Promise<void> {
  const frame = () => {
    tree.process(1 / 60);
  };
  return until(done, "the game to reach the expected state", 10_000, { tick: frame, everyMs: 2 });
}

/** What a player sees: the names in the list, where the crown is, the log, whether Action is enabled. */
function screen(main: Main) {
  const items = main._game._list.items;
  return {
    players: items.map((i) => i.text),
    crown: items.findIndex((i) => i.icon !== null),
    log: (main._game.get_node("HBoxContainer/RichTextLabel") as unknown as { text: string }).text,
    canAct: !main._game._action.disabled,
  };
}

test("websocket_multiplayer: host, two players, turns, a cheater, a player leaving, the host closing", async () => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const tree = new SceneTree();
  trees.push(tree);
  const combo = instantiateCombo();
  tree.root.add_child(combo);
  const main = (name: string) => combo.get_node(`GridContainer/${name}`) as Main;
  const host = main("Main");
  const bob = main("Main2");
  const carol = main("Main3");
  host._name_edit.text = "Host";
  bob._name_edit.text = "Bob";
  carol._name_edit.text = "Carol";

  host._host_btn.click();
  expect(host.multiplayer.is_server()).toBe(true);
  bob._connect_btn.click();
  await frames(
    tree,
    () => screen(host).players.join() === "Host,Bob" && screen(bob).players.join() === "Host,Bob",
  );
  carol._connect_btn.click();
  const everyone = [host, bob, carol];
  await frames(tree, () => everyone.every((m) => screen(m).players.join() === "Host,Bob,Carol"));
  const bobId = bob.multiplayer.get_unique_id();
  const carolId = carol.multiplayer.get_unique_id();
  expect(host.multiplayer.get_peers().sort()).toEqual([bobId, carolId].sort());
  expect(bob.multiplayer.get_peers().sort()).toEqual([1, carolId].sort()); // the relay told Bob about Carol
  for (const m of everyone) expect(screen(m).crown).toBe(0);
  expect(everyone.map((m) => screen(m).canAct)).toEqual([true, false, false]);

  // Turn 1: the host rolls. _log is `@rpc` (call_remote): the players see it, the host does not.
  host._game._action.click();
  await frames(
    tree,
    () => screen(bob).crown === 1 && screen(carol).crown === 1 && /Host: rolls \d+\n/.test(screen(carol).log),
  );
  expect(screen(bob).log).toMatch(/^Host: rolls \d+\n$/);
  expect(screen(host).log).toBe("");
  expect(everyone.map((m) => screen(m).canAct)).toEqual([false, true, false]);

  // Turn 2: Bob asks the server (request_action.rpc_id(1, ...)), which checks whose turn it is.
  bob._game._action.click();
  await frames(
    tree,
    () => everyone.every((m) => screen(m).crown === 2) && /Bob: rolls/.test(screen(carol).log),
  );
  expect(everyone.map((m) => screen(m).canAct)).toEqual([false, false, true]);

  // Bob cheats: the button is disabled, so he calls the RPC himself. The server refuses and says so.
  expect(bob._game.request_action.rpc_id(1, "roll")).toBe(0);
  await frames(tree, () => screen(carol).log.includes(`Someone is trying to cheat! ${bobId}`));
  expect(everyone.map((m) => screen(m).crown)).toEqual([2, 2, 2]);

  // Carol tries to set the turn herself: set_turn is an authority RPC, so the others drop it
  // (and print Godot's error); call_local still runs it on her side, as in Godot.
  expect(carol._game.set_turn.rpc(0)).toBe(0);
  expect(screen(carol).crown).toBe(0);
  await frames(tree, () =>
    errors.mock.calls.some((c) =>
      String(c[0]).includes(
        `RPC 'set_turn' is not allowed on node /root/Combo/GridContainer/Main/Panel/VBoxContainer/Game from: ${carolId}. Mode is "authority", authority is 1.`,
      ),
    ),
  );
  expect(screen(host).crown).toBe(2);

  // Her own button is now disabled (her local turn says the host's), but the server still has the
  // turn as hers: what the button does, she does, and the turn wraps to the host.
  carol._game._on_Action_pressed();
  await frames(
    tree,
    () => everyone.every((m) => screen(m).crown === 0) && /Carol: rolls/.test(screen(bob).log),
  );

  // Carol leaves: the server removes her everywhere; her own game stops and shows the dialog.
  carol._disconnect_btn.click();
  expect(screen(carol).players).toEqual([]);
  expect((carol.get_node("AcceptDialog") as unknown as { visible: boolean }).visible).toBe(true);
  await frames(
    tree,
    () => screen(host).players.join() === "Host,Bob" && screen(bob).players.join() === "Host,Bob",
  );

  // The host closes: Bob's game sees server_disconnected and stops.
  host._disconnect_btn.click();
  await frames(tree, () => (bob.get_node("AcceptDialog") as unknown as { visible: boolean }).visible);
  expect(screen(bob).players).toEqual([]);
  expect(bob._connect_btn.visible).toBe(true);
  errors.mockRestore();
});
