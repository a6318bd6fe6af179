// Scene replication between games over loopback in Node: MultiplayerSpawner (scenes, spawn(data),
// despawn, late joiners, peers leaving), MultiplayerSynchronizer (SYNC, ON_CHANGE deltas, intervals,
// authority, visibility) and SceneReplicationConfig, with Godot's prints where it refuses.
import { MultiplayerSynchronizer, Vector2 } from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { freePort } from "../../../test/free-port.mjs";
import { capturePrints } from "./helpers.ts";
import { pollFor, pollUntil } from "./multiplayer-helpers.ts";
import { hosting, joining, names } from "./replication-helpers.ts";

const prints = capturePrints();
const printed = () => prints.spy.mock.calls.map((c) => String(c[0]).replace(/^ERROR: /, ""));

describe("spawning", () => {
  it("a child added under spawn_path on the authority appears on every peer, with its spawn state before _ready", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    const npc = host.arena.add_npc("Guard", 1.5, -2, "hello");
    await pollUntil([host, a, b], () => !!a.arena.npc("Guard") && !!b.arena.npc("Guard"), "the NPC");
    for (const guest of [a, b]) {
      const copy = guest.arena.npc("Guard")!;
      expect(copy.scene_file_path).toBe("res://npc.tscn");
      expect(copy.positionAtReady).toEqual(new Vector2(1.5, -2));
      expect(copy.label.text).toBe("hello");
      expect(guest.arena.log).toEqual([["spawned", "Guard"]]);
    }
    expect(host.arena.log).toEqual([]); // spawned/despawned are for remote spawns
    npc.queue_free();
    await pollUntil([host, a, b], () => !a.arena.npc("Guard") && !b.arena.npc("Guard"), "the despawn");
    expect(a.arena.log).toEqual([
      ["spawned", "Guard"],
      ["despawned", "Guard"],
    ]);
    expect(printed()).toEqual([]);
  });

  it("spawn(data) calls spawn_function with the same data on every peer", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    const bomb = host.arena.bombSpawner.spawn([3, 4, 7]);
    expect(bomb?.get_parent()).toBe(host.arena.bombs);
    await pollUntil(
      [host, a, b],
      () => a.arena.bombs.get_child_count() === 1 && b.arena.bombs.get_child_count() === 1,
      "the bombs",
    );
    for (const guest of [a, b]) {
      const copy = guest.arena.bombs.get_children()[0] as unknown as {
        position: Vector2;
        owner_id: number;
        name: string;
      };
      expect(copy.position).toEqual(new Vector2(3, 4));
      expect(copy.owner_id).toBe(7);
      expect(copy.name).toBe(bomb!.name);
    }
    expect(printed()).toEqual([]);
  });

  it("spawn_limit refuses spawns beyond it; only the authority may spawn", async () => {
    const [host, a] = await hosting(await freePort(), 1);
    host.arena.bombSpawner.spawn_limit = 2;
    expect(host.arena.bombSpawner.spawn([0, 0, 1])).not.toBeNull();
    expect(host.arena.bombSpawner.spawn([0, 0, 1])).not.toBeNull();
    expect(host.arena.bombSpawner.spawn([0, 0, 1])).toBeNull();
    expect(printed()).toEqual(["Spawn limit reached!"]);
    expect(a.arena.bombSpawner.spawn([0, 0, 1])).toBeNull();
    expect(printed()[1]).toContain("is_multiplayer_authority()");
    await pollUntil([host, a], () => a.arena.bombs.get_child_count() === 2, "two bombs");
  });

  it("a late joiner receives every spawned node with its current state", async () => {
    const port = await freePort();
    const [host, a] = await hosting(port, 1);
    host.arena.add_player(1);
    host.arena.add_player(a.id());
    const npc = host.arena.add_npc("Guard", 0, 0, "first");
    host.arena.bombSpawner.spawn([1, 1, 1]);
    await pollUntil(
      [host, a],
      () => a.arena.players.get_child_count() === 2 && !!a.arena.npc("Guard"),
      "a's copies",
    );
    npc.position = new Vector2(9, 9);
    npc.label.text = "later";
    const late = joining(port);
    await pollUntil(
      [host, a, late],
      () =>
        late.arena.players.get_child_count() === 2 &&
        !!late.arena.npc("Guard") &&
        late.arena.bombs.get_child_count() === 1,
      "the late joiner's copies",
    );
    expect(late.arena.npc("Guard")!.positionAtReady).toEqual(new Vector2(9, 9));
    expect(late.arena.npc("Guard")!.label.text).toBe("later");
    expect(names(late.arena.players).sort()).toEqual(["1", String(a.id())].sort());
    expect(printed()).toEqual([]);
  });

  it("when the server goes, a client frees what the server spawned; when a client goes, the game's despawn reaches the others", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    host.tree.get_multiplayer().peer_disconnected.connect((id) => host.arena.player(id)?.queue_free());
    for (const id of [1, a.id(), b.id()]) host.arena.add_player(id);
    await pollUntil([host, a, b], () => b.arena.players.get_child_count() === 3, "b's players");
    const aId = a.id();
    a.tree.get_multiplayer().multiplayer_peer!.close();
    await pollUntil([host, a, b], () => b.arena.players.get_child_count() === 2, "a's despawn");
    expect(b.arena.player(aId)).toBeNull();
    expect(a.arena.players.get_child_count()).toBe(0); // a lost its server: its remote nodes are freed
    host.tree.get_multiplayer().multiplayer_peer!.close();
    await pollUntil([host, b], () => b.arena.players.get_child_count() === 0, "b's cleanup");
  });
});

