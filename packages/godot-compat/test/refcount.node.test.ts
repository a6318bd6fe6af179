// Godot frees a StreamPeerTCP when the script lets go of its last reference, which closes the TCP
// connection; here the garbage collector does it. A stream a WebSocketPeer took lives on with it.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ERR_ALREADY_IN_USE, OK, type StreamPeerTCP, TCPServer, WebSocketPeer } from "@wsport/godot-compat";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { delay } from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";
import { closeAll, newPeer, pollUntil } from "./helpers.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const servers: TCPServer[] = [];
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  closeAll();
  for (const server of servers.splice(0)) server.stop();
  vi.restoreAllMocks();
});

async function listening(): Promise<TCPServer> {
  const server = TCPServer.new();
  servers.push(server);
  expect(server.listen(0, "127.0.0.1")).toBe(OK);
  await until(() => server.is_listening(), "the TCPServer to listen");
  return server;
}

async function connectClient(server: TCPServer): Promise<WebSocketPeer> {
  const client = newPeer();
  expect(client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`)).toBe(OK);
  await until(() => server.is_connection_available(), "a connection to take");
  return client;
}

/** Collects garbage and polls until the client is CLOSED (bounded). */
async function collectUntilClosed(client: WebSocketPeer): Promise<void> {
  const closed = () => client.get_ready_state() === WebSocketPeer.STATE_CLOSED;
  await until(closed, "STATE_CLOSED", 2000, {
    tick: () => {
      gc();
      client.poll();
    },
    everyMs: 10,
  }).catch(() => {});
}

it("a taken StreamPeerTCP that nothing references is closed: its client ends CLOSED, not CONNECTING", async () => {
  const server = await listening();
  // websocket_minimal's loop: a second connection meets a busy peer and its stream is dropped.
  const busy = newPeer();
  const first = await connectClient(server);
  expect(busy.accept_stream(server.take_connection() as StreamPeerTCP)).toBe(OK);
  await pollUntil([busy, first], () => first.get_ready_state() === WebSocketPeer.STATE_OPEN, "first open");
  const client = await connectClient(server);
  expect(busy.accept_stream(server.take_connection() as StreamPeerTCP)).toBe(ERR_ALREADY_IN_USE);
  await collectUntilClosed(client);
  expect(client.get_ready_state()).toBe(WebSocketPeer.STATE_CLOSED);
  expect(client.get_close_code()).toBe(-1);
  // The stream the busy peer did take is untouched.
  expect(first.get_ready_state()).toBe(WebSocketPeer.STATE_OPEN);
});

it("a StreamPeerTCP the script still holds stays open; one a WebSocketPeer took outlives the object", async () => {
  const server = await listening();
  const held = await connectClient(server);
  const stream = server.take_connection();
  const upgraded = await connectClient(server);
  const peer = newPeer();
  expect(peer.accept_stream(server.take_connection() as StreamPeerTCP)).toBe(OK);
  await pollUntil([peer, upgraded], () => upgraded.get_ready_state() === WebSocketPeer.STATE_OPEN, "open");
  // Collections over 200 ms: whether a held stream survives them is what is tested, so the time is fixed.
  for (let i = 0; i < 20; i++) {
    gc();
    await delay(10);
  }
  held.poll();
  expect(held.get_ready_state()).toBe(WebSocketPeer.STATE_CONNECTING);
  expect(stream?.get_status()).toBe(2); // STATUS_CONNECTED: still referenced here
  upgraded.poll();
  expect(upgraded.get_ready_state()).toBe(WebSocketPeer.STATE_OPEN);
  expect(upgraded.send_text("still here")).toBe(OK);
  stream?.disconnect_from_host();
});
