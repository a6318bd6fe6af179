import { PackedByteArray, to_utf8_buffer } from "@wsport/godot-compat";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.restoreAllMocks();
});

const bytes = (...values: number[]) => new PackedByteArray(values);

describe("PackedByteArray", () => {
  it("is a Uint8Array with size() and is_empty()", () => {
    const empty = new PackedByteArray();
    expect(empty).toBeInstanceOf(Uint8Array);
    expect(empty.size()).toBe(0);
    expect(empty.is_empty()).toBe(true);
    const three = bytes(1, 2, 3);
    expect(three.size()).toBe(3);
    expect(three.is_empty()).toBe(false);
    expect(three.slice(1)).toBeInstanceOf(PackedByteArray);
    expect([...three.slice(-2)]).toEqual([2, 3]);
  });

  it("duplicate() is an independent copy", () => {
    const a = bytes(1, 2);
    const b = a.duplicate();
    b[0] = 9;
    expect([...a]).toEqual([1, 2]);
    expect(b).toBeInstanceOf(PackedByteArray);
  });

  it("get_string_from_utf8 decodes up to the first NUL and skips a BOM", () => {
    expect(to_utf8_buffer("héllo ✓").get_string_from_utf8()).toBe("héllo ✓");
    expect(bytes(0x61, 0x62, 0, 0x63).get_string_from_utf8()).toBe("ab");
    expect(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69).get_string_from_utf8()).toBe("hi");
    expect(new PackedByteArray().get_string_from_utf8()).toBe("");
  });

  it("get_string_from_utf8 replaces invalid bytes with U+FFFD and prints an error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(bytes(0x61, 0xff, 0x62).get_string_from_utf8()).toBe("a\uFFFDb");
    expect(error).toHaveBeenCalledWith(expect.stringContaining("Unicode parsing error"));
    error.mockClear();
    expect(to_utf8_buffer("\uFFFD").get_string_from_utf8()).toBe("\uFFFD"); // a real U+FFFD is fine
    expect(error).not.toHaveBeenCalled();
  });

  it("get_string_from_ascii maps bytes to code points and stops at NUL", () => {
    expect(bytes(0x48, 0x69, 0xe9, 0, 0x41).get_string_from_ascii()).toBe("Hié");
    const long = new PackedByteArray(20000).fill(0x41);
    expect(long.get_string_from_ascii()).toBe("A".repeat(20000));
  });

  it("hex_encode", () => {
    expect(bytes(0, 15, 16, 255).hex_encode()).toBe("000f10ff");
    expect(new PackedByteArray().hex_encode()).toBe("");
  });

  it("decode_* and encode_* are little-endian", () => {
    const b = new PackedByteArray(16);
    b.encode_u16(0, 0x1234);
    expect([...b.subarray(0, 2)]).toEqual([0x34, 0x12]);
    b.encode_s8(2, -2);
    expect(b.decode_s8(2)).toBe(-2);
    expect(b.decode_u8(2)).toBe(254);
    b.encode_s16(2, -3);
    expect(b.decode_s16(2)).toBe(-3);
    expect(b.decode_u16(2)).toBe(0xfffd);
    b.encode_u32(4, 0xdeadbeef);
    expect(b.decode_u32(4)).toBe(0xdeadbeef);
    expect(b.decode_s32(4)).toBe(0xdeadbeef | 0);
    b.encode_s32(4, -5);
    expect(b.decode_s32(4)).toBe(-5);
    b.encode_s64(8, -2n);
    expect(b.decode_s64(8)).toBe(-2n);
    expect(b.decode_u64(8)).toBe(2n ** 64n - 2n);
    b.encode_u64(8, 7);
    expect(b.decode_u64(8)).toBe(7n);
    b.encode_float(0, 1.5);
    expect([...b.subarray(0, 4)]).toEqual([0, 0, 0xc0, 0x3f]);
    expect(b.decode_float(0)).toBe(1.5);
    b.encode_double(8, 0.1);
    expect(b.decode_double(8)).toBe(0.1);
    b.encode_u8(15, 300);
    expect(b.decode_u8(15)).toBe(300 & 0xff);
  });

  it("decode_*/encode_* with an offset out of range print an error and do nothing", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const b = bytes(1, 2, 3, 4);
    expect(b.decode_u32(1)).toBe(0);
    expect(b.decode_u8(-1)).toBe(0);
    expect(b.decode_u16(1.5)).toBe(0);
    expect(b.decode_s64(0)).toBe(0n);
    b.encode_u32(2, 0xffffffff);
    expect([...b]).toEqual([1, 2, 3, 4]);
    expect(error).toHaveBeenCalledTimes(5);
  });

  it("works on a view into a larger buffer", () => {
    const backing = new Uint8Array([9, 9, 1, 0, 0, 0]);
    const view = new PackedByteArray(backing.buffer, 2, 4);
    expect(view.decode_u32(0)).toBe(1);
  });

  it("decode_var reads a Variant at an offset", () => {
    const b = bytes(0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 7, 0, 0, 0);
    expect(b.decode_var(4)).toBe(7);
    expect(b.decode_var(0)).toBe(null);
  });
});

