// Godot 4's replication commands byte for byte, with a raw `ws` peer playing the Godot side (the bytes
// written out by hand from modules/multiplayer/scene_replication_interface.cpp and
// scene_cache_interface.cpp, see docs/spec/godot-replication.md): a wsport host against a raw client,
// and a raw server against a wsport client, in both directions.
import { createHash } from "node:crypto";
import { OK, Vector2 } from "@wsport/godot-compat";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { freePort } from "../../../test/free-port.mjs";
import { capturePrints } from "./helpers.ts";
import { newMultiplayerPeer, pollUntil } from "./multiplayer-helpers.ts";
import type { Bomb, Player } from "./replication-game.ts";
import { type ArenaGame, newArenaGame } from "./replication-helpers.ts";

const prints = capturePrints();
const printed = () => prints.spy.mock.calls.map((c) => String(c[0]).replace(/^ERROR: /, ""));

// --- the bytes, by hand -------------------------------------------------------------------------------
const SIMPLIFY_PATH = 1;
const CONFIRM_PATH = 2;
const SPAWN = 4;
const DESPAWN = 5;
const SYNC = 6;
const DELTA = 6 | 0x10; // SYNC with CMD_FLAG_0 (bit 4)
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return [...b];
};
const le16 = (n: number) => [n & 0xff, n >> 8];
const le64 = (n: number) => [...le32(n), 0, 0, 0, 0];
const f32 = (x: number) => {
  const b = Buffer.alloc(4);
  b.writeFloatLE(x);
  return [...b];
};
const cstring = (s: string) => [...Buffer.from(s, "utf8"), 0];
/** encode_variant of a Vector2 (type 5, two float32) and of a String (type 4, length, UTF-8, padded to 4). */
const vector2 = (x: number, y: number) => [5, 0, 0, 0, ...f32(x), ...f32(y)];
const string = (s: string) => {
  const utf8 = [...Buffer.from(s, "utf8")];
  return [4, 0, 0, 0, ...le32(utf8.length), ...utf8, ...new Array((4 - (utf8.length % 4)) % 4).fill(0)];
};
/** encode_and_compress_variant of a small int: TYPE_INT (2) with width 0 (8 bits) in bits 6-7, then the byte. */
const int8 = (n: number) => [2, n & 0xff];
/** A node without RPCs: the MD5 of no method names, in hex. */
const NO_RPC_MD5 = [...Buffer.from(createHash("md5").update("").digest("hex"), "ascii"), 0];
const simplifyPath = (id: number, path: string) => [
  SIMPLIFY_PATH,
  ...NO_RPC_MD5,
  ...le32(id),
  ...cstring(path),
];

// --- raw peers ---------------------------------------------------------------------------------------
const sockets: WebSocket[] = [];
const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const server of servers.splice(0)) {
    for (const ws of server.clients) ws.terminate();
    server.close();
  }
});

function record(ws: WebSocket): number[][] {
  const received: number[][] = [];
  ws.on("message", (data: Buffer) => received.push([...data]));
  ws.on("error", () => {});
  return received;
}

/** The messages after `from` that are not SYNCs (which keep coming every frame). */
const nonSync = (received: number[][], from = 0) => received.slice(from).filter((m) => m[0] !== SYNC);

async function wsportHost(): Promise<{ host: ArenaGame; url: string }> {
  const port = await freePort();
  const host = newArenaGame();
  const peer = newMultiplayerPeer();
  expect(peer.create_server(port, "127.0.0.1")).toBe(OK);
  host.tree.get_multiplayer().multiplayer_peer = peer;
  return { host, url: `ws://127.0.0.1:${port}` };
}

async function rawClient(host: ArenaGame, url: string) {
  const ws = new WebSocket(url);
  sockets.push(ws);
  const received = record(ws);
  await pollUntil(
    [host],
    () => received.length >= 1 && host.tree.get_multiplayer().get_peers().length === 1,
    "the raw client",
  );
  const id = Buffer.from(received[0]!).readInt32LE();
  return { ws, received, id, send: (bytes: number[]) => ws.send(Buffer.from(bytes)) };
}

