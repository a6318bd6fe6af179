// A hostile peer against Godot scene replication: one raw WebSocket client sends malformed and forged
// SPAWN / DESPAWN / SYNC / RPC / path-cache commands (random bytes, truncated headers, wrong ids, unknown
// scenes, huge sizes, authority it does not have, garbage relayed to the other clients) while two honest
// clients keep moving their players. Reports exceptions that escaped (poll() throwing), exceptions caught
// inside (printed as failed callbacks), what the honest clients saw, and the server's heap after GC.
// Loopback only; bounded by `count` and a time limit.
import { createServer } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  MultiplayerSpawner,
  MultiplayerSynchronizer,
  Node,
  OK,
  preload,
  register_scene,
  SceneReplicationConfig,
  SceneTree,
  Vector2,
  WebSocketMultiplayerPeer,
} from "@wsport/godot-compat";
import WebSocket from "ws";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const SCENE = "res://hostile/player.tscn";

class Player extends Node {
  position = new Vector2();
  moves = 0;
  /** Every `moves` value a delta brought here, in order. */
  readonly seen: number[] = [];
  readonly sync = new MultiplayerSynchronizer();
  constructor() {
    super();
    const config = new SceneReplicationConfig();
    config.add_property(".:position");
    config.add_property(".:moves");
    config.property_set_replication_mode(".:moves", SceneReplicationConfig.REPLICATION_MODE_ON_CHANGE);
    this.sync.name = "Sync";
    this.sync.replication_config = config;
    this.sync.delta_synchronized.connect(() => this.seen.push(this.moves));
    this.add_child(this.sync);
  }
  _enter_tree(): void {
    const id = Number(this.name);
    if (Number.isInteger(id) && id > 0) this.set_multiplayer_authority(id);
  }
}
register_scene(SCENE, () => new Player());

interface Game {
  tree: SceneTree;
  players: Node;
  id(): number;
  player(id: number): Player | null;
}

function newGame(peer: WebSocketMultiplayerPeer): Game {
  const tree = new SceneTree();
  const game = new Node();
  game.name = "Game";
  const players = new Node();
  players.name = "Players";
  const spawner = new MultiplayerSpawner();
  spawner.name = "Spawner";
  game.add_child(players);
  game.add_child(spawner);
  spawner.spawn_path = "../Players";
  spawner.add_spawnable_scene(SCENE);
  tree.root.add_child(game);
  tree.get_multiplayer().multiplayer_peer = peer;
  return {
    tree,
    players,
    id: () => tree.get_multiplayer().get_unique_id(),
    player: (id) => players.get_node_or_null(String(id)) as Player | null,
  };
}

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return [...b];
};
const cstring = (s: string) => [...Buffer.from(s, "utf8"), 0];
const MD5 = [...Buffer.from("d41d8cd98f00b204e9800998ecf8427e", "ascii"), 0];

/** One hostile command: a mix of every kind of bad input. `ids` are the honest peers' ids. */
function hostileCommand(next: () => number, ids: number[]): number[] {
  const int = (n: number) => Math.floor(next() * n);
  const any32 = () => int(0x100000000);
  const bytes = (n: number) => Array.from({ length: n }, () => int(256));
  const honest = ids[int(ids.length)]!;
  const someId = [0, 1, 2, 3, 0x7fffffff, 0xffffffff, 0x80000000 | int(64), any32()][int(8)]!;
  const huge = [0xffffffff, 0x7fffffff, 0x40000000, 0x10000][int(4)]!;
  switch (int(14)) {
    case 0: // random bytes, any command
      return bytes(int(64));
    case 1: // truncated headers
      return [[4], [5], [6], [0], [1], [2]][int(6)]!.concat(bytes(int(10)));
    case 2: // SPAWN with wrong ids, unknown scenes and huge sizes
      return [
        4,
        int(256),
        ...u32(int(4) ? int(70) : someId),
        ...u32(someId),
        ...u32(int(2) ? 0 : huge),
        ...u32(int(2) ? 2 : huge),
        ...cstring("X"),
        ...bytes(int(20)),
      ];
    case 3: // a custom SPAWN whose argument size is huge
      return [
        4,
        0xff,
        ...u32(int(70)),
        ...u32(int(50)),
        ...u32(0),
        ...u32(2),
        ...cstring("Y"),
        ...u32(huge),
        ...bytes(8),
      ];
    case 4: // DESPAWN of ids it never spawned (the server's players)
      return [5, ...u32(int(3) ? int(10) : someId)];
    case 5: // SYNC for the honest players' synchronizers, by path id (authority it does not have)
      return [6, int(256), int(256), ...u32(0x80000000 | int(64)), ...u32(12), 5, 0, 0, 0, ...bytes(8)];
    case 6: // SYNC with wrong ids and huge sizes
      return [6, int(256), int(256), ...u32(someId), ...u32(int(2) ? huge : int(30)), ...bytes(int(30))];
    case 7: // delta SYNC with wrong ids, masks and sizes
      return [0x16, ...u32(someId), ...bytes(8), ...u32(int(2) ? huge : int(10)), ...bytes(int(10))];
    case 8: // path cache: the honest players' paths and the spawner, under ids it reuses
      return [
        1,
        ...MD5,
        ...u32(int(64)),
        ...cstring(
          ["Game/Spawner", `Game/Players/${honest}/Sync`, `Game/Players/${honest}`, "Game/Nowhere"][int(4)]!,
        ),
      ];
    case 9: // CONFIRM_PATH for ids it was never sent
      return [2, int(2), ...u32(someId)].concat(int(4) ? [] : bytes(3));
    case 10: // RPCs to random node and method ids, with garbage arguments
      return [int(256) & 0xf0, ...bytes(int(12))];
    case 11: // garbage relayed to an honest client (or everyone) through the server
      return [
        7,
        3,
        ...u32([0, honest, -honest][int(3)]!),
        ...[[4], [5], [6], [0x16], [1], [0]][int(6)]!,
        ...bytes(int(24)),
      ];
    case 12: // system commands a client may not send
      return [7, int(4), ...u32(someId), ...bytes(int(4))];
    default: // a SPAWN on the real spawner, well formed but not its authority
      return [4, 0, ...u32(int(64)), ...u32(int(1000)), ...u32(0), ...u32(4), ...cstring("666")];
  }
}