describe("to_utf8_buffer", () => {
  it("encodes a String as UTF-8 into a PackedByteArray", () => {
    const b = to_utf8_buffer("é€");
    expect(b).toBeInstanceOf(PackedByteArray);
    expect([...b]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac]);
    expect(to_utf8_buffer("").size()).toBe(0);
  });

  it("turns a non-string into its string form, as GDScript's str() would", () => {
    expect(to_utf8_buffer(12 as unknown as string).get_string_from_utf8()).toBe("12");
  });
});

describe("PackedByteArray: Godot's answers where Uint8Array has a method of the same name", () => {
  it("find(value, from), rfind, count, has, bsearch; find with a function is still Uint8Array's", () => {
    const b = bytes(1, 2, 3, 2, 1);
    expect([b.find(2), b.find(2, 2), b.find(9), b.find(1, -1)]).toEqual([1, 3, -1, 4]);
    expect([b.rfind(2), b.rfind(2, 2), b.rfind(1, -2), b.count(2), b.has(3), b.has(7)]).toEqual([
      3,
      1,
      0,
      2,
      true,
      false,
    ]);
    expect(b.find((v: number) => v > 2)).toBe(3);
    const sorted = bytes(1, 2, 2, 4);
    expect([sorted.bsearch(2), sorted.bsearch(2, false), sorted.bsearch(3), sorted.bsearch(9)]).toEqual([
      1, 3, 3, 4,
    ]);
  });

  it("get/set by index (negative from the end); set(array, offset) is still Uint8Array's; fill, reverse, sort, slice", () => {
    const b = bytes(5, 6, 7);
    b.set(0, 9);
    b.set(-1, 8);
    expect([b.get(0), b.get(-1), [...b]]).toEqual([9, 8, [9, 6, 8]]);
    b.set([1, 2], 1);
    expect([...b]).toEqual([9, 1, 2]);
    b.sort();
    expect([...b]).toEqual([1, 2, 9]);
    b.reverse();
    expect([...b]).toEqual([9, 2, 1]);
    const part = b.slice(1);
    expect([part instanceof PackedByteArray, [...part], [...b.slice(-2, -1)]]).toEqual([true, [2, 1], [2]]);
    b.fill(7);
    expect([...b]).toEqual([7, 7, 7]);
  });

  it("out-of-range get/set print and change nothing", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    const b = bytes(1);
    expect(b.get(3)).toBe(0);
    b.set(5, 1);
    b.set(1.5, 1);
    expect([...b]).toEqual([1]);
    expect(printed).toHaveBeenCalledTimes(3);
  });

  it("half floats, Variants at offsets, the bytes as other packed arrays, byte swaps", () => {
    const b = new PackedByteArray(12);
    b.encode_half(0, 1.5);
    expect([b[0], b[1], b.decode_half(0)]).toEqual([0x00, 0x3e, 1.5]);
    expect(b.encode_var(4, 7)).toBe(8);
    expect([b.has_encoded_var(4), b.decode_var_size(4), b.decode_var(4), b.has_encoded_var(10)]).toEqual([
      true,
      8,
      7,
      false,
    ]);
    expect(b.encode_var(8, "too long for the rest")).toBe(-1);
    const ints = bytes(1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff);
    expect([...ints.to_int32_array()]).toEqual([1, -1]);
    expect([...ints.to_int64_array()]).toEqual([-4294967295n]);
    expect([...bytes(0, 0, 0x80, 0x3f).to_float32_array()]).toEqual([1]);
    expect(bytes(0, 0, 0x80, 0x3f, 0, 0, 0, 0x40).to_vector2_array()[0]).toEqual({ x: 1, y: 2 });
    const swap = bytes(1, 2, 3, 4);
    swap.bswap16();
    expect([...swap]).toEqual([2, 1, 4, 3]);
    swap.bswap32();
    expect([...swap]).toEqual([3, 4, 1, 2]);
    swap.bswap16(1, 1);
    expect([...swap]).toEqual([3, 4, 2, 1]);
  });

  it("UTF-16, UTF-32, wchar and other encodings up to the first NUL", () => {
    expect(bytes(0x68, 0, 0x69, 0, 0, 0, 0x78, 0).get_string_from_utf16()).toBe("hi");
    expect(bytes(0x3d, 0xd8, 0x00, 0xde).get_string_from_utf16()).toBe("😀");
    expect(bytes(0x00, 0xf6, 0x01, 0, 0, 0, 0, 0).get_string_from_utf32()).toBe("😀");
    expect(bytes(0x41, 0, 0, 0).get_string_from_wchar()).toBe("A");
    expect(bytes(0xe9, 0).get_string_from_multibyte_char("latin1")).toBe("é");
  });

  it("bad input: sizes that do not divide, offsets that do not fit, unknown encodings", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(bytes(1, 2, 3).to_int32_array().length).toBe(0);
    expect(bytes(1).decode_half(0)).toBe(0);
    bytes(1).encode_half(-1, 1);
    bytes(1, 2, 3).bswap16(2);
    expect(bytes(1).get_string_from_multibyte_char("no-such-encoding")).toBe("");
    expect(bytes(1).encode_var(0, () => 1)).toBe(-1);
    expect(printed).toHaveBeenCalledTimes(6);
  });
});
