// PacketPeerStream over real TCP connections on loopback: two Godot-shaped ends (TCPServer and
// StreamPeerTCP), and a plain node:net server that writes the framing itself, a byte at a time.
import { createServer, type Socket } from "node:net";
import { bytes_to_var, OK, PacketPeerStream, StreamPeerTCP, Vector2i } from "@wsport/godot-compat";
import { afterEach, describe, expect, it } from "vitest";
import { until } from "../../../test/until.mjs";
import { capturePrints, listeningServer, takeConnection } from "./helpers.ts";

const prints = capturePrints();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A connected pair of PacketPeerStreams: [over the TCPServer's side, over connect_to_host's side]. */
async function packetPair(): Promise<[PacketPeerStream, PacketPeerStream, StreamPeerTCP]> {
  const server = await listeningServer();
  const client = StreamPeerTCP.new();
  cleanups.push(() => client.disconnect_from_host());
  expect(client.connect_to_host("127.0.0.1", server.get_local_port())).toBe(OK);
  const accepted = await takeConnection(server);
  cleanups.push(() => accepted.disconnect_from_host());
  await until(() => client.get_status() === StreamPeerTCP.STATUS_CONNECTED, "STATUS_CONNECTED");
  const [serverSide, clientSide] = [PacketPeerStream.new(), PacketPeerStream.new()];
  serverSide.stream_peer = accepted;
  clientSide.stream_peer = client;
  return [serverSide, clientSide, client];
}

/**
 * Takes `count` packets from `peer` as they arrive, polling its TCP stream, as a game's loop would:
 * the input buffer holds 64 KiB, so what follows waits in the socket until packets are taken.
 */
async function takePackets(peer: PacketPeerStream, count: number): Promise<Uint8Array[]> {
  const taken: Uint8Array[] = [];
  const tick = () => (peer.stream_peer as StreamPeerTCP).poll();
  await until(
    () => {
      while (taken.length < count && peer.get_available_packet_count() > 0) taken.push(peer.get_packet());
      return taken.length === count;
    },
    () => `${count} packets (${taken.length} so far)`,
    8000,
    { tick },
  );
  return taken;
}

describe("PacketPeerStream over TCP", () => {
  it("carries packets and Variants both ways, in order, large ones split by TCP included", async () => {
    const [serverSide, clientSide] = await packetPair();
    const big = new Uint8Array(65_532).map((_, i) => i % 251); // the largest by default
    expect(clientSide.put_var({ hello: "server", at: new Vector2i(3, -4) })).toBe(OK);
    expect(clientSide.put_packet(big)).toBe(OK);
    for (let i = 0; i < 50; i++) expect(clientSide.put_var(i)).toBe(OK);
    const [hello, bigOne, ...numbers] = await takePackets(serverSide, 52);
    expect(bytes_to_var(hello!)).toEqual({ hello: "server", at: new Vector2i(3, -4) });
    expect(bigOne!.length).toBe(big.length);
    expect(Buffer.compare(bigOne!, big)).toBe(0);
    expect(numbers.map((n) => bytes_to_var(n))).toEqual([...Array(50).keys()]);

    expect(serverSide.put_var(["welcome", 1])).toBe(OK);
    const [welcome] = await takePackets(clientSide, 1);
    expect(bytes_to_var(welcome!)).toEqual(["welcome", 1]);
    expect(prints.spy).not.toHaveBeenCalled();
  });

  it("reads a stream written by another program a byte at a time (Godot's framing, nothing more)", async () => {
    let socket: Socket | undefined;
    const server = createServer((s) => {
      socket = s;
      // Two packets, [1, 2, 3] and "ok" as a Godot String Variant (type 4, length 2, padded to 4).
      const wire = [3, 0, 0, 0, 1, 2, 3, 12, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 0x6f, 0x6b, 0, 0];
      let i = 0;
      const next = () => {
        if (i < wire.length) s.write(Uint8Array.of(wire[i++]!), () => setTimeout(next, 1));
      };
      next();
    });
    cleanups.push(() => {
      socket?.destroy();
      server.close();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const tcp = StreamPeerTCP.new();
    cleanups.push(() => tcp.disconnect_from_host());
    expect(tcp.connect_to_host("127.0.0.1", (server.address() as { port: number }).port)).toBe(OK);
    const peer = PacketPeerStream.new();
    peer.set_stream_peer(tcp);
    const counts = new Set<number>();
    await until(() => {
      tcp.poll();
      counts.add(peer.get_available_packet_count());
      return counts.has(2);
    }, "two packets");
    expect([...counts].sort()).toEqual([0, 1, 2]); // each counted only once whole
    expect([...peer.get_packet()]).toEqual([1, 2, 3]);
    expect(peer.get_var()).toBe("ok");
  });

  it("a send after the other side has gone returns the stream's error, and nothing arrives", async () => {
    const [serverSide, clientSide, client] = await packetPair();
    (serverSide.stream_peer as StreamPeerTCP).disconnect_from_host();
    await until(() => {
      client.poll();
      return client.get_status() !== StreamPeerTCP.STATUS_CONNECTED;
    }, "the client to see the close");
    expect(clientSide.put_packet(Uint8Array.of(1))).not.toBe(OK);
    expect(clientSide.get_available_packet_count()).toBe(0);
  });
});
