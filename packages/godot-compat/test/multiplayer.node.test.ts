// WebSocketMultiplayerPeer and SceneMultiplayer in Node, server and clients over loopback: the star,
// every target form, the relay, authentication, disconnects, timeouts and bad input.
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import {
  CONNECT_DEFERRED,
  CONNECT_ONE_SHOT,
  CryptoKey,
  ERR_ALREADY_IN_USE,
  ERR_BUG,
  ERR_FILE_CANT_WRITE,
  ERR_INVALID_DATA,
  ERR_INVALID_PARAMETER,
  ERR_OUT_OF_MEMORY,
  ERR_UNCONFIGURED,
  MultiplayerPeer,
  OK,
  PackedByteArray,
  SceneMultiplayer,
  Signal,
  TLSOptions,
  WebSocketMultiplayerPeer,
  WebSocketPeer,
  X509Certificate,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { freePort } from "../../../test/free-port.mjs";
import { capturePrints } from "./helpers.ts";
import {
  connectClients,
  connectingClient,
  flushPackets,
  isMarker,
  newMultiplayerPeer,
  pollFor,
  pollUntil,
  record,
} from "./multiplayer-helpers.ts";

const { CONNECTION_DISCONNECTED, CONNECTION_CONNECTING, CONNECTION_CONNECTED } = MultiplayerPeer;

const prints = capturePrints();

/** A SceneMultiplayer serving on a free loopback port. */
async function startServer(setup?: (multiplayer: SceneMultiplayer, peer: WebSocketMultiplayerPeer) => void) {
  const port = await freePort();
  const peer = newMultiplayerPeer();
  const multiplayer = new SceneMultiplayer();
  setup?.(multiplayer, peer);
  expect(peer.create_server(port, "127.0.0.1")).toBe(OK);
  multiplayer.multiplayer_peer = peer;
  return { multiplayer, peer, port, url: `ws://127.0.0.1:${port}` };
}

/** A server with `count` clients (at most 3) that know each other. */
async function star(count: 1 | 2 | 3) {
  const server = await startServer();
  const clients = await connectClients(server.multiplayer, server.url, count);
  return { server, clients: clients as [SceneMultiplayer, SceneMultiplayer, SceneMultiplayer] };
}

const bytes = (...values: number[]) => new PackedByteArray(values);

describe("constants, construction and the offline default", () => {
  it("MultiplayerPeer constants read the same on the class and through an instance", () => {
    const peer = new WebSocketMultiplayerPeer();
    const expected = {
      CONNECTION_DISCONNECTED: 0,
      CONNECTION_CONNECTING: 1,
      CONNECTION_CONNECTED: 2,
      TARGET_PEER_BROADCAST: 0,
      TARGET_PEER_SERVER: 1,
      TRANSFER_MODE_UNRELIABLE: 0,
      TRANSFER_MODE_UNRELIABLE_ORDERED: 1,
      TRANSFER_MODE_RELIABLE: 2,
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(MultiplayerPeer[name as keyof typeof expected]).toBe(value);
      expect(WebSocketMultiplayerPeer[name as keyof typeof expected]).toBe(value);
      expect(peer[name as keyof typeof expected]).toBe(value);
    }
    expect(new SceneMultiplayer().RPC_MODE_AUTHORITY).toBe(2);
  });

  it("new X() and X.new() give the Node peer; defaults are Godot's", () => {
    for (const peer of [WebSocketMultiplayerPeer.new(), new WebSocketMultiplayerPeer()]) {
      expect(peer).toBeInstanceOf(WebSocketMultiplayerPeer);
      expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
      expect(peer.get_unique_id()).toBe(0);
      expect(peer.is_server()).toBe(false);
      expect(peer.is_server_relay_supported()).toBe(true);
      expect(peer.handshake_timeout).toBe(3);
      expect(peer.inbound_buffer_size).toBe(65535);
      expect(peer.outbound_buffer_size).toBe(65535);
      expect(peer.max_queued_packets).toBe(4096);
      expect(peer.supported_protocols).toEqual([]);
      expect(peer.handshake_headers).toEqual([]);
      expect(peer.transfer_mode).toBe(MultiplayerPeer.TRANSFER_MODE_RELIABLE);
      expect(peer.transfer_channel).toBe(0);
      expect(peer.refuse_new_connections).toBe(false);
      expect(peer.get_packet_mode()).toBe(MultiplayerPeer.TRANSFER_MODE_RELIABLE);
      expect(peer.get_packet_channel()).toBe(0);
    }
    expect(SceneMultiplayer.new()).toBeInstanceOf(SceneMultiplayer);
  });

  it("a new SceneMultiplayer is an offline server: id 1, no peers, send_bytes goes nowhere", () => {
    const multiplayer = new SceneMultiplayer();
    expect(multiplayer.has_multiplayer_peer()).toBe(true);
    expect(multiplayer.get_unique_id()).toBe(1);
    expect(multiplayer.is_server()).toBe(true);
    expect(multiplayer.get_peers()).toEqual([]);
    expect(multiplayer.send_bytes(bytes(1))).toBe(OK);
    expect(multiplayer.poll()).toBe(OK);
    expect(multiplayer.server_relay).toBe(true);
    expect(multiplayer.auth_timeout).toBe(3);
    expect(multiplayer.auth_callback).toBe(null);
    expect(multiplayer.get_remote_sender_id()).toBe(0);
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("generate_unique_id gives ids from 2 to 2^31-1", () => {
    const peer = new WebSocketMultiplayerPeer();
    for (let i = 0; i < 200; i++) {
      const id = peer.generate_unique_id();
      expect(Number.isInteger(id) && id >= 2 && id <= 0x7fffffff).toBe(true);
    }
  });
});

describe("the star", () => {
  it("three clients get distinct ids, peer_connected for the server and each other, connected_to_server", async () => {
    const server = await startServer();
    const serverLog = record({ peer_connected: server.multiplayer.peer_connected });
    const clients = [
      connectingClient(server.url),
      connectingClient(server.url),
      connectingClient(server.url),
    ];
    const logs = clients.map(({ multiplayer }) =>
      record({
        connected_to_server: multiplayer.connected_to_server,
        peer_connected: multiplayer.peer_connected,
      }),
    );
    expect(clients[0]!.peer.get_connection_status()).toBe(CONNECTION_CONNECTING);
    const all = [server.multiplayer, ...clients.map((c) => c.multiplayer)];
    await pollUntil(all, () => clients.every((c) => c.multiplayer.get_peers().length === 3), "a full star");
    const ids = clients.map((c) => c.multiplayer.get_unique_id());
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toBeGreaterThanOrEqual(2);
    expect(server.multiplayer.get_peers().sort()).toEqual([...ids].sort());
    expect(serverLog.map((e) => e[1]).sort()).toEqual([...ids].sort());
    clients.forEach(({ multiplayer, peer }, i) => {
      expect(peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
      expect(multiplayer.is_server()).toBe(false);
      expect(multiplayer.get_peers().sort()).toEqual([1, ...ids.filter((_, j) => j !== i)].sort());
      // connected_to_server comes first, then the server, then the others
      expect(logs[i]![0]).toEqual(["connected_to_server"]);
      expect(logs[i]![1]).toEqual(["peer_connected", 1]);
      expect(
        logs[i]!.slice(2)
          .map((e) => e[1])
          .sort(),
      ).toEqual(ids.filter((_, j) => j !== i).sort());
    });
    expect(server.peer.get_peer_address(ids[0]!)).toBe("127.0.0.1");
    expect(server.peer.get_peer_port(ids[0]!)).toBeGreaterThan(0);
    expect(server.peer.get_peer(ids[0]!)).toBeInstanceOf(WebSocketPeer);
    expect(clients[0]!.peer.get_peer(1)!.get_ready_state()).toBe(WebSocketPeer.STATE_OPEN);
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("send_bytes reaches every target form: broadcast, one peer, all but one, the server, from server and client", async () => {
    const { server, clients } = await star(3);
    const all = [server.multiplayer, ...clients];
    const [a, b, c] = clients;
    const [idA, idB, idC] = [a, b, c].map((m) => m.get_unique_id()) as [number, number, number];
    const got = new Map<SceneMultiplayer, Array<[number, number[]]>>();
    for (const m of all) {
      got.set(m, []);
      m.peer_packet.connect((id, packet) => {
        if (!isMarker(packet)) got.get(m)!.push([id, [...packet]]);
      });
    }
    const expectDelivery = async (expected: Map<SceneMultiplayer, Array<[number, number[]]>>) => {
      const count = [...expected.values()].reduce((n, list) => n + list.length, 0);
      await pollUntil(
        all,
        () => [...got.values()].reduce((n, l) => n + l.length, 0) >= count,
        `${count} packets`,
      );
      await flushPackets(server.multiplayer, clients); // nothing more arrives
      for (const m of all) expect(got.get(m)).toEqual(expected.get(m) ?? []);
      for (const m of all) got.get(m)!.length = 0;
    };

    expect(server.multiplayer.send_bytes(bytes(1))).toBe(OK); // broadcast from the server
    await expectDelivery(
      new Map([
        [a, [[1, [1]]]],
        [b, [[1, [1]]]],
        [c, [[1, [1]]]],
      ]),
    );
    expect(server.multiplayer.send_bytes(bytes(2), idB)).toBe(OK); // one peer
    await expectDelivery(new Map([[b, [[1, [2]]]]]));
    expect(server.multiplayer.send_bytes(bytes(3), -idB)).toBe(OK); // all but one
    await expectDelivery(
      new Map([
        [a, [[1, [3]]]],
        [c, [[1, [3]]]],
      ]),
    );
    expect(a.send_bytes(bytes(4))).toBe(OK); // broadcast from a client: the server and the others
    await expectDelivery(
      new Map([
        [server.multiplayer, [[idA, [4]]]],
        [b, [[idA, [4]]]],
        [c, [[idA, [4]]]],
      ]),
    );
    expect(a.send_bytes(bytes(5), idC)).toBe(OK); // client to client through the relay
    await expectDelivery(new Map([[c, [[idA, [5]]]]]));
    expect(a.send_bytes(bytes(6), -idC)).toBe(OK); // all but one, from a client
    await expectDelivery(
      new Map([
        [server.multiplayer, [[idA, [6]]]],
        [b, [[idA, [6]]]],
      ]),
    );
    expect(a.send_bytes(bytes(7), -1)).toBe(OK); // every client but the server
    await expectDelivery(
      new Map([
        [b, [[idA, [7]]]],
        [c, [[idA, [7]]]],
      ]),
    );
    expect(b.send_bytes(bytes(8), 1)).toBe(OK); // straight to the server
    await expectDelivery(new Map([[server.multiplayer, [[idB, [8]]]]]));
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("get_remote_sender_id names the sender inside peer_packet and is 0 outside", async () => {
    const {
      server,
      clients: [a, b],
    } = await star(2);
    const senders: number[] = [];
    b.peer_packet.connect(() => senders.push(b.get_remote_sender_id()));
    a.send_bytes(bytes(9), b.get_unique_id());
    await pollUntil([server.multiplayer, a, b], () => senders.length === 1, "a packet");
    expect(senders).toEqual([a.get_unique_id()]);
    expect(b.get_remote_sender_id()).toBe(0);
  });

  it("without server_relay, clients only see the server and cannot reach each other", async () => {
    const server = await startServer((m) => {
      m.server_relay = false;
    });
    const clients = [0, 1].map(() =>
      connectingClient(server.url, (m) => {
        m.server_relay = false;
      }),
    );
    const all = [server.multiplayer, ...clients.map((c) => c.multiplayer)];
    await pollUntil(all, () => server.multiplayer.get_peers().length === 2, "two clients");
    await pollUntil(all, () => clients.every((c) => c.multiplayer.get_peers().length === 1), "clients");
    await flushPackets(
      server.multiplayer,
      clients.map((c) => c.multiplayer),
    ); // no other peer is announced
    for (const { multiplayer } of clients) expect(multiplayer.get_peers()).toEqual([1]);
    const [a, b] = clients.map((c) => c.multiplayer) as [SceneMultiplayer, SceneMultiplayer];
    expect(a.send_bytes(bytes(1), b.get_unique_id())).toBe(ERR_BUG); // Godot: not a known peer
    const got: number[][] = [];
    server.multiplayer.peer_packet.connect((_id, p) => got.push([...p]));
    expect(a.send_bytes(bytes(2))).toBe(OK); // broadcast reaches the server only
    await pollUntil(all, () => got.length === 1, "the server's packet");
    expect(got).toEqual([[2]]);
  });

  it("a client that leaves is reported to the server and, through the relay, to the others", async () => {
    const {
      server,
      clients: [a, b],
    } = await star(2);
    const idA = a.get_unique_id();
    const serverLog = record({ peer_disconnected: server.multiplayer.peer_disconnected });
    const bLog = record({ peer_disconnected: b.peer_disconnected });
    a.multiplayer_peer!.close();
    await pollUntil([server.multiplayer, b], () => bLog.length === 1, "b hears that a left");
    expect(serverLog).toEqual([["peer_disconnected", idA]]);
    expect(bLog).toEqual([["peer_disconnected", idA]]);
    expect(b.get_peers()).toEqual([1]);
    expect(server.multiplayer.get_peers()).toEqual([b.get_unique_id()]);
  });
});

describe("disconnects", () => {
  it("disconnect_peer on the server closes that client: it sees server_disconnected, the server peer_disconnected", async () => {
    const {
      server,
      clients: [a, b],
    } = await star(2);
    const idA = a.get_unique_id();
    const serverLog = record({ peer_disconnected: server.multiplayer.peer_disconnected });
    const aLog = record({
      server_disconnected: a.server_disconnected,
      peer_disconnected: a.peer_disconnected,
    });
    server.peer.disconnect_peer(idA);
    await pollUntil(
      [server.multiplayer, a, b],
      () => aLog.some((e) => e[0] === "server_disconnected"),
      "a's loss",
    );
    await pollUntil([server.multiplayer, b], () => b.get_peers().length === 1, "b hears it");
    expect(serverLog).toEqual([["peer_disconnected", idA]]);
    expect(aLog).toContainEqual(["peer_disconnected", 1]);
    expect(a.multiplayer_peer!.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    expect(a.get_peers()).toEqual([]);
    expect(b.get_peers()).toEqual([1]);
  });

  it("disconnect_peer(id, true) forgets the peer at once, without peer_disconnected on the peer", async () => {
    const {
      server,
      clients: [a],
    } = await star(1);
    const idA = a.get_unique_id();
    const peerLog = record({ peer_disconnected: server.peer.peer_disconnected });
    server.peer.disconnect_peer(idA, true);
    expect(server.peer.get_peer(idA)).toBe(null); // printed
    await pollUntil(
      [server.multiplayer, a],
      () => a.multiplayer_peer!.get_connection_status() === 0,
      "a's loss",
    );
    // a's connection is gone, so no marker can follow it: polling a while gives a wrong late
    // peer_disconnected time to show.
    await pollFor([server.multiplayer], 30);
    expect(peerLog).toEqual([]);
  });

  it("SceneMultiplayer.disconnect_peer drops the peer without emitting peer_disconnected for it", async () => {
    const {
      server,
      clients: [a, b],
    } = await star(2);
    const serverLog = record({ peer_disconnected: server.multiplayer.peer_disconnected });
    server.multiplayer.disconnect_peer(a.get_unique_id());
    expect(server.multiplayer.get_peers()).toEqual([b.get_unique_id()]);
    await pollUntil([server.multiplayer, a, b], () => b.get_peers().length === 1, "b hears it");
    expect(serverLog).toEqual([]);
  });

  it("a client's disconnect_peer(1, true) ends its connection at once", async () => {
    const server = await startServer();
    const { multiplayer, peer } = connectingClient(server.url);
    await pollUntil(
      [server.multiplayer, multiplayer],
      () => multiplayer.get_peers().length === 1,
      "connected",
    );
    peer.disconnect_peer(1, true);
    expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    await pollUntil(
      [server.multiplayer],
      () => server.multiplayer.get_peers().length === 0,
      "the server sees it",
    );
  });

  it("server loss: each client gets peer_disconnected(1) then server_disconnected, and is reset", async () => {
    const server = await startServer();
    const clients = await connectClients(server.multiplayer, server.url, 2);
    const logs = clients.map((m) =>
      record({ peer_disconnected: m.peer_disconnected, server_disconnected: m.server_disconnected }),
    );
    server.peer.close();
    expect(server.peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    await pollUntil(clients, () => logs.every((l) => l.some((e) => e[0] === "server_disconnected")), "both");
    for (const [i, m] of clients.entries()) {
      expect(logs[i]!.at(-1)).toEqual(["server_disconnected"]);
      expect(logs[i]).toContainEqual(["peer_disconnected", 1]);
      expect(m.get_peers()).toEqual([]);
      expect(m.multiplayer_peer!.get_unique_id()).toBe(0);
    }
    // The server's own SceneMultiplayer reports its peer going away as server_disconnected too, as Godot does.
    const serverLog = record({ server_disconnected: server.multiplayer.server_disconnected });
    server.multiplayer.poll();
    expect(serverLog).toEqual([["server_disconnected"]]);
  });

  it("the demo's shutdown: multiplayer_peer = null then close(); a new connection works after", async () => {
    const server = await startServer();
    const { multiplayer, peer } = connectingClient(server.url);
    await pollUntil(
      [server.multiplayer, multiplayer],
      () => multiplayer.get_peers().length === 1,
      "connected",
    );
    const log = record({ server_disconnected: multiplayer.server_disconnected });
    multiplayer.multiplayer_peer = null;
    peer.close();
    expect(multiplayer.has_multiplayer_peer()).toBe(false);
    expect(log).toEqual([]);
    expect(peer.create_client(server.url)).toBe(OK);
    multiplayer.multiplayer_peer = peer;
    await pollUntil([server.multiplayer, multiplayer], () => multiplayer.get_peers().length === 1, "again");
    expect(server.multiplayer.get_peers()).toEqual([multiplayer.get_unique_id()]);
  });
});

describe("refusing, timeouts, failures", () => {
  it("refuse_new_connections: new clients fail, connected ones stay", async () => {
    const {
      server,
      clients: [a],
    } = await star(1);
    server.multiplayer.refuse_new_connections = true;
    expect(server.peer.refuse_new_connections).toBe(true);
    expect(server.multiplayer.refuse_new_connections).toBe(true);
    const { multiplayer } = connectingClient(server.url);
    const log = record({ connection_failed: multiplayer.connection_failed });
    await pollUntil([server.multiplayer, a, multiplayer], () => log.length === 1, "connection_failed");
    expect(server.multiplayer.get_peers()).toEqual([a.get_unique_id()]);
    expect(a.send_bytes(bytes(1), 1)).toBe(OK);
    server.multiplayer.refuse_new_connections = false;
    const { multiplayer: later } = connectingClient(server.url);
    await pollUntil([server.multiplayer, a, later], () => later.get_peers().length === 2, "a new client");
    expect(server.multiplayer.get_peers()).toContain(later.get_unique_id());
  });

  it("handshake_timeout: a client whose server never sends an id gives up with connection_failed", async () => {
    // A plain WebSocket server that accepts and stays silent.
    const { WebSocketServer } = await import("ws");
    const silent = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise((resolve) => silent.once("listening", resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      const peer = newMultiplayerPeer();
      peer.handshake_timeout = 0.2;
      expect(peer.create_client(`ws://127.0.0.1:${port}`)).toBe(OK);
      const multiplayer = new SceneMultiplayer();
      multiplayer.multiplayer_peer = peer;
      const log = record({ connection_failed: multiplayer.connection_failed });
      await pollUntil([multiplayer], () => log.length === 1, "connection_failed");
      expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    } finally {
      for (const ws of silent.clients) ws.terminate();
      silent.close();
    }
  });

  it("handshake_timeout on the server: a TCP connection that never upgrades is dropped", async () => {
    const server = await startServer((_m, peer) => {
      peer.handshake_timeout = 0.1;
    });
    const { createConnection } = await import("node:net");
    const socket: Socket = createConnection(server.port, "127.0.0.1");
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.on("error", () => {});
    await pollUntil([server.multiplayer], () => socket.destroyed, "the dropped socket", 5000);
    await closed;
    expect(server.multiplayer.get_peers()).toEqual([]);
  });

  it("connecting to a closed port: connection_failed", async () => {
    const { multiplayer } = connectingClient(`ws://127.0.0.1:${await freePort()}`);
    const log = record({ connection_failed: multiplayer.connection_failed });
    await pollUntil([multiplayer], () => log.length === 1, "connection_failed");
  });

  it("a port in use: create_server returns OK, TCPServer prints, and the next poll reports server_disconnected", async () => {
    const taken: Server = createTcpServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const peer = newMultiplayerPeer();
      expect(peer.create_server(port, "127.0.0.1")).toBe(OK);
      const multiplayer = new SceneMultiplayer();
      multiplayer.multiplayer_peer = peer;
      const log = record({ server_disconnected: multiplayer.server_disconnected });
      await pollUntil([multiplayer], () => log.length === 1, "server_disconnected");
      expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
      expect(prints.spy.mock.calls.join("\n")).toMatch(/could not listen/);
      expect(peer.create_server(port, "127.0.0.1")).toBe(OK); // may try again
    } finally {
      taken.close();
    }
  });

  it("create_server / create_client twice return ERR_ALREADY_IN_USE and keep the first", async () => {
    const server = await startServer();
    expect(server.peer.create_server(server.port)).toBe(ERR_ALREADY_IN_USE);
    expect(server.peer.create_client(server.url)).toBe(ERR_ALREADY_IN_USE);
    const { peer } = connectingClient(server.url);
    expect(peer.create_client(server.url)).toBe(ERR_ALREADY_IN_USE);
    expect(peer.create_server(0)).toBe(ERR_ALREADY_IN_USE);
    expect(server.peer.is_server()).toBe(true);
    expect(server.peer.get_unique_id()).toBe(1);
  });
});

describe("authentication", () => {
  /** Both sides authenticate: the client sends a password, the server checks it. */
  async function authenticate(password: string) {
    const server = await startServer((m) => {
      m.auth_callback = (id, data) => {
        if (data.get_string_from_utf8() === "secret") server.multiplayer.complete_auth(id);
        else server.multiplayer.disconnect_peer(id);
      };
    });
    const serverLog = record({
      peer_authenticating: server.multiplayer.peer_authenticating,
      peer_authentication_failed: server.multiplayer.peer_authentication_failed,
      peer_connected: server.multiplayer.peer_connected,
    });
    const { multiplayer: client } = connectingClient(server.url, (m) => {
      m.auth_callback = () => {};
    });
    const clientLog = record({
      peer_authenticating: client.peer_authenticating,
      peer_authentication_failed: client.peer_authentication_failed,
      connected_to_server: client.connected_to_server,
      server_disconnected: client.server_disconnected,
    });
    client.peer_authenticating.connect((id) => {
      expect(client.get_authenticating_peers()).toEqual([1]);
      expect(client.send_auth(id, new TextEncoder().encode(password))).toBe(OK);
      expect(client.complete_auth(id)).toBe(OK);
      expect(client.send_auth(id, bytes(1))).toBe(ERR_FILE_CANT_WRITE);
      expect(client.complete_auth(id)).toBe(ERR_FILE_CANT_WRITE);
    });
    return { server, serverLog, client, clientLog };
  }

  it("accepted: both sides complete, then connected_to_server and peer_connected", async () => {
    const { server, serverLog, client, clientLog } = await authenticate("secret");
    await pollUntil(
      [server.multiplayer, client],
      () => clientLog.some((e) => e[0] === "connected_to_server"),
      "in",
    );
    await pollUntil(
      [server.multiplayer, client],
      () => server.multiplayer.get_peers().length === 1,
      "admitted",
    );
    const id = client.get_unique_id();
    expect(serverLog).toEqual([
      ["peer_authenticating", id],
      ["peer_connected", id],
    ]);
    expect(clientLog).toEqual([["peer_authenticating", 1], ["connected_to_server"]]);
    expect(client.get_authenticating_peers()).toEqual([]);
    expect(server.multiplayer.get_authenticating_peers()).toEqual([]);
    expect(client.send_bytes(bytes(1))).toBe(OK);
  });

  it("refused: the server drops the peer; the client sees peer_authentication_failed and server_disconnected", async () => {
    const { server, serverLog, client, clientLog } = await authenticate("wrong");
    await pollUntil(
      [server.multiplayer, client],
      () => clientLog.some((e) => e[0] === "server_disconnected"),
      "out",
    );
    expect(clientLog).toEqual([
      ["peer_authenticating", 1],
      ["peer_authentication_failed", 1],
      ["server_disconnected"],
    ]);
    expect(serverLog).toEqual([
      ["peer_authenticating", client.multiplayer_peer!.get_unique_id() || serverLog[0]![1]],
    ]);
    expect(server.multiplayer.get_peers()).toEqual([]);
  });

  it("auth_timeout: a peer that never authenticates fails on both sides", async () => {
    const server = await startServer((m) => {
      m.auth_callback = () => {};
      m.auth_timeout = 0.1;
    });
    const serverLog = record({ peer_authentication_failed: server.multiplayer.peer_authentication_failed });
    const { multiplayer: client } = connectingClient(server.url, (m) => {
      m.auth_callback = () => {};
      m.auth_timeout = 0; // no limit on this side
    });
    const clientLog = record({ server_disconnected: client.server_disconnected });
    await pollUntil([server.multiplayer, client], () => clientLog.length === 1, "the client's loss");
    expect(serverLog.length).toBe(1);
  });

  it("a peer that sends anything but authentication while authenticating is dropped with a print", async () => {
    const server = await startServer((m) => {
      m.auth_callback = () => {};
    });
    const { multiplayer: client, peer } = connectingClient(server.url);
    await pollUntil(
      [server.multiplayer, client],
      () => client.get_peers().length === 1,
      "the client thinks it is in",
    );
    expect(peer.put_packet(bytes(3, 1, 2))).toBe(OK); // a raw packet, not authentication
    await pollUntil(
      [server.multiplayer, client],
      () => /other than authentication/.test(prints.spy.mock.calls.join("\n")),
      "the server's print",
    );
    expect(server.multiplayer.get_authenticating_peers()).toEqual([client.get_unique_id()]);
  });
});

describe("bad input: Godot's error codes and prints, never a throw", () => {
  it("WebSocketMultiplayerPeer methods", async () => {
    const peer = newMultiplayerPeer();
    expect(peer.create_client("")).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_client("http://127.0.0.1:1")).toBe(ERR_INVALID_PARAMETER);
    expect(
      peer.create_client("ws://127.0.0.1:1", TLSOptions.server(new CryptoKey(), new X509Certificate())),
    ).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_client(42 as never)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_server(-1)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_server(70000)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_server(1.5)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_server("8080" as never)).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_server(0, "not an address")).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_server(0, "*", TLSOptions.client())).toBe(ERR_INVALID_PARAMETER);
    expect(peer.create_server(0, "*", {} as never)).toBe(ERR_INVALID_PARAMETER);
    // Server TLS options serve wss:// (multiplayer-tls.node.test.ts); unloaded ones fail per connection.
    expect(
      peer.create_server(0, "127.0.0.1", TLSOptions.server(new CryptoKey(), new X509Certificate())),
    ).toBe(OK);
    peer.close();
    expect(peer.get_connection_status()).toBe(CONNECTION_DISCONNECTED);
    expect(peer.is_server()).toBe(false); // nothing left listening
    // Disconnected: no packets in or out.
    expect(peer.put_packet(bytes(1))).toBe(ERR_UNCONFIGURED);
    expect(peer.put_var(1)).toBe(ERR_UNCONFIGURED);
    expect(peer.get_packet().length).toBe(0);
    expect(peer.get_packet_error()).toBe(ERR_UNCONFIGURED);
    expect(peer.get_var()).toBe(null);
    expect(peer.get_available_packet_count()).toBe(0);
    expect(peer.get_packet_peer()).toBe(1);
    expect(peer.get_peer(1)).toBe(null);
    expect(peer.get_peer_address(1)).toBe("");
    expect(peer.get_peer_port(1)).toBe(0);
    peer.disconnect_peer(1);
    peer.disconnect_peer(1.5 as never);
    peer.poll();
    peer.close();
    // Properties keep their value on bad input.
    peer.handshake_timeout = 0;
    peer.handshake_timeout = -1;
    peer.handshake_timeout = "3" as never;
    expect(peer.handshake_timeout).toBe(3);
    peer.transfer_mode = 3 as never;
    peer.transfer_channel = 256;
    peer.transfer_channel = -1;
    peer.refuse_new_connections = 1 as never;
    expect([peer.transfer_mode, peer.transfer_channel, peer.refuse_new_connections]).toEqual([2, 0, false]);
    peer.inbound_buffer_size = Object.create(null);
    peer.outbound_buffer_size = "big" as never;
    peer.max_queued_packets = 1.5;
    expect([peer.inbound_buffer_size, peer.outbound_buffer_size, peer.max_queued_packets]).toEqual([
      65535, 65535, 4096,
    ]);
    peer.supported_protocols = "chat" as never;
    peer.handshake_headers = [1] as never;
    expect([peer.supported_protocols, peer.handshake_headers]).toEqual([[], []]);
    peer.set_target_peer(1.5);
    peer.set_target_peer("2" as never);
    peer.set_target_peer(2 ** 40);
    expect(prints.spy.mock.calls.every((call) => String(call[0]).startsWith("ERROR: "))).toBe(true);
  });

  it("a connected server: unknown target, wrong types, oversized packets; nothing already queued is lost", async () => {
    const server = await startServer();
    const { multiplayer: client, peer } = connectingClient(server.url);
    await pollUntil(
      [server.multiplayer, client],
      () => server.multiplayer.get_peers().length === 1,
      "a client",
    );
    const id = client.get_unique_id();
    const got: number[][] = [];
    client.peer_packet.connect((_from, p) => got.push([...p]));
    expect(server.multiplayer.send_bytes(bytes(1), id)).toBe(OK); // queued before the bad calls
    server.peer.set_target_peer(12345);
    expect(server.peer.put_packet(bytes(3, 9))).toBe(ERR_INVALID_PARAMETER); // Peer not found
    expect(server.peer.put_packet("text" as never)).toBe(ERR_INVALID_PARAMETER);
    expect(server.peer.put_packet(new PackedByteArray(70000))).toBe(ERR_OUT_OF_MEMORY);
    expect(server.peer.put_var(() => 1)).toBe(ERR_INVALID_DATA);
    expect(server.peer.get_peer(12345)).toBe(null);
    expect(server.multiplayer.send_bytes(bytes(1), 12345)).toBe(ERR_BUG); // Godot's code for an unknown peer
    expect(server.multiplayer.send_bytes(new PackedByteArray(0))).toBe(ERR_INVALID_DATA);
    expect(server.multiplayer.send_bytes([1, 2] as never)).toBe(ERR_INVALID_PARAMETER);
    expect(server.multiplayer.send_bytes(bytes(1), 1.5)).toBe(ERR_INVALID_PARAMETER);
    expect(server.multiplayer.send_bytes(bytes(1), 0, 7 as never)).toBe(ERR_INVALID_PARAMETER);
    expect(server.multiplayer.send_bytes(bytes(1), 0, 2, -1)).toBe(ERR_INVALID_PARAMETER);
    expect(server.multiplayer.send_bytes(bytes(2), id)).toBe(OK);
    await pollUntil([server.multiplayer, client], () => got.length === 2, "both good packets");
    expect(got).toEqual([[1], [2]]);
    expect(peer.get_connection_status()).toBe(CONNECTION_CONNECTED);
  });

  it("SceneMultiplayer methods", async () => {
    const multiplayer = new SceneMultiplayer();
    multiplayer.multiplayer_peer = new WebSocketMultiplayerPeer(); // disconnected: refused with a print
    expect(multiplayer.get_unique_id()).toBe(1); // still the offline peer
    multiplayer.multiplayer_peer = {} as never;
    expect(multiplayer.get_unique_id()).toBe(1);
    expect(multiplayer.send_auth(2, bytes(1))).toBe(ERR_INVALID_PARAMETER); // not authenticating
    expect(multiplayer.complete_auth(2)).toBe(ERR_INVALID_PARAMETER);
    multiplayer.auth_callback = "cb" as never;
    multiplayer.auth_timeout = -1;
    multiplayer.server_relay = "yes" as never;
    expect([multiplayer.auth_callback, multiplayer.auth_timeout, multiplayer.server_relay]).toEqual([
      null,
      3,
      true,
    ]);
    multiplayer.disconnect_peer(1.5);
    multiplayer.multiplayer_peer = null;
    expect(multiplayer.get_unique_id()).toBe(0);
    expect(multiplayer.get_peers()).toEqual([]);
    expect(multiplayer.is_server()).toBe(false);
    expect(multiplayer.refuse_new_connections).toBe(false);
    multiplayer.refuse_new_connections = true;
    expect(multiplayer.send_bytes(bytes(1))).toBe(ERR_UNCONFIGURED);
    expect(multiplayer.send_auth(2, bytes(1))).toBe(ERR_UNCONFIGURED);
    expect(multiplayer.complete_auth(2)).toBe(ERR_UNCONFIGURED);
    expect(SceneMultiplayer._sendCommand(multiplayer, 0, bytes(0))).toBe(ERR_UNCONFIGURED);
    multiplayer.disconnect_peer(2);
    expect(multiplayer.poll()).toBe(OK);
    // A client still connecting cannot send.
    const { multiplayer: connecting } = connectingClient(`ws://127.0.0.1:${await freePort()}`);
    expect(connecting.send_bytes(bytes(1))).toBe(ERR_UNCONFIGURED);
    expect(prints.spy.mock.calls.length).toBeGreaterThan(15);
  });

  it("Signal: connect twice, disconnect unknown, non-callables; a throwing callable does not stop the others", () => {
    const multiplayer = new SceneMultiplayer();
    const calls: number[] = [];
    const first = (id: number) => {
      calls.push(id);
      throw new Error("boom");
    };
    const second = (id: number) => calls.push(id * 10);
    expect(multiplayer.peer_connected.connect(first)).toBe(OK);
    expect(multiplayer.peer_connected.connect(first)).toBe(ERR_INVALID_PARAMETER);
    expect(multiplayer.peer_connected.connect("f" as never)).toBe(ERR_INVALID_PARAMETER);
    multiplayer.peer_connected.connect(second);
    expect(multiplayer.peer_connected.is_connected(first)).toBe(true);
    multiplayer.peer_connected.emit(2);
    expect(calls).toEqual([2, 20]);
    multiplayer.peer_connected.disconnect(first);
    multiplayer.peer_connected.disconnect(first); // prints
    expect(multiplayer.peer_connected.is_connected(first)).toBe(false);
    expect(multiplayer.peer_connected.get_connections()).toEqual([
      { signal: multiplayer.peer_connected, callable: second, flags: 0 },
    ]);
    expect(multiplayer.peer_connected.get_name()).toBe("peer_connected");
    expect(multiplayer.peer_connected.connect(second, 1.5)).toBe(ERR_INVALID_PARAMETER);
    expect(prints.spy).toHaveBeenCalledTimes(5);
  });

  it("Signal flags: CONNECT_ONE_SHOT disconnects on the first call, CONNECT_DEFERRED calls after the emitter's work", async () => {
    const signal = new Signal<[number]>("moved");
    const calls: string[] = [];
    const once = (n: number) => calls.push(`once ${n}`);
    const later = (n: number) => calls.push(`later ${n}`);
    expect(signal.connect(once, CONNECT_ONE_SHOT)).toBe(OK);
    expect(signal.connect(later, CONNECT_DEFERRED)).toBe(OK);
    signal.emit(1);
    calls.push("emitted");
    signal.emit(2);
    expect(signal.is_connected(once)).toBe(false);
    await Promise.resolve();
    expect(calls).toEqual(["once 1", "emitted", "later 1", "later 2"]);
  });
});
