// What the multiplayer tests share: SceneMultiplayers on WebSocketMultiplayerPeers that are closed
// after each test, a poll loop bounded in time, and a recorder for signals.
import { OK, SceneMultiplayer, type Signal, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import { afterEach, expect } from "vitest";
import { until } from "../../../test/until.mjs";

const live: WebSocketMultiplayerPeer[] = [];

afterEach(() => {
  for (const peer of live.splice(0)) peer.close();
});

/** A peer closed after the test. */
export function newMultiplayerPeer(): WebSocketMultiplayerPeer {
  const peer = WebSocketMultiplayerPeer.new();
  live.push(peer);
  return peer;
}

/** Something with a poll(): a MultiplayerAPI or a MultiplayerPeer. */
interface Pollable {
  poll(): unknown;
}

/** The repository's until(), polling every one of `list` before each check. */
export function pollUntil(
  list: Pollable[],
  test: () => boolean,
  what: string,
  timeoutMs = 8000,
): Promise<void> {
  const tick = () => {
    for (const item of list) item.poll();
  };
  return until(test, what, timeoutMs, { tick });
}

/**
 * Polls for `ms` milliseconds: only for a wait that is genuinely a fixed time (say why where it is
 * used); to show that nothing more arrives, use flushPackets.
 */
export function pollFor(list: Pollable[], ms: number): Promise<void> {
  const end = Date.now() + ms;
  return until(() => Date.now() >= end, `${ms} ms`, ms + 1000, {
    tick: () => {
      for (const item of list) item.poll();
    },
  });
}

/** The raw packet flushPackets sends; no test sends it otherwise. */
const MARKER = [0xfe, 0xed, 0xfa, 0xce];

/** Whether a packet is flushPackets' marker (tests that record raw packets leave it out). */
export function isMarker(packet: Uint8Array): boolean {
  return packet.length === MARKER.length && MARKER.every((byte, i) => packet[i] === byte);
}

/**
 * Shows that nothing more is on its way, instead of waiting a fixed time: every client sends the server
 * a marker, and once the server has them all it sends every client one. The links are reliable and
 * ordered, so whatever anyone sent (or the server relayed) before has arrived once the last marker has.
 * `list` is what to poll meanwhile (by default the SceneMultiplayers themselves).
 */
export async function flushPackets(
  server: SceneMultiplayer,
  clients: SceneMultiplayer[],
  list: Pollable[] = [server, ...clients],
): Promise<void> {
  const markers = new Map<SceneMultiplayer, number>();
  const listeners = [server, ...clients].map((multiplayer) => {
    const listener = (_id: number, packet: Uint8Array) => {
      if (isMarker(packet)) markers.set(multiplayer, (markers.get(multiplayer) ?? 0) + 1);
    };
    multiplayer.peer_packet.connect(listener);
    return () => multiplayer.peer_packet.disconnect(listener);
  });
  for (const client of clients) expect(client.send_bytes(new Uint8Array(MARKER), 1)).toBe(OK);
  await pollUntil(list, () => (markers.get(server) ?? 0) === clients.length, "the clients' markers");
  expect(server.send_bytes(new Uint8Array(MARKER))).toBe(OK);
  await pollUntil(list, () => clients.every((c) => markers.get(c) === 1), "the server's marker");
  for (const stop of listeners) stop();
}

/** Records every emission of some signals as [name, ...args]. */
export function record(signals: Record<string, Pick<Signal, "connect">>): unknown[][] {
  const log: unknown[][] = [];
  for (const [name, signal] of Object.entries(signals)) {
    signal.connect((...args: unknown[]) => log.push([name, ...args]));
  }
  return log;
}

/** A SceneMultiplayer with a client peer connecting to `url` (not yet connected). */
export function connectingClient(url: string, setup?: (multiplayer: SceneMultiplayer) => void) {
  const peer = newMultiplayerPeer();
  expect(peer.create_client(url)).toBe(OK);
  const multiplayer = new SceneMultiplayer();
  setup?.(multiplayer);
  multiplayer.multiplayer_peer = peer;
  return { multiplayer, peer };
}

/** Connects clients to a polled server and waits until every one has its id and knows every other. */
export async function connectClients(server: SceneMultiplayer, url: string, count: number) {
  const clients = Array.from({ length: count }, () => connectingClient(url).multiplayer);
  const all = [server, ...clients];
  await pollUntil(
    all,
    () => server.get_peers().length === count && clients.every((c) => c.get_peers().length === count),
    `${count} clients that know each other`,
  );
  return clients;
}
