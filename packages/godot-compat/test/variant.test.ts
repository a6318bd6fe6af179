// Godot 4's binary serialization (var_to_bytes / bytes_to_var), checked against byte vectors
// worked out from the format's documentation: a little-endian uint32 header (type | flags << 16),
// then the payload, everything padded to 4 bytes. Godot 4 type ids: NIL 0, BOOL 1, INT 2, FLOAT 3,
// STRING 4, STRING_NAME 21, DICTIONARY 27, ARRAY 28, PACKED_BYTE_ARRAY 29; flag 1 = 64-bit.
import { bytes_to_var, PackedByteArray, var_to_bytes } from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";

const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const VECTORS: Array<[string, unknown, number[]]> = [
  ["null", null, [0, 0, 0, 0]],
  ["true", true, [1, 0, 0, 0, 1, 0, 0, 0]],
  ["false", false, [1, 0, 0, 0, 0, 0, 0, 0]],
  ["int 1", 1, [2, 0, 0, 0, 1, 0, 0, 0]],
  ["int -1", -1, [2, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]],
  ["int 2^31-1", 2 ** 31 - 1, [2, 0, 0, 0, ...u32(2 ** 31 - 1)]],
  ["int 2^32 (64-bit)", 2 ** 32, [2, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0]],
  ["int -2^31-1 (64-bit)", -(2 ** 31) - 1, [2, 0, 1, 0, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff]],
  ["float 1.5 (32-bit)", 1.5, [3, 0, 0, 0, 0, 0, 0xc0, 0x3f]],
  ["float 0.1 (64-bit)", 0.1, [3, 0, 1, 0, 0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0x3f]],
  ["empty String", "", [4, 0, 0, 0, 0, 0, 0, 0]],
  ["String padded", "abc", [4, 0, 0, 0, 3, 0, 0, 0, ...ascii("abc"), 0]],
  ["String on a boundary", "abcd", [4, 0, 0, 0, 4, 0, 0, 0, ...ascii("abcd")]],
  ["String UTF-8", "é", [4, 0, 0, 0, 2, 0, 0, 0, 0xc3, 0xa9, 0, 0]],
  ["Array", [1, "a"], [28, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 97, 0, 0, 0]],
  ["empty Array", [], [28, 0, 0, 0, 0, 0, 0, 0]],
  [
    "Dictionary",
    { a: true },
    [27, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 97, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0],
  ],
  ["PackedByteArray", new PackedByteArray([1, 2, 3]), [29, 0, 0, 0, 3, 0, 0, 0, 1, 2, 3, 0]],
];

describe("var_to_bytes / bytes_to_var", () => {
  for (const [name, value, expected] of VECTORS) {
    it(`encodes and decodes ${name}`, () => {
      const encoded = var_to_bytes(value);
      expect(encoded).toBeInstanceOf(PackedByteArray);
      expect([...encoded]).toEqual(expected);
      expect(bytes_to_var(new Uint8Array(expected))).toEqual(value);
    });
  }

  it("encodes bigint as int and decodes 64-bit ints beyond 2^53 as bigint", () => {
    const big = 2n ** 62n;
    const encoded = var_to_bytes(big);
    expect([...encoded.subarray(0, 4)]).toEqual([2, 0, 1, 0]);
    expect(bytes_to_var(encoded)).toBe(big);
    expect(bytes_to_var(var_to_bytes(5n))).toBe(5);
  });

  it("nests arrays and dictionaries; non-String keys give a Map", () => {
    const value = { name: "ship", pos: [1.5, -2], tags: { hp: 100 }, raw: new PackedByteArray([7]) };
    expect(bytes_to_var(var_to_bytes(value))).toEqual(value);
    const map = new Map<unknown, unknown>([
      [1, "one"],
      ["two", 2],
    ]);
    const decoded = bytes_to_var(var_to_bytes(map));
    expect(decoded).toBeInstanceOf(Map);
    expect(decoded).toEqual(map);
  });

  it("decodes Godot 4.4 typed arrays and dictionaries of builtin types", () => {
    // Array[int] = [5]: header flag 1 (builtin element type), then the type id (INT), then the count.
    expect(
      bytes_to_var(new Uint8Array([28, 0, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0])),
    ).toEqual([5]);
    // Dictionary[String, bool] = {"a": true}: key type (bits 16-17) and value type (bits 18-19).
    const dict = [
      27, 0, 5, 0, 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 97, 0, 0, 0, 1, 0, 0, 0, 1, 0,
      0, 0,
    ];
    expect(bytes_to_var(new Uint8Array(dict))).toEqual({ a: true });
  });

  it("decodes StringName as a string", () => {
    expect(bytes_to_var(new Uint8Array([21, 0, 0, 0, 1, 0, 0, 0, 120, 0, 0, 0]))).toBe("x");
  });

  it("undefined encodes as null; non-integral numbers that fit a float stay 32-bit", () => {
    expect([...var_to_bytes(undefined)]).toEqual([0, 0, 0, 0]);
    expect(bytes_to_var(var_to_bytes(Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
    expect(bytes_to_var(var_to_bytes(Number.NaN))).toBeNaN();
  });

  it("returns null for bytes that are not a Variant", () => {
    expect(bytes_to_var(new Uint8Array([]))).toBe(null);
    expect(bytes_to_var(new Uint8Array([2, 0, 0]))).toBe(null); // truncated header
    expect(bytes_to_var(new Uint8Array([2, 0, 0, 0, 1]))).toBe(null); // truncated int
    expect(bytes_to_var(new Uint8Array([4, 0, 0, 0, 9, 0, 0, 0, 97]))).toBe(null); // string past the end
    expect(bytes_to_var(new Uint8Array([4, 0, 0, 0, 1, 0, 0, 0, 0xff, 0, 0, 0]))).toBe(null); // invalid UTF-8
    expect(bytes_to_var(new Uint8Array([5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(null); // Vector2: not carried
    expect(bytes_to_var(new Uint8Array([28, 0, 2, 0, 0, 0, 0, 0]))).toBe(null); // array typed by class name
    expect(bytes_to_var(new Uint8Array([28, 0, 0, 0, 5, 0, 0, 0]))).toBe(null); // count past the end
    expect(bytes_to_var("abc" as unknown as Uint8Array)).toBe(null);
  });

  it("gives an empty array for values it cannot encode", () => {
    expect(var_to_bytes(() => 1).size()).toBe(0);
    expect(var_to_bytes(Symbol("x")).size()).toBe(0);
    expect(var_to_bytes(new Date()).size()).toBe(0);
    expect(var_to_bytes(2n ** 64n).size()).toBe(0);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(var_to_bytes(cyclic).size()).toBe(0);
  });
});
