// Follows Godot's core/variant/variant.h, core/math/.
// Godot's Variant value types that a network message can carry: small classes with Godot's field
// names and the constructors ports use, so that `put_var(new Vector2(1, 2))` encodes a Vector2.
// They hold values only; the math (length(), rotated(), ...) is not here.

/** GDScript's `float(x)`: a number that put_var/var_to_bytes encode as a float even when it has no fraction. */
export class GodotFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

/** Wraps `value` so that it encodes as a Godot `float` (`float(1)` is `1.0`). */
export function float(value: number): GodotFloat {
  return new GodotFloat(Number(value));
}

export class Vector2 {
  constructor(
    public x = 0,
    public y = 0,
  ) {}
}

export class Vector2i {
  constructor(
    public x = 0,
    public y = 0,
  ) {}
}

export class Vector3 {
  constructor(
    public x = 0,
    public y = 0,
    public z = 0,
  ) {}
}

export class Vector3i {
  constructor(
    public x = 0,
    public y = 0,
    public z = 0,
  ) {}
}

export class Vector4 {
  constructor(
    public x = 0,
    public y = 0,
    public z = 0,
    public w = 0,
  ) {}
}

export class Vector4i {
  constructor(
    public x = 0,
    public y = 0,
    public z = 0,
    public w = 0,
  ) {}
}

export class Rect2 {
  constructor(
    public position = new Vector2(),
    public size = new Vector2(),
  ) {}
}

export class Rect2i {
  constructor(
    public position = new Vector2i(),
    public size = new Vector2i(),
  ) {}
}

/** Columns x, y and the origin, as in Godot (identity by default). */
export class Transform2D {
  constructor(
    public x = new Vector2(1, 0),
    public y = new Vector2(0, 1),
    public origin = new Vector2(),
  ) {}
}

export class Plane {
  constructor(
    public normal = new Vector3(),
    public d = 0,
  ) {}
}

/** Identity by default, as in Godot. */
export class Quaternion {
  constructor(
    public x = 0,
    public y = 0,
    public z = 0,
    public w = 1,
  ) {}
}

export class AABB {
  constructor(
    public position = new Vector3(),
    public size = new Vector3(),
  ) {}
}

/** The column vectors x, y, z, as Godot exposes them (identity by default). */
export class Basis {
  constructor(
    public x = new Vector3(1, 0, 0),
    public y = new Vector3(0, 1, 0),
    public z = new Vector3(0, 0, 1),
  ) {}
}

export class Transform3D {
  constructor(
    public basis = new Basis(),
    public origin = new Vector3(),
  ) {}
}

/** Four Vector4 columns (identity by default). */
export class Projection {
  constructor(
    public x = new Vector4(1, 0, 0, 0),
    public y = new Vector4(0, 1, 0, 0),
    public z = new Vector4(0, 0, 1, 0),
    public w = new Vector4(0, 0, 0, 1),
  ) {}
}

/** Components from 0 to 1; opaque black by default, as in Godot. */
export class Color {
  constructor(
    public r = 0,
    public g = 0,
    public b = 0,
    public a = 1,
  ) {}

