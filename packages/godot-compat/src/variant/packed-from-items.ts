// Follows Godot's core/variant/variant_parser.cpp and core/io/json.cpp (the packed arrays they rebuild).
// A packed array from the flat list of items that Godot's text format (var_to_str) and JSON.from_native
// write for it: one number or string per element, or each vector's or colour's numbers in a row.
import { PackedByteArray } from "./packed-byte-array.js";
import { TYPE_NAMES } from "./type-of.js";
import { PACKED_STRUCTS } from "./variant-structs.js";
import {
  PackedFloat32Array,
  PackedFloat64Array,
  PackedInt32Array,
  PackedInt64Array,
  PackedStringArray,
  type Variant,
} from "./variant-types.js";

/** How one packed array type is rebuilt from its items. */
export interface PackedFromItems {
  /** Items per element: 1, or the numbers of one Vector2, Vector3, Color or Vector4. */
  readonly size: number;
  /** The array; items after the last whole element are left out. */
  build(items: readonly unknown[]): Variant;
}

/** The packed arrays of numbers or strings, one item an element. (No call here: a bundle drops an unused table.) */
const OF_SCALARS: Readonly<Record<string, PackedFromItems["build"]>> = {
  PackedByteArray: (a) => new PackedByteArray(a.map(Number)),
  PackedInt32Array: (a) => new PackedInt32Array(a.map(Number)),
  PackedInt64Array: (a) => new PackedInt64Array(a.map((n) => BigInt(Math.trunc(Number(n))))),
  PackedFloat32Array: (a) => new PackedFloat32Array(a.map(Number)),
  PackedFloat64Array: (a) => new PackedFloat64Array(a.map(Number)),
  PackedStringArray: (a) => new PackedStringArray(a.map(String)),
};

/** The packed array type named `name` (Variant::get_type_name), or undefined when it names none. */
export function packedFromItems(name: string): PackedFromItems | undefined {
  if (Object.hasOwn(OF_SCALARS, name)) return { size: 1, build: OF_SCALARS[name]! };
  const packed = PACKED_STRUCTS.find(([type]) => TYPE_NAMES[type] === name);
  if (packed === undefined) return undefined;
  const [, cls, element] = packed;
  return {
    size: element.size,
    build(items) {
      const out = new cls();
      for (let i = 0; i + element.size <= items.length; i += element.size)
        out.push(element.build(items.slice(i, i + element.size).map(Number)));
      return out as Variant;
    },
  };
}
