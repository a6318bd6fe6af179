// What the godot-compat tests share: poll a peer until something is true (bounded), and clean up.
import { OK, StreamPeerTCP, TCPServer, WebSocketPeer } from "@wsport/godot-compat";
import { afterEach, beforeEach, expect, type MockInstance, vi } from "vitest";
import { until } from "../../../test/until.mjs";

/** The repository's until(), calling peer.poll() before each check. */
export function pollUntil(
  peers: WebSocketPeer | WebSocketPeer[],
  test: () => boolean,
  what = "condition",
  timeoutMs = 8000,
): Promise<void> {
  const list = Array.isArray(peers) ? peers : [peers];
  const tick = () => {
    for (const peer of list) peer.poll();
  };
  return until(test, () => `${what}; states ${list.map((p) => p.get_ready_state())}`, timeoutMs, { tick });
}

const live: WebSocketPeer[] = [];

/** A peer that is dropped after the test. */
export function newPeer(setup?: (peer: WebSocketPeer) => void): WebSocketPeer {
  const peer = new WebSocketPeer();
  setup?.(peer);
  live.push(peer);
  return peer;
}

export function closeAll(): void {
  for (const peer of live.splice(0)) peer.close(-1);
}

/** Connects and polls until OPEN. */
export async function openPeer(url: string, setup?: (peer: WebSocketPeer) => void): Promise<WebSocketPeer> {
  const peer = newPeer(setup);
  expect(peer.connect_to_url(url)).toBe(OK);
  await pollUntil(peer, () => peer.get_ready_state() === WebSocketPeer.STATE_OPEN, "STATE_OPEN");
  return peer;
}

/** Polls until a packet is available and takes it. */
export async function nextPacket(peer: WebSocketPeer) {
  await pollUntil(peer, () => peer.get_available_packet_count() > 0, "a packet");
  return peer.get_packet();
}

export async function pollUntilClosed(peer: WebSocketPeer): Promise<void> {
  await pollUntil(peer, () => peer.get_ready_state() === WebSocketPeer.STATE_CLOSED, "STATE_CLOSED");
}

/**
 * Godot reports misuse by printing an error: each test captures console.error (read it as
 * `prints.spy`), and closes the peers it opened afterwards.
 */
export function capturePrints(): { spy: MockInstance } {
  const prints = {} as { spy: MockInstance };
  beforeEach(() => {
    prints.spy = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    closeAll();
    vi.restoreAllMocks();
  });
  return prints;
}

const servers: TCPServer[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.stop();
});

/** A TCPServer listening on a free port (stopped after the test). */
export async function listeningServer(bind = "127.0.0.1"): Promise<TCPServer> {
  const server = TCPServer.new();
  servers.push(server);
  expect(server.listen(0, bind)).toBe(OK);
  await until(() => server.is_listening(), "the TCPServer to listen");
  return server;
}

/** Waits for the next connection and takes it. */
export async function takeConnection(server: TCPServer): Promise<StreamPeerTCP> {
  await until(() => server.is_connection_available(), "a connection to take");
  const stream = server.take_connection();
  expect(stream).toBeInstanceOf(StreamPeerTCP);
  return stream!;
}
