// StreamPeerBuffer: StreamPeer's typed reads and writes over bytes in memory, in both byte orders.
// Runs in Node and in Chromium.
import { ERR_INVALID_PARAMETER, OK, PackedByteArray, StreamPeerBuffer, Vector2 } from "@wsport/godot-compat";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";

let printed: MockInstance;
beforeEach(() => {
  printed = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Writes with `write`, checks the bytes, seeks to 0 and reads back with `read`. */
function roundTrip(bigEndian: boolean, write: (b: StreamPeerBuffer) => void, bytes: number[]) {
  const buffer = StreamPeerBuffer.new();
  buffer.big_endian = bigEndian;
  write(buffer);
  expect([...buffer.data_array]).toEqual(bytes);
  buffer.seek(0);
  return buffer;
}

describe("StreamPeerBuffer numbers", () => {
  it("little-endian (Godot's default): every put_/get_ pair", () => {
    const b = roundTrip(
      false,
      (b) => {
        b.put_8(-2);
        b.put_u8(200);
        b.put_16(-2);
        b.put_u16(0x1234);
        b.put_32(-2);
        b.put_u32(0xdeadbeef);
        b.put_64(-2);
        b.put_u64(2n ** 63n);
        b.put_float(1.5);
        b.put_double(-0.5);
      },
      [
        ...[0xfe, 200, 0xfe, 0xff, 0x34, 0x12, 0xfe, 0xff, 0xff, 0xff, 0xef, 0xbe, 0xad, 0xde],
        ...[0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0x80],
        ...[0, 0, 0xc0, 0x3f, 0, 0, 0, 0, 0, 0, 0xe0, 0xbf],
      ],
    );
    expect([b.get_8(), b.get_u8(), b.get_16(), b.get_u16(), b.get_32(), b.get_u32()]).toEqual([
      -2, 200, -2, 0x1234, -2, 0xdeadbeef,
    ]);
    expect([b.get_64(), b.get_u64(), b.get_float(), b.get_double()]).toEqual([-2, 2n ** 63n, 1.5, -0.5]);
    expect(b.get_available_bytes()).toBe(0);
  });

  it("big-endian when big_endian is true", () => {
    const b = roundTrip(
      true,
      (b) => {
        b.put_u16(0x1234);
        b.put_32(-2);
        b.put_u64(1);
        b.put_float(1.5);
      },
      [0x12, 0x34, 0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 0, 0, 0, 0, 1, 0x3f, 0xc0, 0, 0],
    );
    expect([b.get_u16(), b.get_32(), b.get_u64(), b.get_float()]).toEqual([0x1234, -2, 1, 1.5]);
  });
});

describe("StreamPeerBuffer strings, Variants and raw data", () => {
  it("put_string / put_utf8_string / put_var are length-prefixed; get_* read them back", () => {
    const b = roundTrip(
      false,
      (b) => {
        b.put_string("hi");
        b.put_utf8_string("é");
        b.put_var(new Vector2(1, 2));
      },
      [
        ...[2, 0, 0, 0, 104, 105],
        ...[2, 0, 0, 0, 0xc3, 0xa9],
        ...[12, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x40],
      ],
    );
    expect(b.get_string()).toBe("hi");
    expect(b.get_utf8_string()).toBe("é");
    expect(b.get_var()).toEqual(new Vector2(1, 2));
    b.seek(0);
    b.get_u32();
    expect(b.get_string(2)).toBe("hi");
  });

  it("get_data takes exactly n bytes; get_partial_data up to n; short reads report an error", () => {
    const b = StreamPeerBuffer.new();
    expect(b.put_data(new PackedByteArray([1, 2, 3]))).toBe(OK);
    expect(b.put_partial_data(new Uint8Array([4]))).toEqual([OK, 1]);
    b.seek(0);
    const [error, data] = b.get_data(2);
    expect(error).toBe(OK);
    expect(data).toBeInstanceOf(PackedByteArray);
    expect([...data]).toEqual([1, 2]);
    expect(b.get_partial_data(10).map((x) => (x instanceof Uint8Array ? [...x] : x))).toEqual([OK, [3, 4]]);
    b.seek(2);
    // As Godot: what is there is taken, the rest of the array is zeros, and the error says it fell short.
    const [short, padded] = b.get_data(4);
    expect(short).toBe(ERR_INVALID_PARAMETER);
    expect([...padded]).toEqual([3, 4, 0, 0]);
    expect(b.get_u32()).toBe(0);
  });

  it("seek, get_position, get_size, resize, clear, duplicate, data_array", () => {
    const b = StreamPeerBuffer.new();
    b.put_u32(7);
    expect([b.get_position(), b.get_size()]).toEqual([4, 4]);
    b.resize(6);
    expect([...b.data_array]).toEqual([7, 0, 0, 0, 0, 0]);
    b.resize(2);
    expect([b.get_size(), b.get_position()]).toEqual([2, 2]);
    const copy = b.duplicate();
    expect([...copy.data_array]).toEqual([7, 0]);
    expect(copy.get_position()).toBe(0);
    b.clear();
    expect([b.get_size(), b.get_position(), [...copy.data_array]]).toEqual([0, 0, [7, 0]]);
    b.data_array = new PackedByteArray([9, 8]);
    expect([b.get_position(), b.get_u8(), b.get_u8()]).toEqual([0, 9, 8]);
  });

  it("bad input prints an error and changes nothing", () => {
    const b = StreamPeerBuffer.new();
    b.put_u8(1);
    const notNumbers: unknown[] = [null, undefined, "1", {}, Symbol("s"), [1]];
    const badCounts: unknown[] = [...notNumbers, -1, 1.5, Number.NaN, 10n];
    for (const value of notNumbers) {
      b.put_u8(value as number);
      b.put_64(value as number);
      b.put_double(value as number);
      const notString = (typeof value === "string" ? 1 : value) as string;
      b.put_string(notString);
      b.put_utf8_string(notString);
      b.data_array = value as Uint8Array;
      expect(b.put_data(value as Uint8Array)).toBe(ERR_INVALID_PARAMETER);
      expect(b.put_partial_data(value as Uint8Array)).toEqual([ERR_INVALID_PARAMETER, 0]);
    }
    for (const value of badCounts) {
      b.seek(value as number);
      b.resize(value as number);
      expect(b.get_data(value as number)[0]).toBe(ERR_INVALID_PARAMETER);
      expect(b.get_partial_data(value as number)[0]).toBe(ERR_INVALID_PARAMETER);
    }
    expect(b.get_string(Symbol("s") as unknown as number)).toBe("");
    b.put_var(() => 1);
    expect([...b.data_array]).toEqual([1]);
    expect(printed).toHaveBeenCalled();
    b.seek(0);
    b.put_u32(2 ** 31); // a length past the end
    b.seek(0);
    expect(b.get_var()).toBe(null);
  });
});

describe("4.7 members: big_endian as methods, half floats, data_array as methods", () => {
  it("set_big_endian / is_big_endian_enabled are the big_endian property; bad input prints and keeps it", () => {
    const b = StreamPeerBuffer.new();
    expect(b.is_big_endian_enabled()).toBe(false);
    b.set_big_endian(true);
    expect([b.big_endian, b.is_big_endian_enabled()]).toEqual([true, true]);
    b.put_u16(0x0102);
    expect([...b.get_data_array()]).toEqual([1, 2]);
    b.set_big_endian("no" as never);
    b.big_endian = 0 as never;
    expect(b.is_big_endian_enabled()).toBe(true);
    expect(printed).toHaveBeenCalledTimes(2);
  });

  it("put_half writes Godot's half float: the mantissa cut, not rounded; denormals 0; too large infinity", () => {
    const b = StreamPeerBuffer.new();
    for (const value of [1, -2.5, 65504, 1.00146484375, 1e-5, 70000, Number.NaN, 0.1]) b.put_half(value);
    const words = [];
    const data = b.get_data_array();
    for (let i = 0; i < data.length; i += 2) words.push(data[i]! | (data[i + 1]! << 8));
    expect(words).toEqual([0x3c00, 0xc100, 0x7bff, 0x3c01, 0, 0x7c00, 0x7fff, 0x2e66]);
    b.seek(0);
    const back = Array.from({ length: 8 }, () => b.get_half());
    expect(back).toEqual([
      1,
      -2.5,
      65504,
      1.0009765625,
      0,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      0.0999755859375,
    ]);
  });

  it("half floats follow big_endian; a half read past the end is 0, as the other numbers; put_half of a non-number prints", () => {
    const b = StreamPeerBuffer.new();
    b.set_big_endian(true);
    b.put_half(1);
    expect([...b.data_array]).toEqual([0x3c, 0x00]);
    b.seek(0);
    expect(b.get_half()).toBe(1);
    expect(b.get_half()).toBe(0);
    b.put_half("1" as never);
    expect(b.get_size()).toBe(2);
    expect(printed).toHaveBeenCalledTimes(1);
  });

  it("set_data_array / get_data_array: replace the content and seek to 0, a copy either way", () => {
    const b = StreamPeerBuffer.new();
    const source = new PackedByteArray([9, 8, 7]);
    b.set_data_array(source);
    source[0] = 0;
    expect([b.get_position(), b.get_size(), b.get_u8()]).toEqual([0, 3, 9]);
    const copy = b.get_data_array();
    copy[1] = 0;
    expect([...b.get_data_array()]).toEqual([9, 8, 7]);
    b.set_data_array([1, 2] as never);
    expect(b.get_size()).toBe(3);
    expect(printed).toHaveBeenCalledTimes(1);
  });
});
