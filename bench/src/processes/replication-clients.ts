// The replication benchmark's clients, all in this process: N Godot games (their own player synchronized
// 30 times a second, every other player seen through the server's relay) or N bare ws clients sending
// the same size of message at the same rate. On { measure: ms } it counts the updates delivered in that
// window, their age on arrival (sender and receiver share this process's clock) and, for Godot, the bytes
// per update a raw observer peer receives on the wire.
import { OK, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import WebSocket from "ws";
import { type BenchGame, type BenchPlayer, newBenchGame, UPDATES_PER_SECOND } from "../replication-scene.ts";
import { reply, serve } from "./ipc.ts";

const [kind, portText, countText] = process.argv.slice(2);
const url = `ws://127.0.0.1:${portText}`;
const count = Number(countText);
/** Each client's frame, as a game's (60 fps): every SceneTree processed once, or the bare clients' sends due. */
const FRAME_MS = 16;
/** The bare clients send what a Godot client sends per update: relay header, SYNC header, one state (41 B). */
const MESSAGE_BYTES = 41;

let counting = false;
let delivered = 0;
const ages: number[] = [];
const note = (age: number) => {
  if (!counting) return;
  delivered++;
  if (ages.length < 200_000) ages.push(age);
};

interface Clients {
  tick: () => void;
  bytes: () => [number, number];
  /** Starts the updates (nothing is sent while the clients join). */
  start: () => void;
}

async function godotClients(): Promise<Clients> {
  const games: Array<BenchGame & { id: () => number }> = [];
  const join = () => {
    const game = newBenchGame();
    const peer = new WebSocketMultiplayerPeer();
    peer.inbound_buffer_size = 1 << 22;
    peer.outbound_buffer_size = 1 << 22;
    if (peer.create_client(url) !== OK) throw new Error("create_client failed");
    game.tree.get_multiplayer().multiplayer_peer = peer;
    game.players.child_entered_tree.connect((node) => {
      const player = node as BenchPlayer;
      player.sync.synchronized.connect(() => note(performance.now() - player.stamp));
    });
    games.push({ ...game, id: () => game.tree.get_multiplayer().get_unique_id() });
  };
  // A raw Godot peer that only listens: the bytes a player's update costs on the wire.
  let observed = 0;
  let observedBytes = 0;
  const observer = new WebSocket(url);
  observer.on("message", (data: Buffer) => {
    if (data.length < 7 || data[0] !== 7 || data[1] !== 3) return; // only relayed commands
    if (data[6] === 1 && data.length >= 44) {
      // SIMPLIFY_PATH for a player's synchronizer: confirm it (back through the relay), as Godot does.
      const confirm = Buffer.from([7, 3, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0]);
      data.copy(confirm, 2, 2, 6);
      data.copy(confirm, 8, 40, 44);
      observer.send(confirm);
    } else if (data[6] === 6 && counting) {
      observed++;
      observedBytes += data.length;
    }
  });
  const tick = () => {
    const now = performance.now();
    for (const game of games) {
      const mine = game.players.get_node_or_null(String(game.id())) as BenchPlayer | null;
      if (mine) {
        mine.position.x += 1;
        mine.stamp = now;
      }
      game.tree.process(0.001);
    }
  };
  const deadline = Date.now() + (Number(process.env.JOIN_S) || 170) * 1000;
  // Clients connect ten at a time, each ten once the previous have their ids (as players arrive, not all in
  // one instant: a busy process would miss WebSocketMultiplayerPeer's 3 s handshake timeout).
  while (games.length < count || !games.every((g) => g.players.get_child_count() >= count)) {
    if (games.length < count && games.every((g) => g.id() > 1))
      for (let i = 0; i < 10 && games.length < count; i++) join();
    if (Date.now() > deadline) {
      const seen = games.map((g) => g.players.get_child_count());
      const joined = games.filter((g) => g.id() > 1).length;
      throw new Error(
        `the Godot clients did not all see each other in 170 s: ${joined} joined, players seen ${Math.min(...seen)}..${Math.max(...seen)} of ${count}`,
      );
    }
    tick();
    await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
  }
  const start = () => {
    for (const game of games) {
      const mine = game.players.get_node_or_null(String(game.id())) as BenchPlayer | null;
      if (mine) mine.sync.replication_interval = 1 / UPDATES_PER_SECOND;
    }
  };
  return { tick, bytes: () => [observedBytes, observed], start };
}

async function wsClients(): Promise<Clients> {
  const sockets = await Promise.all(
    Array.from({ length: count }, () => {
      const ws = new WebSocket(url);
      ws.on("message", (data: Buffer) => note(performance.now() - data.readDoubleLE(0)));
      return new Promise<WebSocket>((resolve) => ws.once("open", () => resolve(ws)));
    }),
  );
  const last = new Map<WebSocket, number>();
  let started = false;
  const tick = () => {
    if (!started) return;
    const now = performance.now();
    for (const ws of sockets) {
      if (now - (last.get(ws) ?? 0) < 1000 / UPDATES_PER_SECOND) continue;
      last.set(ws, now);
      const message = Buffer.alloc(MESSAGE_BYTES);
      message.writeDoubleLE(now, 0);
      ws.send(message);
    }
  };
  return {
    tick,
    bytes: () => [MESSAGE_BYTES, 1],
    start: () => {
      started = true;
    },
  };
}

const clients = kind === "godot" ? await godotClients() : await wsClients();
let running = true;
const loop = () => {
  if (!running) return;
  clients.tick();
  setTimeout(loop, FRAME_MS);
};
loop();

serve(async (request) => {
  if (request.start) {
    clients.start();
    return { started: true };
  }
  const ms = Number(request.measure);
  delivered = 0;
  ages.length = 0;
  counting = true;
  const [bytesBefore, updatesBefore] = clients.bytes();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  counting = false;
  const elapsed = performance.now() - started;
  const [bytesAfter, updatesAfter] = clients.bytes();
  running = false;
  ages.sort((a, b) => a - b);
  const at = (q: number) => ages[Math.min(ages.length - 1, Math.floor(q * ages.length))] ?? Number.NaN;
  const bytesPerUpdate =
    kind === "godot" ? (bytesAfter - bytesBefore) / Math.max(1, updatesAfter - updatesBefore) : bytesAfter;
  return { delivered, perSecond: delivered / (elapsed / 1000), p50: at(0.5), p99: at(0.99), bytesPerUpdate };
});
reply({ ready: true });
