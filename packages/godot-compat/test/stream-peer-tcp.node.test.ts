// StreamPeerTCP as a client (connect_to_host, bind) and StreamPeer I/O in both byte orders across a
// real TCP connection on loopback: a TCPServer's StreamPeerTCP on one side, connect_to_host's on the other.
import { createServer, type Server } from "node:net";
import {
  ERR_ALREADY_IN_USE,
  ERR_INVALID_PARAMETER,
  ERR_UNAVAILABLE,
  FAILED,
  OK,
  PackedByteArray,
  SocketServer,
  StreamPeerSocket,
  StreamPeerTCP,
  TCPServer,
  Vector3,
} from "@wsport/godot-compat";
import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "../../../test/events.ts";
import { until } from "../../../test/until.mjs";
import { capturePrints } from "./helpers.ts";

const { STATUS_NONE, STATUS_CONNECTING, STATUS_CONNECTED, STATUS_ERROR } = StreamPeerTCP;
const prints = capturePrints();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A connected pair: [server side from TCPServer, client side from connect_to_host]. */
async function pair(): Promise<[StreamPeerTCP, StreamPeerTCP]> {
  const server = TCPServer.new();
  cleanups.push(() => server.stop());
  expect(server.listen(0, "127.0.0.1")).toBe(OK);
  await until(() => server.is_listening(), "listening");
  const client = StreamPeerTCP.new();
  cleanups.push(() => client.disconnect_from_host());
  expect(client.connect_to_host("127.0.0.1", server.get_local_port())).toBe(OK);
  expect([STATUS_CONNECTING, STATUS_CONNECTED]).toContain(client.get_status());
  await until(() => server.is_connection_available(), "a connection");
  const accepted = server.take_connection()!;
  cleanups.push(() => accepted.disconnect_from_host());
  await until(() => client.get_status() === STATUS_CONNECTED, "STATUS_CONNECTED");
  expect(client.get_connected_host()).toBe("127.0.0.1");
  expect(client.get_connected_port()).toBe(server.get_local_port());
  expect(client.get_local_port()).toBe(accepted.get_connected_port());
  return [accepted, client];
}

function writeAll(peer: StreamPeerTCP): void {
  peer.put_8(-5);
  peer.put_u16(0xbeef);
  peer.put_32(-70000);
  peer.put_u64(2n ** 60n + 1n);
  peer.put_float(0.25);
  peer.put_double(Math.PI);
  peer.put_string("ascii");
  peer.put_utf8_string("ünï");
  peer.put_var({ at: new Vector3(1, 2, 3), hp: 100 });
  expect(peer.put_data(new PackedByteArray([9, 8, 7]))).toBe(OK);
}

function readAll(peer: StreamPeerTCP): unknown[] {
  return [
    peer.get_8(),
    peer.get_u16(),
    peer.get_32(),
    peer.get_u64(),
    peer.get_float(),
    peer.get_double(),
    peer.get_string(),
    peer.get_utf8_string(),
    peer.get_var(),
    [...peer.get_data(3)[1]],
  ];
}

const EXPECTED = [
  -5,
  0xbeef,
  -70000,
  2n ** 60n + 1n,
  0.25,
  Math.PI,
  "ascii",
  "ünï",
  { at: new Vector3(1, 2, 3), hp: 100 },
  [9, 8, 7],
];

describe("StreamPeer I/O across real TCP", () => {
  for (const bigEndian of [false, true]) {
    it(`every put_/get_ in ${bigEndian ? "big" : "little"}-endian, both directions`, async () => {
      const [server, client] = await pair();
      for (const [from, to] of [
        [client, server],
        [server, client],
      ] as const) {
        from.big_endian = bigEndian;
        to.big_endian = bigEndian;
        writeAll(from);
        // 1 + 2 + 4 + 8 + 4 + 8 + (4 + 5) + (4 + 6) + put_var + 3
        await until(() => to.get_available_bytes() >= 59 + 4 + 40, "all the bytes");
        expect(readAll(to)).toEqual(EXPECTED);
        expect(to.get_available_bytes()).toBe(0);
      }
    });
  }

  it("the byte order shows on the wire", async () => {
    const [server, client] = await pair();
    client.big_endian = true;
    client.put_u32(0x01020304);
    client.big_endian = false;
    client.put_u32(0x01020304);
    await until(() => server.get_available_bytes() >= 8, "8 bytes");
    expect([...server.get_partial_data(100)[1]]).toEqual([1, 2, 3, 4, 4, 3, 2, 1]);
  });

  it("a read that asks for more than has arrived takes nothing (a port cannot wait)", async () => {
    const [server, client] = await pair();
    client.put_u16(7);
    await until(() => server.get_available_bytes() >= 2, "2 bytes");
    expect(server.get_data(4)).toEqual([ERR_UNAVAILABLE, new PackedByteArray(0)]);
    expect(server.get_u32()).toBe(0);
    expect(server.get_var()).toBe(null);
    expect(server.get_u16()).toBe(7);
  });

  it("a close by the other side shows after poll(); bytes that arrived stay readable", async () => {
    const [server, client] = await pair();
    client.put_u8(42);
    await until(() => server.get_available_bytes() === 1, "1 byte");
    client.disconnect_from_host();
    expect(client.get_status()).toBe(STATUS_NONE);
    await until(() => server.poll() === OK && server.get_status() === STATUS_NONE, "STATUS_NONE");
    expect(server.get_u8()).toBe(42);
    expect(server.get_data(1)[0]).toBe(FAILED);
    expect(server.put_data(new Uint8Array([1]))).toBe(FAILED);
  });
});

