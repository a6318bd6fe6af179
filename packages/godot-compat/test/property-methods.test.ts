// Godot binds every property's setter and getter as methods too (`multiplayer.set_multiplayer_peer(peer)`,
// `peer.get_inbound_buffer_size()`); ported scripts call either spelling. Both spellings share one value
// and one validation: bad input prints and keeps the value.
import {
  ERR_OUT_OF_MEMORY,
  MultiplayerPeer,
  NodePath,
  OK,
  PacketPeer,
  SceneMultiplayer,
  SceneTree,
  WebSocketPeer,
} from "@wsport/godot-compat";
import { describe, expect, inject, it } from "vitest";
import { capturePrints } from "./helpers.ts";
import { newMultiplayerPeer, pollUntil } from "./multiplayer-helpers.ts";

const prints = capturePrints();
const url = () => `ws://127.0.0.1:${inject("godotMultiplayerPort")}`;

describe("PacketPeer, the base of WebSocketPeer and MultiplayerPeer", () => {
  it("both peers are PacketPeers; encode_buffer_max_size is 8 MiB, rounded up to a power of two, 1 KiB to 256 MiB", () => {
    for (const peer of [new WebSocketPeer(), newMultiplayerPeer()]) {
      expect(peer).toBeInstanceOf(PacketPeer);
      expect(peer.get_encode_buffer_max_size()).toBe(8 * 1024 * 1024);
      peer.set_encode_buffer_max_size(3000);
      expect([peer.encode_buffer_max_size, peer.get_encode_buffer_max_size()]).toEqual([4096, 4096]);
      for (const bad of [1023, 256 * 1024 * 1024 + 1, Number.NaN, "2048", null]) {
        peer.set_encode_buffer_max_size(bad as never);
        expect(peer.get_encode_buffer_max_size()).toBe(4096);
      }
    }
    expect(prints.spy).toHaveBeenCalledTimes(10);
  });

  it("put_var above encode_buffer_max_size is ERR_OUT_OF_MEMORY and sends nothing; below it, the value arrives", async () => {
    const client = newMultiplayerPeer();
    expect(client.create_client(url())).toBe(OK);
    await pollUntil(
      [client],
      () => client.get_connection_status() === MultiplayerPeer.CONNECTION_CONNECTED,
      "id",
    );
    client.set_encode_buffer_max_size(1024);
    client.set_target_peer(1);
    expect(client.put_var("x".repeat(2000))).toBe(ERR_OUT_OF_MEMORY);
    expect(prints.spy).toHaveBeenCalledTimes(1);
    expect(client.put_var("x".repeat(500))).toBe(OK);
  });
});

describe("MultiplayerPeer", () => {
  it("transfer_mode, transfer_channel, refuse_new_connections as methods, with the property's checks", () => {
    const peer = newMultiplayerPeer();
    peer.set_transfer_mode(MultiplayerPeer.TRANSFER_MODE_UNRELIABLE_ORDERED);
    peer.set_transfer_channel(7);
    peer.set_refuse_new_connections(true);
    expect([
      peer.get_transfer_mode(),
      peer.get_transfer_channel(),
      peer.is_refusing_new_connections(),
    ]).toEqual([1, 7, true]);
    expect([peer.transfer_mode, peer.transfer_channel, peer.refuse_new_connections]).toEqual([1, 7, true]);
    peer.set_transfer_mode(3 as never);
    peer.set_transfer_channel(256);
    peer.set_transfer_channel(1.5);
    peer.set_refuse_new_connections("yes" as never);
    expect([
      peer.get_transfer_mode(),
      peer.get_transfer_channel(),
      peer.is_refusing_new_connections(),
    ]).toEqual([1, 7, true]);
    expect(prints.spy).toHaveBeenCalledTimes(4);
  });
});

describe("WebSocketPeer and WebSocketMultiplayerPeer settings", () => {
  it("WebSocketPeer: each property's setter and getter", () => {
    const peer = new WebSocketPeer();
    peer.set_supported_protocols([" chat ", "v2"]);
    peer.set_handshake_headers(["X-Game: pong"]);
    peer.set_inbound_buffer_size(1000);
    peer.set_outbound_buffer_size(2000);
    peer.set_max_queued_packets(3);
    peer.set_heartbeat_interval(1.5);
    expect([
      peer.get_supported_protocols(),
      peer.get_handshake_headers(),
      peer.get_inbound_buffer_size(),
      peer.get_outbound_buffer_size(),
      peer.get_max_queued_packets(),
      peer.get_heartbeat_interval(),
    ]).toEqual([["chat", "v2"], ["X-Game: pong"], 1000, 2000, 3, 1.5]);
    peer.set_supported_protocols("chat" as never);
    peer.set_handshake_headers([1] as never);
    peer.set_heartbeat_interval(-1);
    expect([peer.supported_protocols, peer.handshake_headers, peer.heartbeat_interval]).toEqual([
      ["chat", "v2"],
      ["X-Game: pong"],
      1.5,
    ]);
    expect(prints.spy).toHaveBeenCalledTimes(3);
  });

  it("WebSocketMultiplayerPeer: each property's setter and getter, and every connection it makes copies them", () => {
    const peer = newMultiplayerPeer();
    peer.set_supported_protocols(["game"]);
    peer.set_handshake_headers(["X-A: b"]);
    peer.set_inbound_buffer_size(4096);
    peer.set_outbound_buffer_size(8192);
    peer.set_max_queued_packets(16);
    peer.set_handshake_timeout(0.5);
    expect([
      peer.get_supported_protocols(),
      peer.get_handshake_headers(),
      peer.get_inbound_buffer_size(),
      peer.get_outbound_buffer_size(),
      peer.get_max_queued_packets(),
      peer.get_handshake_timeout(),
    ]).toEqual([["game"], ["X-A: b"], 4096, 8192, 16, 0.5]);
    peer.set_inbound_buffer_size(1.5);
    peer.set_max_queued_packets("16" as never);
    peer.set_handshake_timeout(0);
    expect([peer.inbound_buffer_size, peer.max_queued_packets, peer.handshake_timeout]).toEqual([
      4096, 16, 0.5,
    ]);
    expect(prints.spy).toHaveBeenCalledTimes(3);
  });
});

