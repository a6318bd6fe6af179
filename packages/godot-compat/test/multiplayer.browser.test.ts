// WebSocketMultiplayerPeer and SceneMultiplayer as clients in Chromium, against Godot multiplayer
// servers running in Node (test/multiplayer-server.ts, started by this package's global setup).
import {
  ERR_INVALID_PARAMETER,
  ERR_UNAVAILABLE,
  ERR_UNCONFIGURED,
  MultiplayerPeer,
  OK,
  PackedByteArray,
  type SceneMultiplayer,
  to_utf8_buffer,
  WebSocketMultiplayerPeer,
} from "@wsport/godot-compat";
import { describe, expect, inject, it } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { capturePrints } from "./helpers.ts";
import { connectingClient, newMultiplayerPeer, pollUntil, record } from "./multiplayer-helpers.ts";

const prints = capturePrints();
const url = () => `ws://127.0.0.1:${inject("godotMultiplayerPort")}`;
const authUrl = () => `ws://127.0.0.1:${inject("godotAuthPort")}`;

/** Clients that know each other (the Node server may still hold peers from earlier tests). */
async function star(count: number) {
  const clients = Array.from({ length: count }, () => connectingClient(url()).multiplayer);
  await pollUntil(
    clients,
    () =>
      clients.every(
        (c) =>
          c.get_peers().includes(1) &&
          clients.every((o) => o === c || c.get_peers().includes(o.get_unique_id())),
      ),
    "clients that know the server and each other",
  );
  return clients;
}

/** Every peer_packet a client gets, as [sender, text]. */
function packetsOf(multiplayer: SceneMultiplayer): Array<[number, string]> {
  const got: Array<[number, string]> = [];
  multiplayer.peer_packet.connect((id, packet) => got.push([id, packet.get_string_from_utf8()]));
  return got;
}

/** Little-endian int32 bytes. */
function le32(n: number): number[] {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, n, true);
  return [...bytes];
}

describe("the wire, byte for byte, from Chromium", () => {
  it("a wsport client against a raw Godot-side server: the greeting sets the id, what it sends is framed as Godot frames it", async () => {
    const { multiplayer } = connectingClient(`ws://127.0.0.1:${inject("godotRawPort")}`);
    const got: Array<[number, number[]]> = [];
    multiplayer.peer_packet.connect((id, packet) => got.push([id, [...packet]]));
    await pollUntil([multiplayer], () => multiplayer.get_peers().includes(77), "peer 77");
    expect(multiplayer.get_unique_id()).toBe(424242);
    expect(multiplayer.send_bytes(new PackedByteArray([5]), 77)).toBe(OK);
    expect(multiplayer.send_bytes(new PackedByteArray([6]), 1)).toBe(OK);
    expect(multiplayer.send_bytes(new PackedByteArray([8]), -77)).toBe(OK);
    await pollUntil([multiplayer], () => got.length === 3, "three echoes");
    // The raw server echoes each message's bytes back as the payload of a RAW packet.
    expect(got).toEqual([
      [1, [7, 3, ...le32(77), 3, 5]],
      [1, [3, 6]],
      [1, [7, 3, ...le32(-77), 3, 8]],
    ]);
  });

  it("the browser's own WebSocket as a raw client of the Node server: a 4-byte id first, then RAW frames", async () => {
    const ws = new WebSocket(url());
    ws.binaryType = "arraybuffer";
    const received: number[][] = [];
    ws.onmessage = (event) => received.push([...new Uint8Array(event.data as ArrayBuffer)]);
    try {
      await pollUntil([], () => received.length === 1, "the greeting");
      expect(received[0]!.length).toBe(4);
      const id = new DataView(new Uint8Array(received[0]!).buffer).getInt32(0, true);
      expect(id).toBeGreaterThanOrEqual(2);
      ws.send(new Uint8Array([3, 0x68, 0x69])); // RAW "hi": the server echoes it with send_bytes
      await pollUntil([], () => received.some((m) => m[0] === 3), "the echo");
      expect(received.find((m) => m[0] === 3)).toEqual([3, 0x68, 0x69]);
      // Anything else it got is a peer announcement: [SYS, ADD_PEER or DEL_PEER, int32 id].
      for (const m of received.slice(1).filter((m) => m[0] !== 3)) {
        expect(m.length === 6 && m[0] === 7 && (m[1] === 1 || m[1] === 2)).toBe(true);
      }
    } finally {
      ws.close();
    }
  });
});

