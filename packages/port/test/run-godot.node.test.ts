// The translated GDScript fixtures run unmodified: the chat server and two chat clients over
// loopback, a client against @wsport/server's echo, the @rpc lobby with a host and two players, and
// Dictionary messages (JSON text and put_var) through the echo.
import { type Node, SceneTree } from "@wsport/godot-compat";
import { Dictionary } from "@wsport/port-runtime";
import { afterEach, expect, it, vi } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { ChatClient } from "./expected/godot/chat_client.ts";
import { ChatServer } from "./expected/godot/chat_server.ts";
import { JsonMessages } from "./expected/godot/json_messages.ts";
import { Lobby } from "./expected/godot/lobby.ts";
import { freePort, until } from "./helpers.ts";

const trees: SceneTree[] = [];
afterEach(() => {
  for (const tree of trees.splice(0))
    for (const child of tree.root.get_children()) tree.root.remove_child(child);
  vi.restoreAllMocks();
});

/** A scene tree of its own (one per game instance) with `node` in it, ready. */
function run<T extends Node>(node: T, name: string): T {
  const tree = new SceneTree();
  trees.push(tree);
  node.name = name;
  tree.root.add_child(node);
  return node;
}

/** One frame on every tree, as each game's main loop runs. */
const frame = () => {
  for (const tree of trees) tree.process(1 / 60);
};

it("chat_client.gd against @wsport/server's echo: connects, says a line, reads it back, closes", async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  const client = new ChatClient();
  client.url = serverUrl("/");
  run(client, "ChatClient");
  const heard: string[] = [];
  client.line_received.connect((text) => heard.push(text));
  await until(() => client.log_lines.includes(`Connected to ${serverUrl("/")}`), "the connection", frame);
  client.say("   "); // blank: not sent
  client.say("hello echo");
  await until(() => heard.length === 1, "the echo", frame);
  client.leave();
  await until(() => client.log_lines.at(-1)!.startsWith("Closed:"), "the close", frame);
  expect(heard).toEqual(["hello echo"]);
  expect(client.log_lines).toEqual([
    `Connected to ${serverUrl("/")}`,
    "> hello echo",
    "< hello echo",
    "Closed: 1000 bye",
  ]);
  expect(vi.mocked(console.log).mock.calls.map((c) => c[0])).toEqual(client.log_lines); // print() writes the same lines
});

it("chat_server.gd relays between two chat_client.gd: joins, lines tagged with the sender, a leave", async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  const port = await freePort();
  const server = run(new ChatServer(), "ChatServer");
  const joined: number[] = [];
  server.client_joined.connect((id) => joined.push(id));
  expect(server.listen(port)).toBe(0); // OK
  const url = `ws://127.0.0.1:${port}/`;
  const [alice, bob] = [new ChatClient(), new ChatClient()];
  alice.url = url;
  run(alice, "Alice");
  await until(() => joined.length === 1, "Alice to join", frame);
  bob.url = url;
  run(bob, "Bob");
  await until(() => joined.length === 2 && alice.log_lines.includes("< [2] joined"), "Bob to join", frame);

  alice.say("hi Bob");
  await until(() => bob.log_lines.includes("< [1] hi Bob"), "Alice's line at Bob", frame);
  bob.say("hi Alice");
  await until(() => alice.log_lines.includes("< [2] hi Alice"), "Bob's line at Alice", frame);
  bob.leave();
  await until(() => alice.log_lines.includes("< [2] left"), "Bob's leaving at Alice", frame);

  expect(joined).toEqual([1, 2]);
  expect(server.log_lines).toEqual(["1: hi Bob", "2: hi Alice"]);
  expect(alice.log_lines.filter((l) => l.startsWith("<"))).toEqual([
    "< [2] joined",
    "< [2] hi Alice",
    "< [2] left",
  ]);
  expect(bob.log_lines.filter((l) => l.startsWith("<"))).toEqual(["< [1] hi Bob"]);
  server.stop();
  await until(() => alice.log_lines.at(-1)!.startsWith("Closed:"), "the server's close at Alice", frame);
});

