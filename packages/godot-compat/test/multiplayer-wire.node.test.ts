// Godot 4's multiplayer protocol byte for byte, with a raw `ws` peer playing the Godot side:
// raw clients against a wsport server, and a raw server against a wsport client.
import { OK, PackedByteArray, SceneMultiplayer } from "@wsport/godot-compat";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { freePort } from "../../../test/free-port.mjs";
import { capturePrints } from "./helpers.ts";
import { connectingClient, newMultiplayerPeer, pollUntil, record } from "./multiplayer-helpers.ts";

const prints = capturePrints();

/** Little-endian int32 bytes. */
function le32(n: number): number[] {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return [...b];
}

/** A raw WebSocket and every binary message it received, in order. */
function rawClient(url: string, protocols: string[] = []) {
  const ws = new WebSocket(url, protocols);
  const received: number[][] = [];
  ws.on("message", (data: Buffer, isBinary) => {
    expect(isBinary).toBe(true);
    received.push([...data]);
  });
  ws.on("error", () => {});
  raws.push(ws);
  return { ws, received };
}

const raws: WebSocket[] = [];
const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const ws of raws.splice(0)) ws.terminate();
  for (const server of servers.splice(0)) {
    for (const ws of server.clients) ws.terminate();
    server.close();
  }
});

describe("a wsport server, raw clients", () => {
  it("greets with a 4-byte id, announces peers, frames RAW and relays exactly as Godot", async () => {
    const peer = newMultiplayerPeer();
    peer.supported_protocols = ["ludus"];
    const port = await freePort();
    expect(peer.create_server(port, "127.0.0.1")).toBe(OK);
    const server = new SceneMultiplayer();
    server.multiplayer_peer = peer;
    const url = `ws://127.0.0.1:${port}`;
    const joined: number[] = [];
    const packets: Array<[number, number[]]> = [];
    server.peer_connected.connect((id) => joined.push(id));
    server.peer_packet.connect((id, p) => packets.push([id, [...p]]));

    const a = rawClient(url, ["ludus"]);
    await pollUntil([server], () => a.received.length === 1 && joined.length === 1, "a's id");
    expect(a.ws.protocol).toBe("ludus");
    expect(a.received[0]!.length).toBe(4);
    const idA = Buffer.from(a.received[0]!).readInt32LE();
    expect(idA).toBeGreaterThanOrEqual(2);
    expect(joined).toEqual([idA]);

    const b = rawClient(url, ["ludus"]);
    await pollUntil([server], () => b.received.length === 2 && a.received.length === 2, "the announcements");
    const idB = Buffer.from(b.received[0]!).readInt32LE();
    expect(b.received[0]).toEqual(le32(idB));
    expect(b.received[1]).toEqual([7, 1, ...le32(idA)]); // SYS, ADD_PEER, the other client
    expect(a.received[1]).toEqual([7, 1, ...le32(idB)]);

    expect(server.send_bytes(new PackedByteArray([0xaa, 0xbb]), idA)).toBe(OK);
    await pollUntil([server], () => a.received.length === 3, "the raw packet");
    expect(a.received[2]).toEqual([3, 0xaa, 0xbb]); // RAW, payload

    a.ws.send(Buffer.from([3, 1, 2]));
    await pollUntil([server], () => packets.length === 1, "a's raw packet");
    expect(packets).toEqual([[idA, [1, 2]]]);

    a.ws.send(Buffer.from([7, 3, ...le32(idB), 3, 9, 9])); // SYS, RELAY, to b, RAW, payload
    await pollUntil([server], () => b.received.length === 3, "the relayed packet");
    expect(b.received[2]).toEqual([7, 3, ...le32(idA), 3, 9, 9]); // the target replaced by the source
    expect(packets.length).toBe(1);

    a.ws.send(Buffer.from([7, 3, ...le32(0), 3, 5])); // relayed broadcast: the server too
    await pollUntil([server], () => b.received.length === 4 && packets.length === 2, "the broadcast");
    expect(b.received[3]).toEqual([7, 3, ...le32(idA), 3, 5]);
    expect(packets[1]).toEqual([idA, [5]]);

    a.ws.close();
    await pollUntil([server], () => b.received.length === 5, "a's departure");
    expect(b.received[4]).toEqual([7, 2, ...le32(idA)]); // SYS, DEL_PEER
    expect(prints.spy).not.toHaveBeenCalled();
  });
});