describe("a wsport host, a raw Godot client", () => {
  it("spawns with SIMPLIFY_PATH then SPAWN (scene id, ids, name, spawn state), then SYNC and delta SYNC, then DESPAWN", async () => {
    const { host, url } = await wsportHost();
    const raw = await rawClient(host, url);
    const npc = host.arena.add_npc("Guard", 1.5, -2, "hi");
    await pollUntil([host], () => raw.received.some((m) => m[0] === DELTA), "the first delta");
    const [, simplify, spawn, ...rest] = raw.received;
    expect(simplify).toEqual(simplifyPath(1, "Arena/NpcSpawner"));
    expect(spawn).toEqual([
      SPAWN,
      0, // the spawner's first spawnable scene
      ...le32(1), // the spawner, by the cache id just sent
      ...le32(1), // the node's net id
      ...le32(1), // one synchronizer...
      ...le32(6), // ..."Guard" and its NUL
      ...le32(2), // the synchronizer's net id
      ...cstring("Guard"),
      ...vector2(1.5, -2), // spawn state: .:position, Label:text (score is not a spawn property)
      ...string("hi"),
    ]);
    const state = [...vector2(1.5, -2), ...string("hi")];
    expect(rest[0]).toEqual([SYNC, ...le16(1), ...le32(2), ...le32(state.length), ...state]);
    expect(rest[1]).toEqual([DELTA, ...le32(2), ...le64(1), ...le32(2), ...int8(0)]); // score, watched index 0

    raw.send([CONFIRM_PATH, 1, ...le32(1)]); // what Godot answers
    const seen = raw.received.length;
    npc.score = 7;
    npc.position = new Vector2(0.5, 0);
    await pollUntil([host], () => nonSync(raw.received, seen).length === 1, "the score's delta");
    expect(nonSync(raw.received, seen)).toEqual([[DELTA, ...le32(2), ...le64(1), ...le32(2), ...int8(7)]]);
    const lastSync = raw.received.filter((m) => m[0] === SYNC).at(-1)!;
    expect(lastSync.slice(3)).toEqual([...le32(2), ...le32(24), ...vector2(0.5, 0), ...string("hi")]);
    const before = lastSync[1]! | (lastSync[2]! << 8);
    expect(before).toBeGreaterThan(1); // the 16-bit time counts the frames

    const despawnAt = raw.received.length;
    npc.queue_free();
    await pollUntil([host], () => nonSync(raw.received, despawnAt).length === 1, "the despawn");
    expect(nonSync(raw.received, despawnAt)).toEqual([[DESPAWN, ...le32(1)]]);
    expect(printed()).toEqual([]);
  });

  it("a custom spawn carries 0xFF and the spawn() data, compressed, after the name", async () => {
    const { host, url } = await wsportHost();
    const raw = await rawClient(host, url);
    const bomb = host.arena.bombSpawner.spawn([3, 4, 7])!;
    await pollUntil([host], () => raw.received.length === 3, "the spawn");
    const data = [
      28,
      0,
      0,
      0,
      ...le32(3),
      2,
      0,
      0,
      0,
      ...le32(3),
      2,
      0,
      0,
      0,
      ...le32(4),
      2,
      0,
      0,
      0,
      ...le32(7),
    ];
    const name = cstring(bomb.name);
    expect(raw.received[1]).toEqual(simplifyPath(1, "Arena/BombSpawner"));
    expect(raw.received[2]).toEqual([
      SPAWN,
      0xff,
      ...le32(1),
      ...le32(1),
      ...le32(0), // no synchronizer
      ...le32(name.length),
      ...name,
      ...le32(data.length),
      ...data,
    ]);
  });

  it("takes a client-owned player's SYNC and delta by path id once it confirmed the path; refuses what the client does not own", async () => {
    const { host, url } = await wsportHost();
    const raw = await rawClient(host, url);
    const player = host.arena.add_player(raw.id);
    const npc = host.arena.add_npc("Guard", 0, 0, "");
    await pollUntil([host], () => nonSync(raw.received).length >= 5, "both spawns");
    expect(nonSync(raw.received)[2]).toEqual([
      SPAWN,
      0,
      ...le32(1),
      ...le32(1),
      ...le32(0), // the host does not own the player's synchronizer: no id, no state
      ...le32(String(raw.id).length + 1),
      ...cstring(String(raw.id)),
    ]);
    // The raw client owns the player's synchronizer: it names it by a path id, as Godot does.
    raw.send(simplifyPath(5, `Arena/Players/${raw.id}/Sync`));
    await pollUntil([host], () => raw.received.some((m) => m[0] === CONFIRM_PATH), "the confirmation");
    expect(raw.received.find((m) => m[0] === CONFIRM_PATH)).toEqual([CONFIRM_PATH, 1, ...le32(5)]);
    let synchronized = 0;
    let deltas = 0;
    player.sync.synchronized.connect(() => synchronized++);
    player.sync.delta_synchronized.connect(() => deltas++);
    const state = [...vector2(7, 8), ...string("r")];
    raw.send([SYNC, ...le16(1), ...le32(0x80000005), ...le32(state.length), ...state]);
    raw.send([DELTA, ...le32(0x80000005), ...le64(1), ...le32(2), ...int8(9)]);
    await pollUntil([host], () => synchronized === 1 && deltas === 1, "the state");
    expect(player.position).toEqual(new Vector2(7, 8));
    expect(player.label.text).toBe("r");
    expect(player.score).toBe(9);
    raw.send([
      SYNC,
      ...le16(1),
      ...le32(0x80000005),
      ...le32(state.length),
      ...vector2(1, 1),
      ...string("r"),
    ]);
    // An older time is dropped silently (the 16-bit time did not advance).
    // Not its own: the NPC's synchronizer (by path, and by the host's net id 2) and the host's spawner.
    raw.send(simplifyPath(11, "Arena/Npcs/Guard/Sync"));
    raw.send([SYNC, ...le16(2), ...le32(0x8000000b), ...le32(state.length), ...state]);
    raw.send([DELTA, ...le32(2), ...le64(1), ...le32(2), ...int8(1)]);
    raw.send(simplifyPath(6, "Arena/NpcSpawner"));
    raw.send([SPAWN, 0, ...le32(6), ...le32(50), ...le32(0), ...le32(2), ...cstring("X")]);
    raw.send([DESPAWN, ...le32(1)]);
    await pollUntil([host], () => printed().length === 4, "four refusals");
    expect(printed()).toEqual([
      "Ignoring sync data from non-authority or for missing node.",
      "Ignoring delta for non-authority or invalid synchronizer.",
      'Condition "p_from != spawner->get_multiplayer_authority()" is true. Returning: ERR_UNAUTHORIZED',
      'Condition "!pinfo.recv_nodes.has(net_id)" is true. Returning: ERR_UNAUTHORIZED',
    ]);
    expect(player.position).toEqual(new Vector2(7, 8));
    expect(npc.position).toEqual(new Vector2(0, 0));
    expect(npc.score).toBe(0);
    expect(host.arena.npcs.get_child_count()).toBe(1);
  });
});