it("lobby.gd with @rpc: two players join a host, the roster and the chat reach everyone", async () => {
  const port = await freePort();
  const host = new Lobby();
  host.player_name = "host";
  run(host, "Lobby");
  expect(host.host(port)).toBe(0);
  const rosters = new Map<Lobby, unknown[][]>();
  const players = ["bob", "carol"].map((name) => {
    const lobby = new Lobby();
    lobby.player_name = name;
    run(lobby, "Lobby");
    lobby.roster_changed.connect((names) => rosters.set(lobby, [...(rosters.get(lobby) ?? []), names]));
    return lobby;
  });
  expect(players[0]!.join(`ws://127.0.0.1:${port}/`)).toBe(0);
  await until(() => host.chat.length === 1, "bob to register", frame);
  expect(players[1]!.join(`ws://127.0.0.1:${port}/`)).toBe(0);
  await until(
    () => players.every((p) => p.chat.length >= 1) && host.chat.length === 2,
    "carol to register",
    frame,
  );
  await until(() => rosters.get(players[1]!)?.length === 1, "carol's roster", frame);

  expect(host.roster.values()).toEqual(["host", "bob", "carol"]);
  expect(host.chat.map((l) => l.replace(/^\[\d+\] /, ""))).toEqual([
    "bob joined (2 players)",
    "carol joined (3 players)",
  ]);
  expect(players[0]!.chat.map((l) => l.replace(/^\[\d+\] /, ""))).toEqual([
    "bob joined (2 players)",
    "carol joined (3 players)",
  ]);
  expect(players[1]!.chat.map((l) => l.replace(/^\[\d+\] /, ""))).toEqual(["carol joined (3 players)"]);
  expect(rosters.get(players[0]!)).toEqual([
    ["host", "bob"],
    ["host", "bob", "carol"],
  ]);
  expect(rosters.get(players[1]!)).toEqual([["host", "bob", "carol"]]);

  // A player's say() is any_peer and call_local: it runs on the sender and on the host (the rpc goes to every peer).
  players[0]!.say.rpc("hello all");
  await until(() => host.chat.length === 3 && players[1]!.chat.length === 2, "bob's line", frame);
  const bobId = players[0]!.multiplayer.get_unique_id();
  expect(host.chat.at(-1)).toBe(`[${bobId}] hello all`);
  expect(players[1]!.chat.at(-1)).toBe(`[${bobId}] hello all`);
  for (const p of players) p.leave();
  host.leave();
});

it("json_messages.gd through @wsport/server's echo: Dictionaries sent as JSON text and with put_var come back as Dictionaries", async () => {
  const node = run(new JsonMessages(), "JsonMessages");
  const heard: unknown[][] = [];
  node.message_received.connect((type, id, data) => heard.push([type, id, data]));
  expect(node.open(serverUrl("/"))).toBe(0);
  await until(() => node.socket.get_ready_state() === 1, "the connection", frame);
  expect(node.send_msg(1, 7, "offer-sdp")).toBe(0);
  expect(node.send_msg(2, 9)).toBe(0);
  expect(node.socket.send_text('{"type": 0}')).toBe(0); // no id: ignored, as the script checks
  expect(node.socket.send_text("[1, 2]")).toBe(0); // not a Dictionary: ignored
  expect(
    node.send_variant(
      new Dictionary<unknown, unknown>([
        ["score", 12],
        [3, "three"],
      ]),
    ),
  ).toBe(0);
  await until(() => node.received.length === 2 && node.variants.length === 2, "the echoes", frame);
  expect(node.received).toEqual([
    [1, 7, "offer-sdp"],
    [2, 9, ""],
  ]);
  expect(heard).toEqual(node.received);
  expect(node.variants).toEqual([["score", 3], 12]); // int keys stay ints through put_var
  node.socket.close();
});
