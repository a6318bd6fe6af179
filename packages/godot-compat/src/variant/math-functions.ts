// Follows Godot's core/math/math_funcs.h and core/variant/variant_utility.cpp (the math utility functions).
// @GlobalScope's math with Godot's rules where they differ from JavaScript's: round() rounds halves away
// from zero, fposmod/posmod keep the divisor's sign, wrapf/snapped/ease/smoothstep as Godot computes them.
const CMP_EPSILON = 0.00001;
const TAU = Math.PI * 2;
const num = Number;

export const sin = (angle_rad: number): number => Math.sin(angle_rad);
export const cos = (angle_rad: number): number => Math.cos(angle_rad);
export const tan = (angle_rad: number): number => Math.tan(angle_rad);
export const sinh = (x: number): number => Math.sinh(x);
export const cosh = (x: number): number => Math.cosh(x);
export const tanh = (x: number): number => Math.tanh(x);
export const asin = (x: number): number => Math.asin(Math.min(1, Math.max(-1, x)));
export const acos = (x: number): number => Math.acos(Math.min(1, Math.max(-1, x)));
export const atan = (x: number): number => Math.atan(x);
export const atan2 = (y: number, x: number): number => Math.atan2(y, x);
export const asinh = (x: number): number => Math.asinh(x);
export const acosh = (x: number): number => (x < 1 ? 0 : Math.acosh(x));
export const atanh = (x: number): number =>
  x <= -1 ? Number.NEGATIVE_INFINITY : x >= 1 ? Number.POSITIVE_INFINITY : Math.atanh(x);
export const sqrt = (x: number): number => Math.sqrt(x);
export const fmod = (x: number, y: number): number => x % y;
export function fposmod(x: number, y: number): number {
  let value = x % y;
  if ((value < 0 && y > 0) || (value > 0 && y < 0)) value += y;
  return value;
}
export function posmod(x: number, y: number): number {
  if (y === 0) return 0; // Godot refuses a division by zero with an error print
  return fposmod(Math.trunc(x), Math.trunc(y));
}
export const floor = (x: number): number => Math.floor(x);
export const floorf = floor;
export const floori = (x: number): number => Math.floor(x);
export const ceil = (x: number): number => Math.ceil(x);
export const ceilf = ceil;
export const ceili = (x: number): number => Math.ceil(x);
/** Halves round away from zero, as C's round (JavaScript's Math.round rounds -2.5 to -2). */
export const round = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));
export const roundf = round;
export const roundi = round;
export const abs = (x: number): number => Math.abs(x);
export const absf = abs;
export const absi = abs;
export const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);
export const signf = sign;
export const signi = sign;
export const snapped = (x: number, step: number): number =>
  step !== 0 ? Math.floor(x / step + 0.5) * step : x;
export const snappedf = snapped;
export const snappedi = (x: number, step: number): number => Math.trunc(snapped(x, step));
export const pow = (base: number, exp: number): number => base ** exp;
export const log = (x: number): number => Math.log(x);
export const exp = (x: number): number => Math.exp(x);
export const is_nan = (x: number): boolean => Number.isNaN(x);
export const is_inf = (x: number): boolean =>
  x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY;
export const is_finite = (x: number): boolean => Number.isFinite(x);
export function is_equal_approx(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) < Math.max(CMP_EPSILON * Math.abs(a), CMP_EPSILON);
}
export const is_zero_approx = (x: number): boolean => Math.abs(x) < CMP_EPSILON;
/** Godot's easing curve: positive `curve` eases in (above 1) or out (below 1), negative in and out. */
export function ease(x: number, curve: number): number {
  const t = Math.min(1, Math.max(0, x));
  if (curve > 0) return curve < 1 ? 1 - (1 - t) ** (1 / curve) : t ** curve;
  if (curve < 0) return t < 0.5 ? (t * 2) ** -curve * 0.5 : (1 - (1 - (t - 0.5) * 2) ** -curve) * 0.5 + 0.5;
  return 0;
}
/** How many decimals `x` has, up to 10 (0.0 → 0, 0.25 → 2). */
export function step_decimals(x: number): number {
  const fraction = Math.abs(x) - Math.trunc(Math.abs(x));
  for (let i = 0; i < 10; i++) if (fraction >= 0.9999 / 10 ** i) return i;
  return 0;
}
export const lerp = (from: number, to: number, weight: number): number => from + (to - from) * weight;
export const lerpf = lerp;
export function cubic_interpolate(
  from: number,
  to: number,
  pre: number,
  post: number,
  weight: number,
): number {
  const w2 = weight * weight;
  return (
    0.5 *
    (from * 2 +
      (-pre + to) * weight +
      (2 * pre - 5 * from + 4 * to - post) * w2 +
      (-pre + 3 * from - 3 * to + post) * w2 * weight)
  );
}
/** `to` moved by whole turns to be the nearest angle to `from`. */
function nearestTurn(from: number, to: number): number {
  const difference = (to - from) % TAU;
  return from + ((2 * difference) % TAU) - difference;
}
export function cubic_interpolate_angle(
  from: number,
  to: number,
  pre: number,
  post: number,
  weight: number,
): number {
  const fromRot = from % TAU;
  const toRot = nearestTurn(fromRot, to);
  return cubic_interpolate(fromRot, toRot, nearestTurn(fromRot, pre), nearestTurn(toRot, post), weight);
}
export function cubic_interpolate_in_time(
  from: number,
  to: number,
  pre: number,
  post: number,
  weight: number,
  to_t: number,
  pre_t: number,
  post_t: number,
): number {
  const t = lerp(0, to_t, weight);
  const a1 = lerp(pre, from, pre_t === 0 ? 0 : (t - pre_t) / -pre_t);
  const a2 = lerp(from, to, to_t === 0 ? 0.5 : t / to_t);
  const a3 = lerp(to, post, post_t - to_t === 0 ? 1 : (t - to_t) / (post_t - to_t));
  const b1 = lerp(a1, a2, to_t - pre_t === 0 ? 0 : (t - pre_t) / (to_t - pre_t));
  const b2 = lerp(a2, a3, post_t === 0 ? 1 : t / post_t);
  return lerp(b1, b2, to_t === 0 ? 0.5 : t / to_t);
}
export function cubic_interpolate_angle_in_time(
  from: number,
  to: number,
  pre: number,
  post: number,
  weight: number,
  to_t: number,
  pre_t: number,
  post_t: number,
): number {
  const fromRot = from % TAU;
  const toRot = nearestTurn(fromRot, to);
  return cubic_interpolate_in_time(
    fromRot,
    toRot,
    nearestTurn(fromRot, pre),
    nearestTurn(toRot, post),
    weight,
    to_t,
    pre_t,
    post_t,
  );
}
export function bezier_interpolate(
  start: number,
  control_1: number,
  control_2: number,
  end: number,
  t: number,
): number {
  const omt = 1 - t;
  return start * omt ** 3 + control_1 * omt * omt * t * 3 + control_2 * omt * t * t * 3 + end * t ** 3;
}
export function bezier_derivative(
  start: number,
  control_1: number,
  control_2: number,
  end: number,
  t: number,
): number {
  const omt = 1 - t;
  return (
    (control_1 - start) * 3 * omt * omt +
    (control_2 - control_1) * 6 * omt * t +
    (end - control_2) * 3 * t * t
  );
}
/** The shortest signed angle from `from` to `to`, in radians. */
export function angle_difference(from: number, to: number): number {
  const difference = (to - from) % TAU;
  return ((2 * difference) % TAU) - difference;
}
export const lerp_angle = (from: number, to: number, weight: number): number =>
  from + angle_difference(from, to) * weight;
