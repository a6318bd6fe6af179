// Variant fuzz: bytes_to_var and PackedByteArray.decode_var on random buffers and on valid encodings
// with bytes flipped, cut short or spliced. Each call must return (a value or null) and never throw;
// a decoded value must encode again. Shared by godot-compat's test (a few thousand runs, Node and
// Chromium) and `stress variant-fuzz` (100,000).
import {
  bytes_to_var,
  Color,
  float,
  NodePath,
  PackedByteArray,
  PackedFloat64Array,
  PackedInt64Array,
  PackedStringArray,
  PackedVector3Array,
  StringName,
  Transform3D,
  TYPE_FLOAT,
  TypedArray,
  Vector2,
  Vector4i,
  var_to_bytes,
} from "@wsport/godot-compat";
import fc from "fast-check";

export interface VariantFuzzResult {
  runs: number;
  decoded: number;
  nulls: number;
  /** "<what>: <error>" of each throw; empty when none threw. */
  throws: string[];
}

/** Values of every kind the format carries, nested. */
function variants(): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.double(),
    fc.string({ maxLength: 12 }),
    fc.float().map((x) => float(x)),
    fc.tuple(fc.float(), fc.float()).map(([x, y]) => new Vector2(x, y)),
    fc.tuple(fc.integer(), fc.integer()).map(([x, y]) => new Vector4i(x, y, -x, -y)),
    fc.constant(new Transform3D()),
    fc.tuple(fc.float(), fc.float(), fc.float()).map(([r, g, b]) => new Color(r, g, b)),
    fc.string({ maxLength: 8 }).map((s) => new StringName(s)),
    fc.constantFrom(new NodePath("/root/a:b"), new NodePath("x")),
    fc.uint8Array({ maxLength: 9 }).map((b) => new PackedByteArray(b)),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }).map((a) => new PackedStringArray(a)),
    fc.array(fc.double(), { maxLength: 3 }).map((a) => PackedFloat64Array.from(a)),
    fc
      .array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { maxLength: 3 })
      .map((a) => PackedInt64Array.from(a)),
    fc.constant(new PackedVector3Array()),
    fc.array(fc.double(), { maxLength: 3 }).map((a) => new TypedArray(TYPE_FLOAT, a)),
  );
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("dict")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    dict: fc.dictionary(fc.string({ maxLength: 5 }), tie("value"), { maxKeys: 3 }),
  })).value;
}

/** Random bytes, or a valid encoding with some bytes changed, cut short, or joined to random bytes. */
function buffers(): fc.Arbitrary<Uint8Array> {
  const mutated = fc
    .tuple(
      variants(),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      fc.nat(),
      fc.boolean(),
    )
    .map(([value, flips, cut, truncate]) => {
      const bytes = var_to_bytes(value).slice();
      for (const [at, byte] of flips) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return truncate && bytes.length > 0 ? bytes.subarray(0, cut % bytes.length) : bytes;
    });
  const header = fc
    .tuple(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 15 }), fc.uint8Array({ maxLength: 64 }))
    .map(([type, flags, rest]) => Uint8Array.from([type, 0, flags, 0, ...rest]));
  return fc.oneof(fc.uint8Array({ maxLength: 128 }), mutated, header);
}

export function fuzzVariants(runs: number, seed = 1): VariantFuzzResult {
  const result: VariantFuzzResult = { runs: 0, decoded: 0, nulls: 0, throws: [] };
  const quiet = console.error;
  console.error = () => {}; // every bad buffer prints Godot's error
  try {
    fc.assert(
      fc.property(buffers(), fc.nat(8), (bytes, offset) => {
        result.runs++;
        let step = "bytes_to_var";
        try {
          const value = bytes_to_var(bytes);
          if (value === null) result.nulls++;
          else result.decoded++;
          step = "var_to_bytes of the decoded value";
          var_to_bytes(value);
          step = "decode_var";
          new PackedByteArray(bytes).decode_var(offset);
        } catch (err) {
          const what = `${step}: ${String(err)}`;
          if (!result.throws.includes(what)) result.throws.push(what);
        }
        return true;
      }),
      { numRuns: runs, seed },
    );
  } finally {
    console.error = quiet;
  }
  return result;
}
