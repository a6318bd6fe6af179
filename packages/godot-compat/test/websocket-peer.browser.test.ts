// What WebSocketPeer does only in browsers, like Godot's Web build: no server, no custom headers,
// no socket info, no heartbeat.
import { capabilities } from "@wsport/core";
import { ERR_UNAVAILABLE, OK, StreamPeerTCP, TCPServer, WebSocketPeer } from "@wsport/godot-compat";
import { expect, it, vi } from "vitest";
import { delay, serverUrl } from "../../../test/events.ts";
import { capturePrints, newPeer, nextPacket, openPeer } from "./helpers.ts";

const prints = capturePrints();

it("there is no server: TCPServer.listen and accept_stream return ERR_UNAVAILABLE", () => {
  const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
  expect(capabilities.server).toBe(false);
  const server = TCPServer.new();
  expect(server.listen(9080)).toBe(ERR_UNAVAILABLE);
  expect(server.is_listening()).toBe(false);
  expect(server.is_connection_available()).toBe(false);
  expect(server.take_connection()).toBe(null);
  expect(server.get_local_port()).toBe(0);
  server.stop();
  expect(newPeer().accept_stream(StreamPeerTCP.new())).toBe(ERR_UNAVAILABLE);
  expect(warned).toHaveBeenCalled();
});

it("handshake_headers are ignored with a one-time warning; the connection still opens", async () => {
  const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
  const peer = await openPeer(serverUrl("/echo-headers"), (p) => {
    p.handshake_headers = ["X-Game-Token: abc"];
  });
  const seen = JSON.parse((await nextPacket(peer)).get_string_from_utf8());
  expect(seen.headers["x-game-token"]).toBeUndefined();
  expect(warned).toHaveBeenCalledWith("Custom headers are not supported in Web platform.");
});

it("get_connected_host, get_connected_port and set_no_delay print an error and do nothing", async () => {
  const peer = await openPeer(serverUrl("/"));
  expect(peer.get_connected_host()).toBe("");
  expect(peer.get_connected_port()).toBe(0);
  peer.set_no_delay(true);
  expect(prints.spy).toHaveBeenCalledTimes(3);
});

it("heartbeat_interval has no effect (browsers cannot ping)", async () => {
  const peer = await openPeer(serverUrl("/"), (p) => {
    p.heartbeat_interval = 0.02;
  });
  // Polling over several intervals: that nothing is pinged in that time is what is tested.
  for (let i = 0; i < 20; i++) {
    peer.poll();
    await delay(5);
  }
  expect(peer.get_ready_state()).toBe(WebSocketPeer.STATE_OPEN);
  expect(peer.send_text("x")).toBe(OK);
});

it("close codes a browser cannot send print an error and keep the peer open", async () => {
  const peer = await openPeer(serverUrl("/"));
  peer.close(1001);
  expect(peer.get_ready_state()).toBe(WebSocketPeer.STATE_OPEN);
  expect(prints.spy).toHaveBeenCalledTimes(1);
});

it("the handshake_headers warning is printed only once across two connects", async () => {
  // Once per page: when the test above ran first it already printed it, so this test may see none.
  const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
  const headerWarnings = () =>
    warned.mock.calls.filter(([line]) => line === "Custom headers are not supported in Web platform.").length;
  const first = await openPeer(serverUrl("/"), (p) => {
    p.handshake_headers = ["X-Round: 1"];
  });
  const afterFirst = headerWarnings();
  expect(afterFirst).toBeLessThanOrEqual(1);
  const second = await openPeer(serverUrl("/"), (p) => {
    p.handshake_headers = ["X-Round: 2"];
  });
  expect(headerWarnings()).toBe(afterFirst); // the second connect prints nothing
  expect(second.get_ready_state()).toBe(WebSocketPeer.STATE_OPEN);
  expect(first.get_ready_state()).toBe(WebSocketPeer.STATE_OPEN);
});