export const inverse_lerp = (from: number, to: number, weight: number): number =>
  (weight - from) / (to - from);
export const remap = (value: number, istart: number, istop: number, ostart: number, ostop: number): number =>
  lerp(ostart, ostop, inverse_lerp(istart, istop, value));
export function smoothstep(from: number, to: number, x: number): number {
  if (is_equal_approx(from, to)) return from <= to ? (x <= from ? 0 : 1) : x <= to ? 1 : 0;
  const s = Math.min(1, Math.max(0, (x - from) / (to - from)));
  return s * s * (3 - 2 * s);
}
export const move_toward = (from: number, to: number, delta: number): number =>
  Math.abs(to - from) <= delta ? to : from + sign(to - from) * delta;
export function rotate_toward(from: number, to: number, delta: number): number {
  const difference = angle_difference(from, to);
  const size = Math.abs(difference);
  return from + Math.min(Math.max(delta, size - Math.PI), size) * (difference >= 0 ? 1 : -1);
}
export const deg_to_rad = (deg: number): number => deg * (Math.PI / 180);
export const rad_to_deg = (rad: number): number => rad * (180 / Math.PI);
export const linear_to_db = (lin: number): number => Math.log(lin) * 8.685889638065037;
export const db_to_linear = (db: number): number => Math.exp(db * 0.11512925464970229);
export function wrapi(value: number, min: number, max: number): number {
  const range = max - min;
  return range === 0 ? min : min + ((((value - min) % range) + range) % range);
}
export function wrapf(value: number, min: number, max: number): number {
  const range = max - min;
  if (is_zero_approx(range)) return min;
  const result = value - range * Math.floor((value - min) / range);
  return is_equal_approx(result, max) ? min : result;
}
export const wrap = (value: number, min: number, max: number): number =>
  [value, min, max].every(Number.isInteger) ? wrapi(value, min, max) : wrapf(value, min, max);
// Godot's MAX/MIN/CLAMP macros compare with < and >, so a NaN argument gives another answer than Math.max.
/** The largest of two or more numbers. */
export function max(arg1: number, arg2: number, ...rest: number[]): number {
  // biome-ignore lint/complexity/useMathMinMax: Godot compares with > and <, as its MAX macro
  return [arg1, arg2, ...rest].map(num).reduce((a, b) => (b > a ? b : a));
}
export function min(arg1: number, arg2: number, ...rest: number[]): number {
  // biome-ignore lint/complexity/useMathMinMax: Godot compares with > and <, as its MIN macro
  return [arg1, arg2, ...rest].map(num).reduce((a, b) => (b < a ? b : a));
}
// biome-ignore lint/complexity/useMathMinMax: Godot compares with > and <, as its MAX/MIN/CLAMP macros
export const maxi = (a: number, b: number): number => (a > b ? a : b);
export const maxf = maxi;
// biome-ignore lint/complexity/useMathMinMax: Godot compares with > and <, as its MAX/MIN/CLAMP macros
export const mini = (a: number, b: number): number => (a < b ? a : b);
export const minf = mini;
export const clamp = (value: number, min: number, max: number): number =>
  // biome-ignore lint/complexity/useMathMinMax: Godot compares with > and <, as its CLAMP macro
  value < min ? min : value > max ? max : value;
export const clampi = clamp;
export const clampf = clamp;
/** The smallest power of two at least `value` (0 for 0 and negatives, as Godot's unsigned arithmetic gives). */
export function nearest_po2(value: number): number {
  if (value <= 0) return 0;
  return 2 ** Math.ceil(Math.log2(value));
}
export function pingpong(value: number, length: number): number {
  if (length === 0) return 0;
  const x = (value - length) / (length * 2);
  return Math.abs((x - Math.floor(x)) * length * 2 - length);
}