export interface HostileReport {
  sent: number;
  /** poll() calls that threw (exceptions that escaped). */
  escaped: number;
  /** Prints that report an exception caught inside (a failed command or callback). */
  caught: number;
  /** Error prints in all (Godot's refusals). */
  prints: number;
  /** `moves` values each observer should have seen, and how many it missed. */
  expected: number;
  missed: number;
  heapBefore: number;
  heapAfter: number;
  ms: number;
  firstCaught?: string;
}

async function settle(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** A loopback port nobody listens on (Godot's create_server reports no bound port). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function hostileRun(count: number, seed = 1, timeLimitMs = 120_000): Promise<HostileReport> {
  const port = await freePort();
  const started = performance.now();
  const report: HostileReport = {
    sent: 0,
    escaped: 0,
    caught: 0,
    prints: 0,
    expected: 0,
    missed: 0,
    heapBefore: 0,
    heapAfter: 0,
    ms: 0,
  };
  const originalError = console.error;
  console.error = (...args: unknown[]) => {
    report.prints++;
    const text = args.map(String).join(" ");
    if (/ failed: |Error calling from signal|TypeError|RangeError/.test(text)) {
      report.caught++;
      report.firstCaught ??= text;
    }
  };
  const peers: WebSocketMultiplayerPeer[] = [];
  const peer = () => {
    const p = new WebSocketMultiplayerPeer();
    peers.push(p);
    return p;
  };
  let hostile: WebSocket | null = null;
  try {
    const serverPeer = peer();
    if (serverPeer.create_server(port, "127.0.0.1") !== OK) throw new Error(`create_server(${port}) failed`);
    const host = newGame(serverPeer);
    host.tree.get_multiplayer().peer_connected.connect((id) => {
      const player = preload(SCENE)!.instantiate();
      player.name = String(id);
      host.players.add_child(player, true);
    });
    host.tree.get_multiplayer().peer_disconnected.connect((id) => host.player(id)?.queue_free());
    const honest = [0, 1].map(() => {
      const p = peer();
      if (p.create_client(`ws://127.0.0.1:${port}`) !== OK) throw new Error("create_client failed");
      return newGame(p);
    });
    const games = [host, ...honest];
    const frame = () => {
      for (const game of games) {
        try {
          game.tree.process(1 / 60);
        } catch {
          report.escaped++;
        }
      }
    };
    const until = async (test: () => boolean, what: string) => {
      while (!test()) {
        if (performance.now() - started > timeLimitMs)
          throw new Error(`hostile run: timed out waiting for ${what}`);
        frame();
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const ids = () => honest.map((g) => g.id());
    await until(() => honest.every((g) => g.players.get_child_count() === 2), "the honest players");
    hostile = new WebSocket(`ws://127.0.0.1:${port}`);
    hostile.on("error", () => {});
    const socket = hostile;
    await until(() => socket.readyState === WebSocket.OPEN, "the hostile peer's connection");
    await until(
      () => host.players.get_child_count() === 3 && honest.every((g) => g.players.get_child_count() === 3),
      "the hostile player",
    );
    // Warm up, then measure the server's heap.
    const step = (n: number) => {
      for (const game of honest) {
        const mine = game.player(game.id())!;
        mine.moves = n;
        mine.position = new Vector2(n, -n);
      }
    };
    let moves = 0;
    for (let i = 0; i < 20; i++) {
      step(++moves);
      frame();
      await new Promise((r) => setTimeout(r, 2));
    }
    report.heapBefore = await settle();
    const firstCounted = moves + 1;
    const next = random(seed);
    const batch = 50;
    while (report.sent < count) {
      const n = Math.min(batch, count - report.sent);
      for (let i = 0; i < n; i++) hostile.send(Buffer.from(hostileCommand(next, ids())));
      report.sent += n;
      step(++moves);
      frame();
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - started > timeLimitMs) throw new Error("hostile run: time limit reached");
    }
    const last = moves;
    // Every observer (the host and the other honest client) must see every move of each honest player.
    const observers = (id: number) => games.filter((g) => g.id() !== id).map((g) => g.player(id));
    await until(
      () => ids().every((id) => observers(id).every((p) => p !== null && p.moves === last)),
      "the last moves",
    );
    report.expected = last - firstCounted + 1;
    for (const id of ids()) {
      for (const copy of observers(id)) {
        const seen = new Set(copy!.seen);
        for (let n = firstCounted; n <= last; n++) if (!seen.has(n)) report.missed++;
        copy!.seen.length = 0;
      }
    }
    hostile.terminate();
    await until(() => host.players.get_child_count() === 2, "the hostile peer's departure");
    for (let i = 0; i < 20; i++) {
      frame();
      await new Promise((r) => setTimeout(r, 2));
    }
    report.heapAfter = await settle();
  } finally {
    hostile?.terminate();
    for (const p of peers) p.close();
    console.error = originalError;
  }
  report.ms = performance.now() - started;
  return report;
}