describe("synchronizing", () => {
  it("a client's own player follows it on the server and the other client (through the relay)", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    for (const id of [1, a.id(), b.id()]) host.arena.add_player(id);
    await pollUntil(
      [host, a, b],
      () => [a, b].every((g) => g.arena.players.get_child_count() === 3),
      "players",
    );
    const mine = a.arena.player(a.id())!;
    expect(mine.is_multiplayer_authority()).toBe(true);
    let synchronized = 0;
    b.arena.player(a.id())!.sync.synchronized.connect(() => synchronized++);
    mine.position = new Vector2(10, 20);
    mine.label.text = "a";
    await pollUntil(
      [host, a, b],
      () =>
        [host, b].every(
          (g) => g.arena.player(a.id())!.position.x === 10 && g.arena.player(a.id())!.label.text === "a",
        ),
      "a's moves",
    );
    expect(b.arena.player(a.id())!.position).toEqual(new Vector2(10, 20));
    expect(synchronized).toBeGreaterThan(0);
    expect(printed()).toEqual([]);
  });

  it("ON_CHANGE properties travel as deltas only when they change (delta_synchronized)", async () => {
    const [host, a] = await hosting(await freePort(), 1);
    const npc = host.arena.add_npc("Guard", 0, 0, "");
    await pollUntil([host, a], () => !!a.arena.npc("Guard"), "the NPC");
    const copy = a.arena.npc("Guard")!;
    let deltas = 0;
    copy.sync.delta_synchronized.connect(() => deltas++);
    await pollFor([host, a], 200); // the first delta (every watched property starts changed) came with the spawn
    expect(deltas).toBe(0);
    npc.score = 42;
    await pollUntil([host, a], () => copy.score === 42, "the score");
    expect(deltas).toBe(1);
    await pollFor([host, a], 100);
    expect(deltas).toBe(1);
    expect(printed()).toEqual([]);
  });

  it("replication_interval spaces SYNCs out in the tree's frames", async () => {
    const [host, a] = await hosting(await freePort(), 1);
    const npc = host.arena.add_npc("Guard", 0, 0, "");
    npc.sync.replication_interval = 60;
    await pollUntil([host, a], () => !!a.arena.npc("Guard"), "the NPC");
    let syncs = 0;
    a.arena.npc("Guard")!.sync.synchronized.connect(() => syncs++);
    await pollFor([host, a], 300);
    expect(syncs).toBeLessThanOrEqual(1);
    npc.sync.replication_interval = 0;
    await pollUntil([host, a], () => syncs >= 5, "a SYNC every frame");
  });

  it("each peer gets the state read for it: a Vector2 changed in place between two peers' reads is sent anew", async () => {
    // The state is encoded once and reused while the values read are the same; this getter moves the
    // same Vector2 on every read, so within one frame each peer must get its own x.
    const [host, a, b] = await hosting(await freePort(), 2);
    const reads: number[] = [];
    host.arena.add_npc("Probe", 0, 0, "", (npc) => {
      const moving = new Vector2(0, 0);
      Object.defineProperty(npc, "position", {
        get() {
          moving.x += 1;
          reads.push(moving.x);
          return moving;
        },
        set() {},
      });
    });
    await pollUntil([host, a, b], () => !!a.arena.npc("Probe") && !!b.arena.npc("Probe"), "the NPC");
    const seen = [a, b].map((game) => {
      const copy = game.arena.npc("Probe")!;
      const xs: number[] = [];
      copy.sync.synchronized.connect(() => xs.push(copy.position.x));
      return xs;
    });
    await pollUntil([host, a, b], () => seen.every((xs) => xs.length >= 5), "SYNCs on both clients");
    const [toA, toB] = seen as [number[], number[]];
    expect(toA.filter((x) => toB.includes(x))).toEqual([]);
    for (const x of [...toA, ...toB]) expect(reads).toContain(x);
    expect(printed()).toEqual([]);
  });

  it("a peer that is not the authority is refused with Godot's print, and nothing changes", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    for (const id of [a.id(), b.id()]) host.arena.add_player(id);
    await pollUntil(
      [host, a, b],
      () => [a, b].every((g) => g.arena.players.get_child_count() === 2),
      "players",
    );
    const aOnB = b.arena.player(a.id())!;
    aOnB.sync.set_multiplayer_authority(b.id()); // b pretends to own a's player
    aOnB.position = new Vector2(-1, -1);
    await pollUntil([host, a, b], () => printed().some((p) => p.includes("non-authority")), "the refusal");
    expect(printed()).toContain("Ignoring sync data from non-authority or for missing node.");
    expect(host.arena.player(a.id())!.position).toEqual(new Vector2(0, 0));
    expect(a.arena.player(a.id())!.position).toEqual(new Vector2(0, 0));
  });
});