describe("connect_to_host and bind", () => {
  it("a refused connection ends in STATUS_ERROR with an error print on poll", async () => {
    const port = Number(new URL(refusedUrl()).port);
    const peer = StreamPeerTCP.new();
    expect(peer.connect_to_host("127.0.0.1", port)).toBe(OK);
    await until(() => peer.get_status() === STATUS_ERROR, "STATUS_ERROR");
    expect(peer.poll()).toBe(OK);
    expect(prints.spy.mock.calls.flat().join("\n")).toContain("ECONNREFUSED");
    peer.disconnect_from_host();
    expect(peer.get_status()).toBe(STATUS_NONE);
  });

  it("bind() sets the local port of the next connection", async () => {
    const plain: Server = createServer((socket) => socket.destroy());
    cleanups.push(() => plain.close());
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const target = (plain.address() as { port: number }).port;
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
    const local = (free.address() as { port: number }).port;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const peer = StreamPeerTCP.new();
    cleanups.push(() => peer.disconnect_from_host());
    expect(peer.bind(local, "127.0.0.1")).toBe(OK);
    expect(peer.connect_to_host("127.0.0.1", target)).toBe(OK);
    await until(() => peer.get_status() !== STATUS_CONNECTING, "connected");
    expect(peer.get_local_port()).toBe(peer.get_status() === STATUS_CONNECTED ? local : 0);
  });

  it("bad input returns Godot's codes and prints; a busy peer is ERR_ALREADY_IN_USE", async () => {
    const peer = StreamPeerTCP.new();
    for (const host of [null, undefined, "", 5, {}, Symbol("h")]) {
      expect(peer.connect_to_host(host as string, 80)).toBe(ERR_INVALID_PARAMETER);
      if (host !== undefined) expect(peer.bind(0, host as string)).toBe(ERR_INVALID_PARAMETER);
    }
    for (const port of [0, -1, 65536, 1.5, Number.NaN, "80", null]) {
      expect(peer.connect_to_host("127.0.0.1", port as number)).toBe(ERR_INVALID_PARAMETER);
    }
    for (const port of [-1, 65536, 1.5, "80", null])
      expect(peer.bind(port as number)).toBe(ERR_INVALID_PARAMETER);
    peer.set_no_delay("yes" as unknown as boolean);
    expect(peer.get_status()).toBe(STATUS_NONE);
    expect(peer.get_data(1)[0]).toBe(FAILED);
    expect(peer.STATUS_CONNECTED).toBe(2);
    const [, client] = await pair();
    expect(client.connect_to_host("127.0.0.1", 1)).toBe(ERR_ALREADY_IN_USE);
    expect(client.bind(0)).toBe(ERR_ALREADY_IN_USE);
  });
});

describe("Godot 4.7's StreamPeerSocket / SocketServer split", () => {
  it("StreamPeerTCP is a StreamPeerSocket (its STATUS_* constants), TCPServer a SocketServer; take_socket_connection takes a connection", async () => {
    expect(StreamPeerSocket.STATUS_CONNECTED).toBe(2);
    expect(StreamPeerTCP.STATUS_ERROR).toBe(StreamPeerSocket.STATUS_ERROR);
    expect(StreamPeerTCP.new().STATUS_CONNECTING).toBe(1);
    const server = TCPServer.new();
    cleanups.push(() => server.stop());
    expect(server).toBeInstanceOf(SocketServer);
    expect(server.take_socket_connection()).toBe(null); // not listening: nothing to take
    expect(server.listen(0, "127.0.0.1")).toBe(OK);
    await until(() => server.is_listening(), "listening");
    const client = StreamPeerTCP.new();
    cleanups.push(() => client.disconnect_from_host());
    expect(client).toBeInstanceOf(StreamPeerSocket);
    expect(client.connect_to_host("127.0.0.1", server.get_local_port())).toBe(OK);
    await until(() => server.is_connection_available(), "a connection");
    const taken = server.take_socket_connection();
    expect(taken).toBeInstanceOf(StreamPeerTCP);
    cleanups.push(() => taken?.disconnect_from_host());
    expect(server.take_socket_connection()).toBe(null);
    await until(() => client.get_status() === STATUS_CONNECTED, "connected");
    client.put_u8(42);
    await until(() => taken!.get_available_bytes() === 1, "a byte");
    expect(taken!.get_u8()).toBe(42);
  });
});
