// Follows Godot's core/io/marshalls.cpp.
// The fixed-size Variant types as flat lists of numbers, in the order Godot 4's marshalls.cpp writes
// them (see docs/spec/godot-variant.md). "real" types are float32 (Godot's default real_t; a
// double-precision build's FLAG_64 encoding is decoded too), "int" types are int32, Color is always float32.

import * as T from "./variant-ids.js";
import {
  AABB,
  Basis,
  Color,
  PackedColorArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
  Plane,
  Projection,
  Quaternion,
  Rect2,
  Rect2i,
  Transform2D,
  Transform3D,
  Vector2,
  Vector2i,
  Vector3,
  Vector3i,
  Vector4,
  Vector4i,
} from "./variant-types.js";

export interface Struct {
  type: number;
  cls: abstract new (...args: never[]) => object;
  /** "real": float32, or float64 under FLAG_64; "int": int32; "float": always float32 (Color). */
  kind: "real" | "int" | "float";
  size: number;
  flatten(value: never): number[];
  build(n: number[]): object;
}

const v2 = (v: Vector2 | Vector2i) => [v.x, v.y];
const v3 = (v: Vector3 | Vector3i) => [v.x, v.y, v.z];
const v4 = (v: Vector4 | Vector4i | Quaternion) => [v.x, v.y, v.z, v.w];
/** Basis is written by rows; its fields are the columns. */
const rows = (b: Basis) => [b.x.x, b.y.x, b.z.x, b.x.y, b.y.y, b.z.y, b.x.z, b.y.z, b.z.z];
const fromRows = (n: number[]) =>
  new Basis(new Vector3(n[0], n[3], n[6]), new Vector3(n[1], n[4], n[7]), new Vector3(n[2], n[5], n[8]));

function struct<C extends abstract new (...args: never[]) => object>(
  type: number,
  cls: C,
  kind: Struct["kind"],
  size: number,
  flatten: (value: InstanceType<C>) => number[],
  build: (n: number[]) => InstanceType<C>,
): Struct {
  return { type, cls, kind, size, flatten: flatten as Struct["flatten"], build };
}

export const STRUCTS: readonly Struct[] = [
  struct(T.TYPE_VECTOR2, Vector2, "real", 2, v2, (n) => new Vector2(n[0], n[1])),
  struct(T.TYPE_VECTOR2I, Vector2i, "int", 2, v2, (n) => new Vector2i(n[0], n[1])),
  struct(
    T.TYPE_RECT2,
    Rect2,
    "real",
    4,
    (r) => [...v2(r.position), ...v2(r.size)],
    (n) => new Rect2(new Vector2(n[0], n[1]), new Vector2(n[2], n[3])),
  ),
  struct(
    T.TYPE_RECT2I,
    Rect2i,
    "int",
    4,
    (r) => [...v2(r.position), ...v2(r.size)],
    (n) => new Rect2i(new Vector2i(n[0], n[1]), new Vector2i(n[2], n[3])),
  ),
  struct(T.TYPE_VECTOR3, Vector3, "real", 3, v3, (n) => new Vector3(n[0], n[1], n[2])),
  struct(T.TYPE_VECTOR3I, Vector3i, "int", 3, v3, (n) => new Vector3i(n[0], n[1], n[2])),
  struct(
    T.TYPE_TRANSFORM2D,
    Transform2D,
    "real",
    6,
    (t) => [...v2(t.x), ...v2(t.y), ...v2(t.origin)],
    (n) => new Transform2D(new Vector2(n[0], n[1]), new Vector2(n[2], n[3]), new Vector2(n[4], n[5])),
  ),
  struct(T.TYPE_VECTOR4, Vector4, "real", 4, v4, (n) => new Vector4(n[0], n[1], n[2], n[3])),
  struct(T.TYPE_VECTOR4I, Vector4i, "int", 4, v4, (n) => new Vector4i(n[0], n[1], n[2], n[3])),
  struct(
    T.TYPE_PLANE,
    Plane,
    "real",
    4,
    (p) => [...v3(p.normal), p.d],
    (n) => new Plane(new Vector3(n[0], n[1], n[2]), n[3]),
  ),
  struct(T.TYPE_QUATERNION, Quaternion, "real", 4, v4, (n) => new Quaternion(n[0], n[1], n[2], n[3])),
  struct(
    T.TYPE_AABB,
    AABB,
    "real",
    6,
    (b) => [...v3(b.position), ...v3(b.size)],
    (n) => new AABB(new Vector3(n[0], n[1], n[2]), new Vector3(n[3], n[4], n[5])),
  ),
  struct(T.TYPE_BASIS, Basis, "real", 9, rows, fromRows),
  struct(
    T.TYPE_TRANSFORM3D,
    Transform3D,
    "real",
    12,
    (t) => [...rows(t.basis), ...v3(t.origin)],
    (n) => new Transform3D(fromRows(n), new Vector3(n[9], n[10], n[11])),
  ),
  struct(
    T.TYPE_PROJECTION,
    Projection,
    "real",
    16,
    (p) => [...v4(p.x), ...v4(p.y), ...v4(p.z), ...v4(p.w)],
    (n) =>
      new Projection(
        new Vector4(n[0], n[1], n[2], n[3]),
        new Vector4(n[4], n[5], n[6], n[7]),
        new Vector4(n[8], n[9], n[10], n[11]),
        new Vector4(n[12], n[13], n[14], n[15]),
      ),
  ),
  struct(
    T.TYPE_COLOR,
    Color,
    "float",
    4,
    (c) => [c.r, c.g, c.b, c.a],
    (n) => new Color(n[0], n[1], n[2], n[3]),
  ),
];

/** The struct for a type id, or undefined. */
export function structOfType(type: number): Struct | undefined {
  return STRUCTS.find((s) => s.type === type);
}

/** The struct `value` is an instance of, or undefined. */
export function structOfValue(value: object): Struct | undefined {
  return STRUCTS.find((s) => value instanceof s.cls);
}

/**
 * The packed arrays of fixed-size values: each one's type id, its class and its elements' struct.
 * The codec, typeof(), var_to_str and JSON all read this table.
 */
export const PACKED_STRUCTS: ReadonlyArray<
  readonly [type: number, cls: new () => object[], element: Struct]
> = [
  [T.TYPE_PACKED_VECTOR2_ARRAY, PackedVector2Array, structOfType(T.TYPE_VECTOR2)!],
  [T.TYPE_PACKED_VECTOR3_ARRAY, PackedVector3Array, structOfType(T.TYPE_VECTOR3)!],
  [T.TYPE_PACKED_COLOR_ARRAY, PackedColorArray, structOfType(T.TYPE_COLOR)!],
  [T.TYPE_PACKED_VECTOR4_ARRAY, PackedVector4Array, structOfType(T.TYPE_VECTOR4)!],
];
