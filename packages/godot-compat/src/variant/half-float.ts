// Follows Godot's core/math/math_funcs.h (make_half_float, half_to_float).
// IEEE 754 half-precision floats as Godot writes them: the mantissa is cut (not rounded) to 10 bits,
// a value too small for a normal half becomes 0 (Godot drops denormals), one too large becomes infinity.
const scratch = new DataView(new ArrayBuffer(4));

/** The 16 bits Godot stores for `value` (first narrowed to a 32-bit float, as Godot's float). */
export function halfBits(value: number): number {
  scratch.setFloat32(0, value);
  const bits = scratch.getUint32(0);
  const sign = (bits >>> 31) << 15;
  const exponent = bits & 0x7f800000;
  const mantissa = bits & 0x7fffff;
  if (exponent >= 0x47800000) {
    const nan = exponent === 0x7f800000 && mantissa !== 0;
    return sign | 0x7c00 | (nan ? 0x3ff : 0);
  }
  if (exponent <= 0x38000000) return 0;
  return sign | ((exponent - 0x38000000) >>> 13) | (mantissa >>> 13);
}

/** The number 16 half-float bits stand for (denormals included, as Godot reads them). */
export function halfValue(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}
