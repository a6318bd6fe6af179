// Godot 4's binary serialization (var_to_bytes / bytes_to_var), checked against byte vectors
// worked out by hand from core/io/marshalls.cpp's rules (docs/spec/godot-variant.md says which rule
// each one follows): a little-endian uint32 header (type id | flags << 16), then the payload,
// everything padded to 4 bytes; math types in float32, Vector*i in int32; flag 1 = 64-bit.
import {
  AABB,
  Basis,
  bytes_to_var,
  Color,
  float,
  GodotFloat,
  NodePath,
  PackedByteArray,
  PackedColorArray,
  PackedFloat32Array,
  PackedFloat64Array,
  PackedInt32Array,
  PackedInt64Array,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
  Plane,
  Projection,
  Quaternion,
  Rect2,
  Rect2i,
  StringName,
  Transform2D,
  Transform3D,
  TYPE_INT,
  TYPE_STRING,
  TypedArray,
  Vector2,
  Vector2i,
  Vector3,
  Vector3i,
  Vector4,
  Vector4i,
  var_to_bytes,
} from "@wsport/godot-compat";
import { describe, expect, it, vi } from "vitest";

const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
// IEEE 754 single precision, little-endian, by hand: sign | exponent (bias 127) | mantissa.
const F0 = [0, 0, 0, 0];
const F1 = [0, 0, 0x80, 0x3f]; // 1.0 = 0x3f800000
const F2 = [0, 0, 0, 0x40]; // 2.0 = 0x40000000
const F3 = [0, 0, 0x40, 0x40]; // 3.0 = 0x40400000
const F4 = [0, 0, 0x80, 0x40]; // 4.0 = 0x40800000
const FHALF = [0, 0, 0, 0x3f]; // 0.5 = 0x3f000000
const FNEG1 = [0, 0, 0x80, 0xbf]; // -1.0 = 0xbf800000
const I_1 = [0xff, 0xff, 0xff, 0xff]; // int32 -1

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
  ["float(1) is a float", float(1), [3, 0, 0, 0, ...F1]],
  ["int 2^40 (64-bit)", 2 ** 40, [2, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]],
  ["Vector2", new Vector2(1, 2), [5, 0, 0, 0, ...F1, ...F2]],
  ["Vector2i", new Vector2i(1, -1), [6, 0, 0, 0, 1, 0, 0, 0, ...I_1]],
  ["Rect2", new Rect2(new Vector2(1, 2), new Vector2(3, 4)), [7, 0, 0, 0, ...F1, ...F2, ...F3, ...F4]],
  [
    "Rect2i",
    new Rect2i(new Vector2i(1, 2), new Vector2i(3, 4)),
    [8, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0],
  ],
  ["Vector3", new Vector3(1, 2, 3), [9, 0, 0, 0, ...F1, ...F2, ...F3]],
  ["Vector3i", new Vector3i(1, 2, -1), [10, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, ...I_1]],
  [
    "Transform2D (columns x, y, origin)",
    new Transform2D(new Vector2(1, 2), new Vector2(3, 4), new Vector2(0.5, -1)),
    [11, 0, 0, 0, ...F1, ...F2, ...F3, ...F4, ...FHALF, ...FNEG1],
  ],
  ["Vector4", new Vector4(1, 2, 3, 4), [12, 0, 0, 0, ...F1, ...F2, ...F3, ...F4]],
  ["Vector4i", new Vector4i(1, 2, 3, -1), [13, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, ...I_1]],
  ["Plane (normal, d)", new Plane(new Vector3(0, 1, 0), 2), [14, 0, 0, 0, ...F0, ...F1, ...F0, ...F2]],
  ["Quaternion (identity)", new Quaternion(), [15, 0, 0, 0, ...F0, ...F0, ...F0, ...F1]],
  [
    "AABB (position, size)",
    new AABB(new Vector3(1, 2, 3), new Vector3(4, 0.5, 1)),
    [16, 0, 0, 0, ...F1, ...F2, ...F3, ...F4, ...FHALF, ...F1],
  ],
  [
    "Basis (written by rows; fields are columns)",
    new Basis(new Vector3(1, 2, 3), new Vector3(4, 0.5, -1), new Vector3(0, 0, 1)),
    [17, 0, 0, 0, ...F1, ...F4, ...F0, ...F2, ...FHALF, ...F0, ...F3, ...FNEG1, ...F1],
  ],
  [
    "Transform3D (basis rows, then origin)",
    new Transform3D(new Basis(), new Vector3(1, 2, 3)),
    [18, 0, 0, 0, ...F1, ...F0, ...F0, ...F0, ...F1, ...F0, ...F0, ...F0, ...F1, ...F1, ...F2, ...F3],
  ],
  [
    "Projection (identity, by columns)",
    new Projection(),
    [19, 0, 0, 0, ...[F1, F0, F0, F0, F0, F1, F0, F0, F0, F0, F1, F0, F0, F0, F0, F1].flat()],
  ],
  ["Color", new Color(1, 0.5, 0, 1), [20, 0, 0, 0, ...F1, ...FHALF, ...F0, ...F1]],
  ["StringName", new StringName("x"), [21, 0, 0, 0, 1, 0, 0, 0, 120, 0, 0, 0]],
  [
    "NodePath (names | 0x80000000, subnames, flags 1 = absolute, then strings)",
    new NodePath("/root/a:b"),
    [
      ...[22, 0, 0, 0, 2, 0, 0, 0x80, 1, 0, 0, 0, 1, 0, 0, 0],
      ...[4, 0, 0, 0, ...ascii("root"), 1, 0, 0, 0, 97, 0, 0, 0, 1, 0, 0, 0, 98, 0, 0, 0],
    ],
  ],
  ["PackedInt32Array", PackedInt32Array.of(1, -1), [30, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, ...I_1]],
  [
    "PackedInt64Array",
    PackedInt64Array.of(1n, -1n),
    [31, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, ...I_1, ...I_1],
  ],
  ["PackedFloat32Array", PackedFloat32Array.of(1, 0.5), [32, 0, 0, 0, 2, 0, 0, 0, ...F1, ...FHALF]],
  ["PackedFloat64Array", PackedFloat64Array.of(1), [33, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]],
  [
    "PackedStringArray (each string with its NUL, padded)",
    new PackedStringArray(["ab", "abcd"]),
    [34, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 97, 98, 0, 0, 5, 0, 0, 0, ...ascii("abcd"), 0, 0, 0, 0],
  ],
  [
    "PackedVector2Array",
    new PackedVector2Array([new Vector2(1, 2)]),
    [35, 0, 0, 0, 1, 0, 0, 0, ...F1, ...F2],
  ],
  [
    "PackedVector3Array",
    new PackedVector3Array([new Vector3(1, 2, 3)]),
    [36, 0, 0, 0, 1, 0, 0, 0, ...F1, ...F2, ...F3],
  ],
  [
    "PackedColorArray",
    new PackedColorArray([new Color(1, 0, 0)]),
    [37, 0, 0, 0, 1, 0, 0, 0, ...F1, ...F0, ...F0, ...F1],
  ],
  [
    "PackedVector4Array",
    new PackedVector4Array([new Vector4(1, 2, 3, 4)]),
    [38, 0, 0, 0, 1, 0, 0, 0, ...F1, ...F2, ...F3, ...F4],
  ],
  [
    "typed Array[int] (kind 1 in bits 16-17, then the type id)",
    new TypedArray(TYPE_INT, [5]),
    [28, 0, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0],
  ],
];