describe("in a browser", () => {
  it("create_server is unavailable and leaves the peer disconnected", () => {
    const peer = newMultiplayerPeer();
    expect(peer.create_server(9080)).toBe(ERR_UNAVAILABLE);
    expect(peer.get_connection_status()).toBe(MultiplayerPeer.CONNECTION_DISCONNECTED);
    expect(peer.is_server()).toBe(false);
    expect(prints.spy).toHaveBeenCalled();
  });

  it("three clients join the star: ids, connected_to_server, peer_connected for each other", async () => {
    const logs: unknown[][][] = [];
    const clients = Array.from({ length: 3 }, () =>
      connectingClient(url(), (m) => {
        logs.push(record({ connected_to_server: m.connected_to_server, peer_connected: m.peer_connected }));
      }),
    );
    expect(clients[0]!.peer.get_connection_status()).toBe(MultiplayerPeer.CONNECTION_CONNECTING);
    const all = clients.map((c) => c.multiplayer);
    await pollUntil(
      all,
      () => all.every((c) => all.every((o) => o === c || c.get_peers().includes(o.get_unique_id()))),
      "a star",
    );
    const ids = all.map((c) => c.get_unique_id());
    expect(new Set(ids).size).toBe(3);
    all.forEach((c, i) => {
      expect(c.is_server()).toBe(false);
      expect(c.get_peers()).toContain(1);
      expect(logs[i]!.slice(0, 2)).toEqual([["connected_to_server"], ["peer_connected", 1]]);
    });
    expect(clients[0]!.peer.get_peer(1)!.get_ready_state()).toBe(1);
  });

  it("two clients join a wss:// server made by create_server with TLSOptions.server, and the relay works", async () => {
    // The certificate is self-signed; each browser trusts it through its launch options, as for
    // tls-server.browser.test.ts. TLS options are ignored in browsers, so none are passed.
    const tlsUrl = `wss://127.0.0.1:${inject("godotMultiplayerTlsPort")}`;
    const [a, b] = [connectingClient(tlsUrl).multiplayer, connectingClient(tlsUrl).multiplayer];
    const all = [a, b];
    await pollUntil(
      all,
      () => a.get_peers().includes(b.get_unique_id()) && b.get_peers().includes(a.get_unique_id()),
      "two wss:// clients that know each other",
    );
    const gotB = packetsOf(b);
    const gotA = packetsOf(a);
    expect(a.send_bytes(to_utf8_buffer("over TLS"), b.get_unique_id())).toBe(OK);
    expect(b.send_bytes(to_utf8_buffer("echo"), 1)).toBe(OK); // the server sends it back
    await pollUntil(all, () => gotB.length === 2, "a relayed packet and an echo");
    expect(gotB.sort()).toEqual(
      [
        [a.get_unique_id(), "over TLS"],
        [1, "echo"],
      ].sort(),
    );
    expect(gotA).toEqual([]);
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("every target form through the Node server's relay", async () => {
    const [a, b, c] = (await star(3)) as [SceneMultiplayer, SceneMultiplayer, SceneMultiplayer];
    const all = [a, b, c];
    const [gotA, gotB, gotC] = all.map(packetsOf) as [
      Array<[number, string]>,
      Array<[number, string]>,
      Array<[number, string]>,
    ];
    const idA = a.get_unique_id();
    expect(a.send_bytes(to_utf8_buffer("one"), b.get_unique_id())).toBe(OK);
    expect(a.send_bytes(to_utf8_buffer("all-but-c"), -c.get_unique_id())).toBe(OK);
    expect(a.send_bytes(to_utf8_buffer("clients"), -1)).toBe(OK);
    expect(a.send_bytes(to_utf8_buffer("echo"), 1)).toBe(OK); // the server sends it back
    await pollUntil(all, () => gotB.length === 3 && gotC.length === 1 && gotA.length === 2, "deliveries");
    expect(gotB).toEqual([
      [idA, "one"],
      [idA, "all-but-c"],
      [idA, "clients"],
    ]);
    expect(gotC).toEqual([[idA, "clients"]]);
    // The server is among the targets of "all-but-c" (and echoes what it gets), not of "clients".
    expect(gotA).toEqual([
      [1, "all-but-c"],
      [1, "echo"],
    ]);
  });

  it("a broadcast reaches the server (which echoes it) and every other client", async () => {
    const [a, b] = (await star(2)) as [SceneMultiplayer, SceneMultiplayer];
    const [gotA, gotB] = [a, b].map(packetsOf) as [Array<[number, string]>, Array<[number, string]>];
    expect(a.send_bytes(to_utf8_buffer("hello"))).toBe(OK);
    await pollUntil([a, b], () => gotA.length === 1 && gotB.length === 1, "both");
    expect(gotA).toEqual([[1, "hello"]]);
    expect(gotB).toEqual([[a.get_unique_id(), "hello"]]);
  });

  it("a client that leaves is announced to the others", async () => {
    const [a, b] = (await star(2)) as [SceneMultiplayer, SceneMultiplayer];
    const log = record({ peer_disconnected: b.peer_disconnected });
    const idA = a.get_unique_id();
    a.multiplayer_peer!.close();
    await pollUntil([b], () => log.length === 1, "the departure");
    expect(log).toEqual([["peer_disconnected", idA]]);
    expect(b.get_peers()).not.toContain(idA);
  });

  it("server loss: the server drops this client; peer_disconnected(1), then server_disconnected", async () => {
    const [a] = (await star(1)) as [SceneMultiplayer];
    const log = record({
      peer_disconnected: a.peer_disconnected,
      server_disconnected: a.server_disconnected,
    });
    expect(a.send_bytes(to_utf8_buffer("drop me"), 1)).toBe(OK);
    await pollUntil([a], () => log.some((e) => e[0] === "server_disconnected"), "server_disconnected");
    expect(log).toContainEqual(["peer_disconnected", 1]);
    expect(log.at(-1)).toEqual(["server_disconnected"]);
    expect(a.get_peers()).toEqual([]);
    expect(a.send_bytes(to_utf8_buffer("x"))).toBe(ERR_UNCONFIGURED);
  });

  it("refuse_new_connections on the server: a new client fails, then joins once accepted again", async () => {
    const [a] = (await star(1)) as [SceneMultiplayer];
    const got = packetsOf(a);
    expect(a.send_bytes(to_utf8_buffer("refuse"), 1)).toBe(OK);
    await pollUntil([a], () => got.length === 1, "refusing");
    const { multiplayer: late } = connectingClient(url());
    const log = record({ connection_failed: late.connection_failed });
    await pollUntil([a, late], () => log.length === 1, "connection_failed");
    a.send_bytes(to_utf8_buffer("accept"), 1);
    await pollUntil([a], () => got.length === 2, "accepting");
    const [later] = (await star(1)) as [SceneMultiplayer];
    expect(later.get_peers()).toContain(1);
  });

  it("handshake_timeout: a server that never sends an id (the echo server) ends in connection_failed", async () => {
    const { multiplayer, peer } = connectingClient(serverUrl("/"));
    peer.handshake_timeout = 0.2;
    const log = record({ connection_failed: multiplayer.connection_failed });
    await pollUntil([multiplayer], () => log.length === 1, "connection_failed");
    expect(peer.get_connection_status()).toBe(MultiplayerPeer.CONNECTION_DISCONNECTED);
  });

  it("a malformed id (3 bytes) ends in connection_failed with Godot's print", async () => {
    const { multiplayer } = connectingClient(serverUrl("/send/3"));
    const log = record({ connection_failed: multiplayer.connection_failed });
    await pollUntil([multiplayer], () => log.length === 1, "connection_failed");
    expect(prints.spy).toHaveBeenCalledWith("ERROR: Invalid ID received from server");
  });

  it("authentication accepted: the right password admits the client", async () => {
    const { multiplayer } = connectingClient(authUrl(), (m) => {
      m.auth_callback = () => {};
    });
    multiplayer.peer_authenticating.connect((id) => {
      multiplayer.send_auth(id, to_utf8_buffer("secret"));
      multiplayer.complete_auth(id);
    });
    const log = record({ connected_to_server: multiplayer.connected_to_server });
    await pollUntil([multiplayer], () => log.length === 1, "connected_to_server");
    expect(multiplayer.get_peers()).toEqual([1]);
  });

  it("authentication refused: the wrong password ends in peer_authentication_failed and server_disconnected", async () => {
    const { multiplayer } = connectingClient(authUrl(), (m) => {
      m.auth_callback = () => {};
    });
    multiplayer.peer_authenticating.connect((id) => {
      multiplayer.send_auth(id, to_utf8_buffer("guess"));
      multiplayer.complete_auth(id);
    });
    const log = record({
      peer_authentication_failed: multiplayer.peer_authentication_failed,
      server_disconnected: multiplayer.server_disconnected,
      connected_to_server: multiplayer.connected_to_server,
    });
    await pollUntil(
      [multiplayer],
      () => log.some((e) => e[0] === "server_disconnected"),
      "server_disconnected",
    );
    expect(log).toEqual([["peer_authentication_failed", 1], ["server_disconnected"]]);
  });

  it("bad input gets Godot's codes and prints", async () => {
    const peer = new WebSocketMultiplayerPeer();
    expect(peer.create_client("")).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_client("ftp://x")).toBe(ERR_INVALID_PARAMETER);
    expect(peer.put_packet(new PackedByteArray([1]))).toBe(ERR_UNCONFIGURED);
    peer.set_target_peer(0.5);
    peer.handshake_timeout = -1;
    expect(peer.handshake_timeout).toBe(3);
    const [a] = (await star(1)) as [SceneMultiplayer];
    expect(a.send_bytes("text" as never)).toBe(ERR_INVALID_PARAMETER);
    expect(a.send_bytes(new PackedByteArray([1]), 2.5)).toBe(ERR_INVALID_PARAMETER);
    expect(a.multiplayer_peer!.put_packet(new PackedByteArray(70000))).toBe(6); // ERR_OUT_OF_MEMORY
    expect(prints.spy.mock.calls.length).toBeGreaterThanOrEqual(7);
  });
});