describe("a raw Godot server, a wsport client", () => {
  async function rawServer() {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    servers.push(wss);
    const received: number[][] = [];
    let socket: WebSocket | null = null;
    wss.on("connection", (ws) => {
      socket = ws;
      ws.on("message", (data: Buffer) => received.push([...data]));
      ws.send(Buffer.from(le32(12345))); // the client's id
    });
    await new Promise((resolve) => wss.once("listening", resolve));
    const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
    return { url, received, send: (bytes: number[]) => socket!.send(Buffer.from(bytes)) };
  }

  async function wsportClient(url: string): Promise<ArenaGame> {
    const game = newArenaGame();
    const peer = newMultiplayerPeer();
    expect(peer.create_client(url)).toBe(OK);
    game.tree.get_multiplayer().multiplayer_peer = peer;
    await pollUntil([game], () => game.tree.get_multiplayer().get_peers().includes(1), "the server");
    return game;
  }

  it("a node appears (spawn state before _ready), moves (SYNC, delta) and disappears (DESPAWN) as Godot's server sends them", async () => {
    const raw = await rawServer();
    const game = await wsportClient(raw.url);
    raw.send(simplifyPath(7, "Arena/NpcSpawner"));
    const state = [...vector2(4, 5), ...string("yo")];
    raw.send([
      SPAWN,
      0,
      ...le32(7),
      ...le32(3),
      ...le32(1),
      ...le32(6),
      ...le32(9),
      ...cstring("Guard"),
      ...state,
    ]);
    await pollUntil([game], () => !!game.arena.npc("Guard") && raw.received.length === 1, "the spawn");
    expect(raw.received).toEqual([[CONFIRM_PATH, 1, ...le32(7)]]);
    const guard = game.arena.npc("Guard")!;
    expect(guard.positionAtReady).toEqual(new Vector2(4, 5));
    expect(guard.label.text).toBe("yo");
    expect(game.arena.log).toEqual([["spawned", "Guard"]]);

    const moved = [...vector2(6, 7), ...string("yo")];
    raw.send([SYNC, ...le16(1), ...le32(9), ...le32(moved.length), ...moved]);
    raw.send([DELTA, ...le32(9), ...le64(1), ...le32(2), ...int8(5)]);
    await pollUntil([game], () => guard.position.x === 6 && guard.score === 5, "the moves");
    raw.send([DESPAWN, ...le32(3)]);
    await pollUntil([game], () => !game.arena.npc("Guard"), "the despawn");
    expect(game.arena.log).toEqual([
      ["spawned", "Guard"],
      ["despawned", "Guard"],
    ]);

    raw.send(simplifyPath(8, "Arena/BombSpawner"));
    const data = [
      28,
      0,
      0,
      0,
      ...le32(3),
      2,
      0,
      0,
      0,
      ...le32(1),
      2,
      0,
      0,
      0,
      ...le32(2),
      2,
      0,
      0,
      0,
      ...le32(1),
    ];
    raw.send([
      SPAWN,
      0xff,
      ...le32(8),
      ...le32(4),
      ...le32(0),
      ...le32(2),
      ...cstring("B"),
      ...le32(data.length),
      ...data,
    ]);
    await pollUntil([game], () => game.arena.bombs.get_child_count() === 1, "the bomb");
    const bomb = game.arena.bombs.get_children()[0] as Bomb;
    expect([bomb.name, bomb.position, bomb.owner_id]).toEqual(["B", new Vector2(1, 2), 1]);
    expect(printed()).toEqual([]);
  });

  it("its own player's state goes out by path id after the server confirms the path", async () => {
    const raw = await rawServer();
    const game = await wsportClient(raw.url);
    raw.send(simplifyPath(10, "Arena/PlayerSpawner"));
    raw.send([SPAWN, 0, ...le32(10), ...le32(5), ...le32(0), ...le32(6), ...cstring("12345")]);
    await pollUntil([game], () => raw.received.length === 2, "the path of its synchronizer");
    const mine = game.arena.player(12345) as Player;
    expect(mine.is_multiplayer_authority()).toBe(true);
    expect(raw.received).toEqual([
      [CONFIRM_PATH, 1, ...le32(10)],
      simplifyPath(1, "Arena/Players/12345/Sync"),
    ]);
    mine.position = new Vector2(2, 3);
    raw.send([CONFIRM_PATH, 1, ...le32(1)]);
    await pollUntil([game], () => raw.received.some((m) => m[0] === DELTA), "the state");
    const sync = raw.received.find((m) => m[0] === SYNC)!;
    const state = [...vector2(2, 3), ...string("")];
    expect(sync.slice(3)).toEqual([...le32(0x80000001), ...le32(state.length), ...state]);
    expect(raw.received.find((m) => m[0] === DELTA)).toEqual([
      DELTA,
      ...le32(0x80000001),
      ...le64(1),
      ...le32(2),
      ...int8(0),
    ]);
    expect(printed()).toEqual([]);
  });

  it("refuses malformed replication commands with Godot's prints", async () => {
    const raw = await rawServer();
    const game = await wsportClient(raw.url);
    raw.send(simplifyPath(7, "Arena/NpcSpawner"));
    const bad = [
      [SPAWN, 0, 1, 2], // shorter than the header
      [SPAWN, 0, ...le32(99), ...le32(1), ...le32(0), ...le32(2), ...cstring("X")], // unknown spawner id
      [SPAWN, 0, ...le32(7), ...le32(1), ...le32(0x40000000), ...le32(2), ...cstring("X")], // huge sync count
      [SPAWN, 0, ...le32(7), ...le32(1), ...le32(0), ...le32(0)], // zero name
      [SPAWN, 0, ...le32(7), ...le32(1), ...le32(0), ...le32(4), ...cstring("a/b")], // reserved characters
      [SPAWN, 5, ...le32(7), ...le32(1), ...le32(0), ...le32(2), ...cstring("X")], // unknown scene
      [DESPAWN, 1], // too short
      [DESPAWN, ...le32(77)], // never spawned
      [SYNC, 0, 0, 0], // too short
      [SYNC, ...le16(1), ...le32(9), ...le32(0xffff), 0, 0, 0], // size past the end
    ];
    for (const packet of bad) raw.send(packet);
    await pollUntil([game], () => printed().length >= 12, "the refusals");
    expect(printed()).toEqual([
      "Invalid spawn packet received",
      "ID 99 not found in cache of peer 1.",
      'Parameter "spawner" is null.',
      // Godot computes this in 32 bits, where 0x40000000 * 4 wraps to 0 and the check passes: not copied.
      `Invalid spawn packet size: 20, wants: ${18 + 2 + 0x40000000 * 4}`,
      "Zero spawn name size.",
      "Invalid node name received: 'a/b'. Make sure to add nodes via 'add_child(node, true)' remotely.",
      "Index p_id = 5 is out of bounds (spawnable_scenes.size() = 1).",
      'Parameter "node" is null.',
      "Invalid spawn packet received",
      'Condition "!pinfo.recv_nodes.has(net_id)" is true. Returning: ERR_UNAUTHORIZED',
      "Invalid sync packet received",
      'Condition "size > uint32_t(p_buffer_len - ofs)" is true.',
    ]);
    expect(game.arena.npcs.get_child_count()).toBe(0);
  });
});