describe("visibility", () => {
  it("a node visible to one peer is spawned there only, and despawned when hidden", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    const npc = host.arena.add_npc("Secret", 0, 0, "");
    npc.sync.public_visibility = false;
    await pollFor([host, a, b], 100);
    expect(a.arena.npc("Secret")).toBeNull();
    npc.sync.set_visibility_for(a.id(), true);
    expect(npc.sync.get_visibility_for(a.id())).toBe(true);
    await pollUntil([host, a, b], () => !!a.arena.npc("Secret"), "a's copy");
    await pollFor([host, a, b], 100);
    expect(b.arena.npc("Secret")).toBeNull();
    npc.sync.set_visibility_for(a.id(), false);
    await pollUntil([host, a, b], () => !a.arena.npc("Secret"), "the despawn on a");
    expect(printed()).toEqual([]);
  });

  it("RPCs on a replicated node go only to the peers that can see it (Godot's is_rpc_visible)", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    const npc = host.arena.add_npc("Secret", 0, 0, "", (n) => {
      n.sync.public_visibility = false;
      n.sync.set_visibility_for(a.id(), true);
    });
    await pollUntil([host, a, b], () => !!a.arena.npc("Secret"), "a's copy");
    npc.say.rpc("to all who see it");
    npc.say.rpc_id(b.id(), "to b");
    expect(printed()).toEqual([
      `Attempt to call an RPC to a peer that cannot see this node. Peer ID: ${b.id()}`,
    ]);
    await pollUntil([host, a, b], () => a.arena.npc("Secret")!.heard.length === 1, "a's RPC");
    await pollFor([host, a, b], 100);
    expect(a.arena.npc("Secret")!.heard).toEqual(["to all who see it"]);
    expect(b.arena.npc("Secret")).toBeNull();
    expect(printed().length).toBe(1); // b was sent nothing (it would print "Requested node was not found")
  });

  it("visibility filters run every frame (VISIBILITY_PROCESS_IDLE) or on update_visibility() (NONE)", async () => {
    const [host, a, b] = await hosting(await freePort(), 2);
    let allowB = false;
    // Godot also asks a filter about peer 0 ("every peer"): true there would show the node to all.
    const filter = (peer: number) => peer !== 0 && (peer !== b.id() || allowB);
    const npc = host.arena.add_npc("Picky", 0, 0, "", (n) => n.sync.add_visibility_filter(filter));
    await pollUntil([host, a, b], () => !!a.arena.npc("Picky"), "a's copy");
    await pollFor([host, a, b], 100);
    expect(b.arena.npc("Picky")).toBeNull();
    allowB = true;
    await pollUntil([host, a, b], () => !!b.arena.npc("Picky"), "b's copy, next frame");
    npc.sync.visibility_update_mode = MultiplayerSynchronizer.VISIBILITY_PROCESS_NONE;
    allowB = false;
    await pollFor([host, a, b], 100);
    expect(b.arena.npc("Picky")).not.toBeNull();
    npc.sync.update_visibility();
    await pollUntil([host, a, b], () => !b.arena.npc("Picky"), "b's despawn after update_visibility()");
    npc.sync.remove_visibility_filter(filter);
    npc.sync.update_visibility(b.id());
    await pollUntil([host, a, b], () => !!b.arena.npc("Picky"), "b's copy again");
    expect(printed()).toEqual([]);
  });
});