describe("MultiplayerAPI and SceneMultiplayer", () => {
  it("set_multiplayer_peer / get_multiplayer_peer are the multiplayer_peer property: a real connection through the method", async () => {
    const multiplayer = new SceneMultiplayer();
    const peer = newMultiplayerPeer();
    expect(peer.create_client(url())).toBe(OK);
    multiplayer.set_multiplayer_peer(peer);
    expect(multiplayer.get_multiplayer_peer()).toBe(peer);
    expect(multiplayer.multiplayer_peer).toBe(peer);
    const connected: number[] = [];
    multiplayer.connected_to_server.connect(() => connected.push(multiplayer.get_unique_id()));
    await pollUntil([multiplayer], () => connected.length === 1, "connected_to_server");
    expect(connected[0]).toBeGreaterThan(1);
    multiplayer.set_multiplayer_peer("peer" as never);
    expect(multiplayer.get_multiplayer_peer()).toBe(peer);
    multiplayer.set_multiplayer_peer(null);
    expect(multiplayer.get_multiplayer_peer()).toBe(null);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("root_path: empty until a SceneTree uses the API, then the branch it serves; only absolute paths", () => {
    const multiplayer = new SceneMultiplayer();
    expect(multiplayer.get_root_path()).toBeInstanceOf(NodePath);
    expect(multiplayer.get_root_path().is_empty()).toBe(true);
    const tree = new SceneTree();
    tree.set_multiplayer(multiplayer, "/root/Lobby");
    expect(String(multiplayer.root_path)).toBe("/root/Lobby");
    const whole = new SceneMultiplayer();
    tree.set_multiplayer(whole);
    expect(String(whole.get_root_path())).toBe("/root");
    multiplayer.set_root_path(new NodePath("/root/Game"));
    expect(String(multiplayer.get_root_path())).toBe("/root/Game");
    multiplayer.set_root_path("Game");
    multiplayer.root_path = 5 as never;
    expect(String(multiplayer.get_root_path())).toBe("/root/Game");
    expect(prints.spy.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining("SceneMultiplayer root path must be absolute."),
      expect.stringContaining("root_path must be a NodePath"),
    ]);
    multiplayer.set_root_path("");
    expect(multiplayer.get_root_path().is_empty()).toBe(true);
  });

  it("allow_object_decoding, max_sync_packet_size, max_delta_packet_size: Godot's defaults and checks", () => {
    const multiplayer = new SceneMultiplayer();
    expect([
      multiplayer.is_object_decoding_allowed(),
      multiplayer.get_max_sync_packet_size(),
      multiplayer.get_max_delta_packet_size(),
    ]).toEqual([false, 1350, 65535]);
    multiplayer.set_allow_object_decoding(true);
    multiplayer.set_max_sync_packet_size(128);
    multiplayer.max_delta_packet_size = 4096;
    expect([
      multiplayer.allow_object_decoding,
      multiplayer.max_sync_packet_size,
      multiplayer.get_max_delta_packet_size(),
    ]).toEqual([true, 128, 4096]);
    multiplayer.set_allow_object_decoding(1 as never);
    multiplayer.set_max_sync_packet_size(127);
    multiplayer.set_max_delta_packet_size(200.5);
    expect([
      multiplayer.is_object_decoding_allowed(),
      multiplayer.get_max_sync_packet_size(),
      multiplayer.get_max_delta_packet_size(),
    ]).toEqual([true, 128, 4096]);
    expect(prints.spy).toHaveBeenCalledTimes(3);
  });

  it("auth_callback, auth_timeout, server_relay, refuse_new_connections as methods", () => {
    const multiplayer = new SceneMultiplayer();
    const callback = () => {};
    multiplayer.set_auth_callback(callback);
    multiplayer.set_auth_timeout(1.5);
    multiplayer.set_server_relay_enabled(false);
    multiplayer.set_refuse_new_connections(true);
    expect([
      multiplayer.get_auth_callback(),
      multiplayer.get_auth_timeout(),
      multiplayer.is_server_relay_enabled(),
      multiplayer.is_refusing_new_connections(),
    ]).toEqual([callback, 1.5, false, true]);
    expect(multiplayer.get_multiplayer_peer()?.is_refusing_new_connections()).toBe(true);
    multiplayer.set_auth_callback("f" as never);
    multiplayer.set_auth_timeout(-1);
    multiplayer.set_server_relay_enabled(0 as never);
    expect([multiplayer.auth_callback, multiplayer.auth_timeout, multiplayer.server_relay]).toEqual([
      callback,
      1.5,
      false,
    ]);
    expect(prints.spy).toHaveBeenCalledTimes(3);
  });
});