describe("a raw server, a wsport client", () => {
  /** A raw server that sends `greeting` to each client first; resolves with its URL. */
  async function rawServer(greeting: number[]) {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    servers.push(wss);
    const received: number[][] = [];
    const sockets: WebSocket[] = [];
    wss.on("connection", (ws) => {
      sockets.push(ws);
      ws.on("message", (data: Buffer) => received.push([...data]));
      ws.send(Buffer.from(greeting));
    });
    await new Promise((resolve) => wss.once("listening", resolve));
    const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
    return { url, received, sockets, send: (bytes: number[]) => sockets[0]!.send(Buffer.from(bytes)) };
  }

  it("takes its id from the greeting, learns peers from ADD_PEER/DEL_PEER, frames what it sends", async () => {
    const raw = await rawServer(le32(12345));
    const { multiplayer, peer } = connectingClient(raw.url);
    const log = record({
      connected_to_server: multiplayer.connected_to_server,
      peer_connected: multiplayer.peer_connected,
      peer_disconnected: multiplayer.peer_disconnected,
    });
    const packets: Array<[number, number[], number]> = [];
    multiplayer.peer_packet.connect((id, p) =>
      packets.push([id, [...p], multiplayer.get_remote_sender_id()]),
    );
    await pollUntil([multiplayer], () => log.length === 2, "connected_to_server");
    expect(peer.get_unique_id()).toBe(12345);
    expect(multiplayer.get_unique_id()).toBe(12345);
    expect(log).toEqual([["connected_to_server"], ["peer_connected", 1]]);

    raw.send([7, 1, ...le32(77)]);
    await pollUntil([multiplayer], () => log.length === 3, "peer 77");
    expect(log[2]).toEqual(["peer_connected", 77]);
    expect(multiplayer.get_peers().sort()).toEqual([1, 77]);

    expect(multiplayer.send_bytes(new PackedByteArray([5]), 77)).toBe(OK);
    expect(multiplayer.send_bytes(new PackedByteArray([6]), 1)).toBe(OK);
    expect(multiplayer.send_bytes(new PackedByteArray([7]))).toBe(OK);
    expect(multiplayer.send_bytes(new PackedByteArray([8]), -77)).toBe(OK);
    await pollUntil([multiplayer], () => raw.received.length === 4, "four messages");
    expect(raw.received).toEqual([
      [7, 3, ...le32(77), 3, 5], // through the relay to 77
      [3, 6], // straight to the server
      [7, 3, ...le32(0), 3, 7], // relayed broadcast
      [7, 3, ...le32(-77), 3, 8], // relayed all-but-77
    ]);

    raw.send([7, 3, ...le32(77), 3, 8]); // relayed from 77
    raw.send([3, 4]); // from the server
    await pollUntil([multiplayer], () => packets.length === 2, "two packets");
    expect(packets).toEqual([
      [77, [8], 77],
      [1, [4], 1],
    ]);

    raw.send([7, 2, ...le32(77)]);
    await pollUntil([multiplayer], () => log.length === 4, "77 leaves");
    expect(log[3]).toEqual(["peer_disconnected", 77]);
    expect(multiplayer.get_peers()).toEqual([1]);
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it.each([
    ["3 bytes", [1, 2, 3]],
    ["5 bytes", [2, 0, 0, 0, 0]],
    ["id 1", le32(1)],
    ["id 0", le32(0)],
    ["a negative id", le32(-5)],
  ])("a malformed greeting (%s) ends in connection_failed with Godot's print", async (_name, greeting) => {
    const raw = await rawServer(greeting);
    const { multiplayer, peer } = connectingClient(raw.url);
    const log = record({ connection_failed: multiplayer.connection_failed });
    await pollUntil([multiplayer], () => log.length === 1, "connection_failed");
    expect(peer.get_unique_id()).toBe(0);
    expect(prints.spy).toHaveBeenCalledWith("ERROR: Invalid ID received from server");
  });

  it("authentication on the wire: [SYS, AUTH, data] and an empty [SYS, AUTH] to complete", async () => {
    const raw = await rawServer(le32(4242));
    const seen: Array<[number, number[]]> = [];
    const { multiplayer } = connectingClient(raw.url, (m) => {
      m.auth_callback = (id, data) => seen.push([id, [...data]]);
    });
    const log = record({
      peer_authenticating: multiplayer.peer_authenticating,
      connected_to_server: multiplayer.connected_to_server,
    });
    await pollUntil([multiplayer], () => log.length === 1, "peer_authenticating");
    expect(multiplayer.send_auth(1, new PackedByteArray([1, 2]))).toBe(OK);
    expect(multiplayer.complete_auth(1)).toBe(OK);
    raw.send([7, 0, 9]);
    await pollUntil([multiplayer], () => seen.length === 1 && raw.received.length === 2, "the exchange");
    expect(raw.received).toEqual([
      [7, 0, 1, 2],
      [7, 0],
    ]);
    expect(seen).toEqual([[1, [9]]]);
    expect(log).toEqual([["peer_authenticating", 1]]);
    raw.send([7, 0]); // the server completes too: admitted
    await pollUntil([multiplayer], () => log.length === 2, "connected_to_server");
    expect(multiplayer.get_peers()).toEqual([1]);
  });
});
