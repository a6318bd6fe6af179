// A child of godot-multiplayer-load: either the server (reports its port, then its RSS) or the
// process holding every client (reports one ClientReport when done or out of time).
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import {
  OK,
  type PackedByteArray,
  SceneMultiplayer,
  WebSocketMultiplayerPeer,
} from "../../godot-compat/src/node.ts";
import type { ClientReport } from "./godot-multiplayer-load.ts";

const [role, portArg, clientsArg, packetsArg, secondsArg] = process.argv.slice(2);
const send = (m: unknown) => process.send?.(m);
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

if (role === "server") {
  const port = await freePort();
  const peer = new WebSocketMultiplayerPeer();
  peer.handshake_timeout = 30; // 200 connections arrive at once; one is taken per poll
  if (peer.create_server(port, "127.0.0.1") !== OK) throw new Error("create_server failed");
  const multiplayer = new SceneMultiplayer();
  multiplayer.multiplayer_peer = peer;
  send({ port });
  setInterval(() => send({ rss: process.memoryUsage().rss }), 500);
  for (;;) {
    multiplayer.poll();
    await tick();
  }
} else {
  const port = Number(portArg);
  const count = Number(clientsArg);
  const perClient = Number(packetsArg);
  const deadline = performance.now() + Number(secondsArg) * 1000;
  const report: ClientReport = {
    joined: 0,
    sent: 0,
    received: 0,
    lost: 0,
    reordered: 0,
    joinMs: 0,
    exchangeMs: 0,
    timedOut: false,
  };
  /** Per receiver: the next sequence number expected from each sender. */
  const nextFrom = new Map<SceneMultiplayer, Map<number, number>>();
  const clients = Array.from({ length: count }, () => {
    const peer = new WebSocketMultiplayerPeer();
    peer.handshake_timeout = 30;
    if (peer.create_client(`ws://127.0.0.1:${port}`) !== OK) throw new Error("create_client failed");
    const multiplayer = new SceneMultiplayer();
    multiplayer.multiplayer_peer = peer;
    const expected = new Map<number, number>();
    nextFrom.set(multiplayer, expected);
    multiplayer.peer_packet.connect((sender: number, packet: PackedByteArray) => {
      const seq = packet.decode_u32(0);
      const want = expected.get(sender) ?? 0;
      if (seq !== want) report.reordered++;
      expected.set(sender, Math.max(want, seq + 1));
      report.received++;
    });
    return multiplayer;
  });
  const pollAll = () => {
    for (const c of clients) c.poll();
  };
  const start = performance.now();
  while (performance.now() < deadline) {
    pollAll();
    report.joined = clients.filter((c) => c.get_peers().length === count).length;
    if (report.joined === count) break;
    await tick();
  }
  report.joinMs = performance.now() - start;
  const exchangeStart = performance.now();
  // Each client sends to the next one, ten packets per round, through the server's relay.
  for (let seq = 0; seq < perClient && performance.now() < deadline; seq += 10) {
    clients.forEach((c, i) => {
      const to = clients[(i + 1) % count]!.get_unique_id();
      for (let s = seq; s < Math.min(seq + 10, perClient); s++) {
        const payload = new Uint8Array(16);
        new DataView(payload.buffer).setUint32(0, s, true);
        if (c.send_bytes(payload, to) === OK) report.sent++;
      }
    });
    pollAll();
    await tick();
  }
  while (report.received < count * perClient && performance.now() < deadline) {
    pollAll();
    await tick();
  }
  report.exchangeMs = performance.now() - exchangeStart;
  report.timedOut = report.received < count * perClient;
  for (const expected of nextFrom.values()) {
    for (const next of expected.values()) report.lost += perClient - next;
  }
  // A receiver that never heard from its sender at all lost everything it should have had.
  report.lost += [...nextFrom.values()].filter((m) => m.size === 0).length * perClient;
  send({ ...report, rss: process.memoryUsage().rss });
}