describe("var_to_bytes / bytes_to_var", () => {
  for (const [name, value, expected] of VECTORS) {
    it(`encodes and decodes ${name}`, () => {
      const encoded = var_to_bytes(value);
      expect(encoded).toBeInstanceOf(PackedByteArray);
      expect([...encoded]).toEqual(expected);
      const decoded = bytes_to_var(new Uint8Array(expected));
      // float(1) decodes as the number 1: JS has one number type.
      const wanted = value instanceof GodotFloat ? value.value : value;
      if (wanted instanceof Object) expect((decoded as object).constructor).toBe(wanted.constructor);
      expect(decoded).toEqual(wanted);
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
    ).toEqual(new TypedArray(TYPE_INT, [5]));
    // Dictionary[String, bool] = {"a": true}: key type (bits 16-17) and value type (bits 18-19).
    const dict = [
      27, 0, 5, 0, 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 97, 0, 0, 0, 1, 0, 0, 0, 1, 0,
      0, 0,
    ];
    expect(bytes_to_var(new Uint8Array(dict))).toEqual({ a: true });
  });

  it("decodes a typed array as a TypedArray and keeps its type", () => {
    const decoded = bytes_to_var(var_to_bytes(new TypedArray(TYPE_STRING, ["a"])));
    expect(decoded).toBeInstanceOf(TypedArray);
    expect((decoded as TypedArray).get_typed_builtin()).toBe(TYPE_STRING);
    expect((decoded as TypedArray).is_typed()).toBe(true);
  });

  it("a JS integer is an int, a fraction a float; float(x) forces a float", () => {
    expect([...var_to_bytes(2)]).toEqual([2, 0, 0, 0, 2, 0, 0, 0]);
    expect([...var_to_bytes(2.5)]).toEqual([3, 0, 0, 0, 0, 0, 0x20, 0x40]);
    expect([...var_to_bytes(float(2))]).toEqual([3, 0, 0, 0, ...F2]);
    expect([...var_to_bytes([float(0.1)])].slice(8, 12)).toEqual([3, 0, 1, 0]); // 0.1 needs 64 bits
  });

  it("decodes what a double-precision Godot build writes (FLAG_64 math types)", () => {
    const f64 = (n: number) => [...new Uint8Array(Float64Array.of(n).buffer)];
    expect(bytes_to_var(new Uint8Array([5, 0, 1, 0, ...f64(1), ...f64(2)]))).toEqual(new Vector2(1, 2));
    expect(bytes_to_var(new Uint8Array([35, 0, 1, 0, 1, 0, 0, 0, ...f64(3), ...f64(4)]))).toEqual(
      new PackedVector2Array([new Vector2(3, 4)]),
    );
    // Color stays float32 even then.
    expect(bytes_to_var(new Uint8Array([20, 0, 1, 0, ...F1, ...F0, ...F0, ...F1]))).toEqual(
      new Color(1, 0, 0, 1),
    );
  });

  it("Color.html and to_html; NodePath parts", () => {
    expect(Color.html("#ff0000")).toEqual(new Color(1, 0, 0, 1));
    expect(Color.html("00ff0080").a).toBeCloseTo(128 / 255);
    expect(Color.html("#f00")).toEqual(new Color(1, 0, 0, 1));
    expect(new Color(1, 0.5, 0).to_html(false)).toBe("ff8000");
    const path = new NodePath("/root/a:b:c");
    expect([path.get_name_count(), path.get_name(1), path.get_subname_count(), path.get_subname(1)]).toEqual([
      2,
      "a",
      2,
      "c",
    ]);
    expect(path.is_absolute()).toBe(true);
    expect(String(path)).toBe("/root/a:b:c");
    expect(String(new NodePath("x/y"))).toBe("x/y");
  });

  it("bad input to the types: Color.html prints and gives black; NodePath and StringName stringify", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const bad of ["#12", "zzzzzz", 5, null]) expect(Color.html(bad as string)).toEqual(new Color());
    expect(spy).toHaveBeenCalledTimes(4);
    spy.mockRestore();
    expect(String(new StringName(5 as unknown as string))).toBe("5");
    expect(new NodePath(null as unknown as string).is_empty()).toBe(false);
    expect(var_to_bytes(new PackedVector2Array([1 as unknown as Vector2])).size()).toBe(0);
    expect(var_to_bytes(new Vector2("a" as unknown as number, 1)).size()).toBe(0);
    for (const type of [0, 39, -1, 1.5, "2"])
      expect(var_to_bytes(new TypedArray(type as number, [1])).size()).toBe(0);
  });

  it("undefined encodes as null; non-integral numbers that fit a float stay 32-bit", () => {
    expect([...var_to_bytes(undefined)]).toEqual([0, 0, 0, 0]);
    expect(bytes_to_var(var_to_bytes(Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
    expect(bytes_to_var(var_to_bytes(Number.NaN))).toBeNaN();
  });

  it("returns null for bytes that are not a Variant, with Godot's error print", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(bytes_to_var(new Uint8Array([]))).toBe(null);
    expect(bytes_to_var(new Uint8Array([2, 0, 0]))).toBe(null); // truncated header
    expect(bytes_to_var(new Uint8Array([2, 0, 0, 0, 1]))).toBe(null); // truncated int
    expect(bytes_to_var(new Uint8Array([4, 0, 0, 0, 9, 0, 0, 0, 97]))).toBe(null); // string past the end
    expect(bytes_to_var(new Uint8Array([4, 0, 0, 0, 1, 0, 0, 0, 0xff, 0, 0, 0]))).toBe(null); // invalid UTF-8
    expect(bytes_to_var(new Uint8Array([5, 0, 0, 0, 0, 0, 0, 0]))).toBe(null); // Vector2 cut short
    expect(bytes_to_var(new Uint8Array([24, 0, 0, 0, 0, 0, 0, 0]))).toBe(null); // an Object: not decoded
    expect(bytes_to_var(new Uint8Array([39, 0, 0, 0]))).toBe(null); // no such type
    expect(bytes_to_var(new Uint8Array([22, 0, 0, 0, 1, 0, 0, 0]))).toBe(null); // NodePath's old format
    expect(bytes_to_var(new Uint8Array([30, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f]))).toBe(null); // huge count
    expect(bytes_to_var(new Uint8Array([28, 0, 2, 0, 0, 0, 0, 0]))).toBe(null); // array typed by class name
    expect(bytes_to_var(new Uint8Array([28, 0, 0, 0, 5, 0, 0, 0]))).toBe(null); // count past the end
    expect(bytes_to_var("abc" as unknown as Uint8Array)).toBe(null);
    expect(spy.mock.calls[0]?.[0]).toContain("Not enough bytes for decoding bytes, or invalid format.");
    spy.mockRestore();
  });

  it("gives an empty array (and an error print) for values it cannot encode", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(var_to_bytes(() => 1).size()).toBe(0);
    expect(var_to_bytes(Symbol("x")).size()).toBe(0);
    expect(var_to_bytes(new Date()).size()).toBe(0);
    expect(var_to_bytes(2n ** 64n).size()).toBe(0);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(var_to_bytes(cyclic).size()).toBe(0);
  });
});