  /** "#rgb", "#rgba", "#rrggbb" or "#rrggbbaa" (the "#" is optional); an invalid string gives opaque black with an error print, as Godot does. */
  static html(rgba: string): Color {
    const hex = typeof rgba === "string" ? rgba.replace(/^#/, "") : "";
    if (!/^[0-9a-fA-F]+$/.test(hex) || ![3, 4, 6, 8].includes(hex.length)) {
      console.error(`ERROR: Invalid color code: ${String(hex)}.`);
      return new Color();
    }
    const short = hex.length <= 4;
    const digits = short ? [...hex].map((d) => d + d) : (hex.match(/../g) as string[]);
    const [r = 0, g = 0, b = 0, a = 1] = digits.map((d) => Number.parseInt(d, 16) / 255);
    return new Color(r, g, b, a);
  }

  /** "rrggbbaa" (alpha left out when `with_alpha` is false). */
  to_html(with_alpha = true): string {
    const channels = with_alpha ? [this.r, this.g, this.b, this.a] : [this.r, this.g, this.b];
    return channels
      .map((c) =>
        Math.round(Math.min(Math.max(c, 0), 1) * 255)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("");
  }
}

/** An interned name in Godot; here a string kept apart so it encodes as StringName. */
export class StringName {
  readonly #name: string;
  constructor(name = "") {
    this.#name = text(name);
  }
  toString(): string {
    return this.#name;
  }
}

/** A value as a String, as GDScript's str() would; "" for what has no string form. */
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

/** "/root/Node:property:sub" → names ["root", "Node"], subnames ["property", "sub"], absolute. */
export class NodePath {
  readonly names: string[];
  readonly subnames: string[];
  readonly absolute: boolean;

  constructor(path = "") {
    const full = text(path);
    this.absolute = full.startsWith("/");
    const [names = "", ...subnames] = full.split(":");
    this.names = names.split("/").filter((n) => n !== "");
    this.subnames = subnames.filter((n) => n !== "");
  }

  /** A NodePath from its parts, as decoding builds one. */
  static from(names: string[], subnames: string[], absolute: boolean): NodePath {
    const path = new NodePath();
    path.names.push(...names);
    path.subnames.push(...subnames);
    (path as { absolute: boolean }).absolute = absolute;
    return path;
  }

  is_absolute(): boolean {
    return this.absolute;
  }
  is_empty(): boolean {
    return this.names.length === 0 && this.subnames.length === 0;
  }
  get_name_count(): number {
    return this.names.length;
  }
  get_name(idx: number): string {
    return this.names[idx] ?? "";
  }
  get_subname_count(): number {
    return this.subnames.length;
  }
  get_subname(idx: number): string {
    return this.subnames[idx] ?? "";
  }
  /** The names joined with "/" ("/root/Main" gives "root/Main"). */
  get_concatenated_names(): string {
    return this.names.join("/");
  }
  /** The subnames joined with ":" ("Sprite:texture:size" gives "texture:size"). */
  get_concatenated_subnames(): string {
    return this.subnames.join(":");
  }
  /** The path as a property path: its names become subnames (":position:x"). */
  get_as_property_path(): NodePath {
    return NodePath.from([], [...this.names, ...this.subnames], false);
  }
  /** The part from name or subname `begin` to `end` (negative: from the end), counted across names then subnames. */
  slice(begin: number, end = 2147483647): NodePath {
    const parts = [...this.names, ...this.subnames];
    const total = parts.length;
    const from = Math.max(0, begin < 0 ? total + begin : Math.min(begin, total));
    const to = Math.max(from, end < 0 ? total + end : Math.min(end, total));
    const names = this.names.slice(from, Math.min(to, this.names.length));
    const subnames = this.subnames.slice(
      Math.max(0, from - this.names.length),
      Math.max(0, to - this.names.length),
    );
    return NodePath.from(names, subnames, this.absolute && from === 0);
  }
  /** A number that is the same for equal paths. */
  hash(): number {
    const text = String(this);
    let h = 5381;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 33) ^ text.charCodeAt(i)) >>> 0;
    return h;
  }

  toString(): string {
    const names = (this.absolute ? "/" : "") + this.names.join("/");
    return this.subnames.length > 0 ? `${names}:${this.subnames.join(":")}` : names;
  }
}

// Packed arrays of numbers are JS typed arrays; those of values are JS arrays.
export class PackedInt32Array extends Int32Array {}
export class PackedInt64Array extends BigInt64Array {}
export class PackedFloat32Array extends Float32Array {}
export class PackedFloat64Array extends Float64Array {}

/** A JS array whose map/filter/slice give plain arrays (their results are not packed). */
class ValueArray<T> extends Array<T> {
  static override get [Symbol.species]() {
    return Array;
  }
  /** `new PackedStringArray(["a", "b"])` or `PackedStringArray.from(...)`. */
  constructor(items: Iterable<T> | number = []) {
    super();
    if (typeof items !== "number") for (const item of items) this.push(item);
  }
}
export class PackedStringArray extends ValueArray<string> {}
export class PackedVector2Array extends ValueArray<Vector2> {}
export class PackedVector3Array extends ValueArray<Vector3> {}
export class PackedColorArray extends ValueArray<Color> {}
export class PackedVector4Array extends ValueArray<Vector4> {}

/** GDScript's `Array[int]` and friends: an Array whose elements are of one builtin type (a TYPE_* id). */
export class TypedArray<T = unknown> extends ValueArray<T> {
  readonly element_type: number;
  constructor(element_type: number, items: Iterable<T> = []) {
    super(items);
    this.element_type = element_type;
  }
  is_typed(): boolean {
    return true;
  }
  get_typed_builtin(): number {
    return this.element_type;
  }
}

/**
 * What the format carries. An int is a JS integer (a bigint beyond 2^53), a float any other number
 * (or `float(x)`); a Dictionary with only String keys is a plain object, any other a Map.
 */
export type Variant =
  | null
  | boolean
  | number
  | bigint
  | string
  | GodotFloat
  | StringName
  | NodePath
  | Vector2
  | Vector2i
  | Rect2
  | Rect2i
  | Vector3
  | Vector3i
  | Transform2D
  | Vector4
  | Vector4i
  | Plane
  | Quaternion
  | AABB
  | Basis
  | Transform3D
  | Projection
  | Color
  | Variant[]
  | Uint8Array
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array
  | PackedStringArray
  | PackedVector2Array
  | PackedVector3Array
  | PackedColorArray
  | PackedVector4Array
  | { [key: string]: Variant }
  | Map<Variant, Variant>;
