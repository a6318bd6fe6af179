// PacketPeerStream over a StreamPeerBuffer: Godot's framing (a 4-byte little-endian length, then the
// bytes), its buffer sizes and bad input. Runs in Node and in the browsers; the same class over a real
// TCP connection is in packet-peer-stream.node.test.ts.
import {
  ERR_INVALID_PARAMETER,
  ERR_UNAVAILABLE,
  ERR_UNCONFIGURED,
  OK,
  PacketPeerStream,
  StreamPeerBuffer,
  Vector2,
} from "@wsport/godot-compat";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";

let printed: MockInstance;
beforeEach(() => {
  printed = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const bytes = (...values: number[]) => new Uint8Array(values);

/** A writer's buffer, read back from its start by a second PacketPeerStream. */
function writtenThenRead(write: (writer: PacketPeerStream) => void): {
  buffer: StreamPeerBuffer;
  reader: PacketPeerStream;
} {
  const buffer = StreamPeerBuffer.new();
  const writer = PacketPeerStream.new();
  writer.stream_peer = buffer;
  write(writer);
  buffer.seek(0);
  const reader = new PacketPeerStream();
  reader.set_stream_peer(buffer);
  return { buffer, reader };
}

describe("PacketPeerStream framing", () => {
  it("writes each packet as its length (u32, little-endian) and its bytes; reads them back whole", () => {
    const { buffer, reader } = writtenThenRead((w) => {
      expect(w.put_packet(bytes(1, 2, 3))).toBe(OK);
      expect(w.put_packet(bytes())).toBe(OK); // Godot sends nothing for an empty packet
      expect(w.put_packet(bytes(9))).toBe(OK);
    });
    expect([...buffer.data_array]).toEqual([3, 0, 0, 0, 1, 2, 3, 1, 0, 0, 0, 9]);
    expect(reader.get_available_packet_count()).toBe(2);
    expect([...reader.get_packet()]).toEqual([1, 2, 3]);
    expect(reader.get_packet_error()).toBe(OK);
    expect([...reader.get_packet()]).toEqual([9]);
    expect(reader.get_available_packet_count()).toBe(0);
    expect([...reader.get_packet()]).toEqual([]);
    expect(reader.get_packet_error()).toBe(ERR_UNAVAILABLE);
  });

  it("the length stays little-endian when the stream is big-endian", () => {
    const buffer = StreamPeerBuffer.new();
    buffer.big_endian = true;
    const peer = PacketPeerStream.new();
    peer.stream_peer = buffer;
    peer.put_packet(bytes(7, 7));
    expect([...buffer.data_array]).toEqual([2, 0, 0, 0, 7, 7]);
  });

  it("put_var/get_var carry Godot's binary Variants, one per packet", () => {
    const { reader } = writtenThenRead((w) => {
      expect(w.put_var({ name: "p1", at: new Vector2(1, 2) })).toBe(OK);
      expect(w.put_var([1, "two", 3.5])).toBe(OK);
    });
    expect(reader.get_available_packet_count()).toBe(2);
    expect(reader.get_var()).toEqual({ name: "p1", at: new Vector2(1, 2) });
    expect(reader.get_var()).toEqual([1, "two", 3.5]);
  });

  it("a packet counts only once all of its bytes have arrived", () => {
    const buffer = StreamPeerBuffer.new();
    const reader = PacketPeerStream.new();
    reader.stream_peer = buffer;
    buffer.put_data(bytes(4, 0, 0)); // part of the length
    buffer.seek(0);
    expect(reader.get_available_packet_count()).toBe(0);
    buffer.put_data(bytes(0, 10, 20)); // the rest of the length, half the packet
    buffer.seek(3);
    expect(reader.get_available_packet_count()).toBe(0);
    expect(reader.get_packet_error()).toBe(OK); // counting is not a get
    buffer.put_data(bytes(30, 40, 5, 0, 0, 0, 1));
    buffer.seek(6);
    expect(reader.get_available_packet_count()).toBe(1);
    expect([...reader.get_packet()]).toEqual([10, 20, 30, 40]);
  });
});

describe("PacketPeerStream buffer sizes", () => {
  it("both are 65532 at first and round up to a power of two minus the 4 length bytes", () => {
    const peer = PacketPeerStream.new();
    expect([peer.input_buffer_max_size, peer.get_output_buffer_max_size()]).toEqual([65532, 65532]);
    peer.set_input_buffer_max_size(1000);
    peer.output_buffer_max_size = 1020;
    expect([peer.get_input_buffer_max_size(), peer.output_buffer_max_size]).toEqual([1020, 1020]);
    peer.output_buffer_max_size = 1021;
    expect(peer.output_buffer_max_size).toBe(2044);
  });

  it("a packet larger than output_buffer_max_size is refused with ERR_INVALID_PARAMETER, and nothing is written", () => {
    const buffer = StreamPeerBuffer.new();
    const peer = PacketPeerStream.new();
    peer.stream_peer = buffer;
    peer.output_buffer_max_size = 12;
    expect(peer.put_packet(new Uint8Array(12))).toBe(OK);
    expect(peer.put_packet(new Uint8Array(13))).toBe(ERR_INVALID_PARAMETER);
    expect(buffer.get_size()).toBe(16);
    expect(String(printed.mock.calls.at(-1))).toMatch(/13 bytes is more than output_buffer_max_size \(12\)/);
  });

  it("a packet of exactly input_buffer_max_size arrives (Godot's ring buffer would keep it out by one byte)", () => {
    const { reader } = writtenThenRead((w) => w.put_packet(new Uint8Array(60).fill(6)));
    reader.input_buffer_max_size = 60;
    expect(reader.get_available_packet_count()).toBe(1);
    expect([...reader.get_packet()]).toEqual(Array(60).fill(6));
  });

  it("a packet larger than input_buffer_max_size never arrives, and says why", () => {
    const { reader } = writtenThenRead((w) => w.put_packet(new Uint8Array(100)));
    reader.input_buffer_max_size = 60;
    expect(reader.get_available_packet_count()).toBe(0);
    expect([...reader.get_packet()]).toEqual([]);
    expect(reader.get_packet_error()).toBe(ERR_UNAVAILABLE);
    expect(String(printed.mock.calls.at(-1))).toMatch(
      /next packet \(100 bytes\) is larger than input_buffer_max_size \(60\)/,
    );
  });

  it("input_buffer_max_size cannot change while bytes wait in it (they would be lost)", () => {
    const { reader } = writtenThenRead((w) => {
      w.put_packet(bytes(1));
      w.put_packet(bytes(2));
    });
    expect(reader.get_available_packet_count()).toBe(2);
    reader.input_buffer_max_size = 10;
    expect(reader.input_buffer_max_size).toBe(65532);
    expect(String(printed.mock.calls.at(-1))).toMatch(/Buffer in use/);
    expect([...reader.get_packet(), ...reader.get_packet()]).toEqual([1, 2]);
    reader.input_buffer_max_size = 10;
    expect(reader.input_buffer_max_size).toBe(12);
  });

  it("a stream holding more than the input buffer gives its packets a bufferful at a time", () => {
    const { reader } = writtenThenRead((w) => {
      for (let i = 0; i < 20; i++) w.put_packet(new Uint8Array(10).fill(i));
    });
    reader.input_buffer_max_size = 60; // 64 bytes: four packets of 14 at a time
    expect(reader.get_available_packet_count()).toBe(4);
    const seen: number[] = [];
    while (reader.get_available_packet_count() > 0) seen.push(reader.get_packet()[0]!);
    expect(seen).toEqual([...Array(20).keys()]);
  });
});

describe("PacketPeerStream bad input", () => {
  it("without a stream_peer: ERR_UNCONFIGURED and no packets", () => {
    const peer = PacketPeerStream.new();
    expect(peer.stream_peer).toBeNull();
    expect(peer.put_packet(bytes(1))).toBe(ERR_UNCONFIGURED);
    expect(peer.put_var(1)).toBe(ERR_UNCONFIGURED);
    expect(peer.get_available_packet_count()).toBe(0);
    expect([...peer.get_packet()]).toEqual([]);
    expect(peer.get_packet_error()).toBe(ERR_UNCONFIGURED);
    expect(peer.get_var()).toBeNull();
    expect(String(printed.mock.calls.at(-1))).toMatch(/no stream_peer/);
  });

  it("refuses what is not a StreamPeer, a PackedByteArray or a size, and keeps what it had", () => {
    const buffer = StreamPeerBuffer.new();
    const peer = PacketPeerStream.new();
    peer.stream_peer = buffer;
    for (const wrong of [{}, "stream", 1, new Uint8Array(2)]) {
      peer.set_stream_peer(wrong as never);
      expect(peer.get_stream_peer()).toBe(buffer);
    }
    for (const wrong of ["12", [1, 2], null, 3]) {
      expect(peer.put_packet(wrong as never)).toBe(ERR_INVALID_PARAMETER);
    }
    for (const wrong of [-1, 1.5, "64", Number.NaN, 2 ** 31, null]) {
      peer.input_buffer_max_size = wrong as never;
      peer.set_output_buffer_max_size(wrong as never);
    }
    expect([peer.input_buffer_max_size, peer.output_buffer_max_size]).toEqual([65532, 65532]);
    expect(buffer.get_size()).toBe(0);
    expect(printed.mock.calls.map(String).join("\n")).toMatch(
      /stream_peer must be a StreamPeer or null[\s\S]*put_packet\(\) needs a PackedByteArray[\s\S]*input_buffer_max_size must be an integer from 0[\s\S]*output_buffer_max_size must be an integer from 0/,
    );
  });

  it("a new stream_peer drops the bytes read from the last one; null unsets it", () => {
    const { reader } = writtenThenRead((w) => w.put_packet(bytes(1, 2)));
    expect(reader.get_available_packet_count()).toBe(1);
    const other = StreamPeerBuffer.new();
    reader.stream_peer = other;
    expect(reader.get_available_packet_count()).toBe(0);
    reader.stream_peer = null;
    expect(reader.get_stream_peer()).toBeNull();
    expect(reader.put_packet(bytes(1))).toBe(ERR_UNCONFIGURED);
  });
});
