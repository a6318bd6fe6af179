// What the multiplayer tests share: SceneMultiplayers on WebSocketMultiplayerPeers that are closed
// after each test, a poll loop bounded in time, and a recorder for signals.
import { OK, SceneMultiplayer, type Signal, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import { afterEach, expect } from "vitest";
import { delay } from "../../../test/events.ts";

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

/** Polls every one of `list` every few ms until `test()` holds; throws after `timeoutMs`. */
export async function pollUntil(
  list: Pollable[],
  test: () => boolean,
  what: string,
  timeoutMs = 8000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const item of list) item.poll();
    if (test()) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await delay(5);
  }
}

/** Polls for `ms` milliseconds (to show that something does NOT happen). */
export async function pollFor(list: Pollable[], ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const item of list) item.poll();
    await delay(5);
  }
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
