// WebSocketMultiplayerPeer.create_server with TLSOptions.server(key, certificate): a wss:// star.
// Each connection goes through StreamPeerTLS.accept_stream, then WebSocketPeer.accept_stream, as in
// Godot's websocket_multiplayer_peer.cpp; handshake_timeout covers both handshakes.
import { connect as netConnect } from "node:net";
import {
  CryptoKey,
  type GodotError,
  MultiplayerPeer,
  OK,
  PackedByteArray,
  SceneMultiplayer,
  TLSOptions,
  WebSocketMultiplayerPeer,
  X509Certificate,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { freePort } from "../../../test/free-port.mjs";
import { capturePrints } from "./helpers.ts";
import { newMultiplayerPeer, pollFor, pollUntil, record } from "./multiplayer-helpers.ts";
import { rawSockets, selfSigned } from "./tls-fixtures.ts";

const { CONNECTION_CONNECTED, CONNECTION_DISCONNECTED } = MultiplayerPeer;

const prints = capturePrints();
const pair = selfSigned();
const sockets = rawSockets();

/** A SceneMultiplayer serving wss:// on a free loopback port. */
async function startTlsServer(options = TLSOptions.server(pair.key, pair.cert)) {
  const port = await freePort();
  const peer = newMultiplayerPeer();
  const multiplayer = new SceneMultiplayer();
  const status: GodotError = peer.create_server(port, "127.0.0.1", options);
  expect(status).toBe(OK);
  multiplayer.multiplayer_peer = peer;
  return { multiplayer, peer, port };
}

/** A client of `url` with `tls` options (its SceneMultiplayer and peer). */
function tlsClient(url: string, tls: TLSOptions | null) {
  const peer = newMultiplayerPeer();
  expect(peer.create_client(url, tls)).toBe(OK);
  const multiplayer = new SceneMultiplayer();
  multiplayer.multiplayer_peer = peer;
  return { multiplayer, peer };
}

describe("create_server with TLSOptions.server (wss://)", () => {
  it("clients that trust the certificate join over wss:// and packets flow both ways", async () => {
    const server = await startTlsServer();
    const url = `wss://127.0.0.1:${server.port}`;
    // One trusts the certificate as its chain (the name is overridden: it says CN=myserver),
    // the other skips the check, as Godot's TLSOptions.client_unsafe() does.
    const a = tlsClient(url, TLSOptions.client(pair.cert, "myserver"));
    const b = tlsClient(url, TLSOptions.client_unsafe());
    const all = [server.multiplayer, a.multiplayer, b.multiplayer];
    await pollUntil(
      all,
      () => server.multiplayer.get_peers().length === 2 && a.multiplayer.get_peers().length === 2,
      "two wss:// clients that know each other",
    );
    const idA = a.multiplayer.get_unique_id();
    const idB = b.multiplayer.get_unique_id();
    expect(a.peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
    expect(server.multiplayer.get_peers().sort()).toEqual([idA, idB].sort());

    const got: Array<[string, number, number[]]> = [];
    for (const [name, m] of [
      ["server", server.multiplayer],
      ["a", a.multiplayer],
      ["b", b.multiplayer],
    ] as const) {
      m.peer_packet.connect((id, packet) => got.push([name, id, [...packet]]));
    }
    expect(server.multiplayer.send_bytes(new PackedByteArray([1, 2, 3]), idA)).toBe(OK);
    expect(b.multiplayer.send_bytes(new PackedByteArray([4]), 1)).toBe(OK);
    expect(a.multiplayer.send_bytes(new PackedByteArray([5]), idB)).toBe(OK); // relayed by the server
    await pollUntil(all, () => got.length === 3, "three packets over wss://");
    expect(got.sort()).toEqual(
      [
        ["a", 1, [1, 2, 3]],
        ["b", idA, [5]],
        ["server", idB, [4]],
      ].sort(),
    );
    expect(server.peer.get_peer(idA)!.get_connected_host()).toBe("127.0.0.1");
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("a client that does not trust the certificate, and a plain ws:// client, never become peers", async () => {
    const server = await startTlsServer();
    const serverLog = record({ peer_connected: server.multiplayer.peer_connected });
    const strict = tlsClient(`wss://127.0.0.1:${server.port}`, TLSOptions.client());
    const plain = tlsClient(`ws://127.0.0.1:${server.port}`, null);
    const strictLog = record({ connection_failed: strict.multiplayer.connection_failed });
    const plainLog = record({ connection_failed: plain.multiplayer.connection_failed });
    const all = [server.multiplayer, strict.multiplayer, plain.multiplayer];
    await pollUntil(all, () => strictLog.length === 1 && plainLog.length === 1, "both clients to fail");
    // No wait for "nothing more": both clients' connections have ended, so neither can still complete
    // a handshake and become the server's peer.
    expect(strict.peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    expect(plain.peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    expect(serverLog).toEqual([]);
    expect(server.multiplayer.get_peers()).toEqual([]);
    // The server stays up and prints each failed TLS handshake, as Godot does.
    expect(server.peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
    expect(prints.spy.mock.calls.flat().join("\n")).toMatch(/TLS handshake error/);
  });

  it("a TCP client that never starts its TLS handshake is dropped after handshake_timeout", async () => {
    const server = await startTlsServer();
    server.peer.handshake_timeout = 0.2;
    const socket = netConnect(server.port, "127.0.0.1");
    sockets.push(socket);
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    let ended = false;
    void closed.then(() => {
      ended = true;
    });
    await pollUntil([server.multiplayer], () => ended, "the server to drop the silent connection", 4000);
    expect(server.multiplayer.get_peers()).toEqual([]);
    expect(server.peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
  });

  it("server TLS options without a key or certificate: create_server is OK, each connection fails with a print", async () => {
    const server = await startTlsServer(TLSOptions.server(new CryptoKey(), new X509Certificate()));
    const client = tlsClient(`wss://127.0.0.1:${server.port}`, TLSOptions.client_unsafe());
    const log = record({ connection_failed: client.multiplayer.connection_failed });
    await pollUntil([server.multiplayer, client.multiplayer], () => log.length === 1, "the client to fail");
    expect(server.multiplayer.get_peers()).toEqual([]);
    expect(prints.spy.mock.calls.flat().join("\n")).toMatch(/needs a loaded private key and certificate/);
  });

  it("close() drops connections still in their TLS handshake", async () => {
    const server = await startTlsServer();
    const socket = netConnect(server.port, "127.0.0.1");
    sockets.push(socket);
    let ended = false;
    socket.once("close", () => {
      ended = true;
    });
    // Polling for a while lets the server take the connection and wait for a ClientHello that never
    // comes; that state is not observable, so this wait is a fixed one.
    await pollFor([server.multiplayer], 150);
    expect(ended).toBe(false);
    server.peer.close();
    await pollUntil([], () => ended, "the TCP connection to be closed");
    expect(server.peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
  });

  it("create_server refuses client TLS options and anything that is not TLSOptions", () => {
    const peer = WebSocketMultiplayerPeer.new();
    expect(peer.create_server(0, "127.0.0.1", TLSOptions.client())).not.toBe(OK);
    expect(peer.create_server(0, "127.0.0.1", "tls" as never)).not.toBe(OK);
    expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    expect(prints.spy).toHaveBeenCalledTimes(2);
  });
});
