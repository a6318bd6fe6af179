// @GlobalScope utility functions a networking script calls, with Godot's results (Node and the browsers).
import {
  Color,
  clamp,
  ease,
  float,
  fposmod,
  is_equal_approx,
  Node,
  NodePath,
  nearest_po2,
  PackedByteArray,
  pingpong,
  posmod,
  print,
  print_rich,
  printerr,
  prints,
  printt,
  rand_from_seed,
  randf,
  randf_range,
  randi,
  randi_range,
  round,
  StringName,
  seed,
  snapped,
  step_decimals,
  str,
  str_to_var,
  TYPE_FLOAT,
  TYPE_INT,
  TYPE_STRING,
  TYPE_VECTOR2,
  type_convert,
  type_string,
  typeof as typeOf,
  Vector2,
  Vector2i,
  var_to_str,
  weakref,
  wrapf,
  wrapi,
} from "@wsport/godot-compat";
import { describe, expect, it, vi } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints_ = capturePrints();

describe("str and the print family", () => {
  it("str is variadic and writes each argument as Godot does", () => {
    expect(str("a", 1, true)).toBe("a1true");
    expect(str(null, float(2), 0.5)).toBe("<null>2.00.5");
    expect(str(new Vector2(1, 2), new Vector2i(3, 4))).toBe("(1.0, 2.0)(3, 4)");
    expect(str(["a", 1, new StringName("n"), new NodePath("p")])).toBe('["a", 1, &"n", ^"p"]');
    expect(str({ a: 1, b: [2] })).toBe('{ "a": 1, "b": [2] }');
    expect(str(new PackedByteArray([1, 2]))).toBe("[1, 2]");
    expect(str(1 / 3)).toBe("0.333333333333333");
    expect(str(Number.POSITIVE_INFINITY, Number.NaN)).toBe("infnan");
  });

  it("print, printt, prints, printerr, print_rich", () => {
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    print("score: ", 3);
    printt("a", 1);
    prints("a", 1);
    print_rich("[b]bold[/b] [color=red]red[/color]");
    printerr("bad ", 1);
    expect(logs.mock.calls.map((c) => c[0])).toEqual(["score: 3", "a\t1", "a 1", "bold red"]);
    expect(prints_.spy).toHaveBeenCalledWith("bad 1");
  });
});

describe("types", () => {
  it("typeof, type_string, type_convert", () => {
    expect([typeOf(1), typeOf(1.5), typeOf("s"), typeOf(new Vector2())]).toEqual([
      TYPE_INT,
      TYPE_FLOAT,
      TYPE_STRING,
      TYPE_VECTOR2,
    ]);
    expect([type_string(TYPE_INT), type_string(TYPE_VECTOR2), type_string(99)]).toEqual([
      "int",
      "Vector2",
      "<invalid type>",
    ]);
    expect([
      type_convert("12abc", TYPE_INT),
      type_convert(3.9, TYPE_INT),
      type_convert(1, TYPE_STRING),
    ]).toEqual([12, 3, "1"]);
    expect(type_convert("x", TYPE_VECTOR2)).toBe(null);
    expect(prints_.spy).toHaveBeenCalledTimes(1);
  });

  it("var_to_str / str_to_var: Godot's text format and back", () => {
    expect(var_to_str(new Vector2(1, 2.5))).toBe("Vector2(1, 2.5)");
    expect(var_to_str(float(1))).toBe("1.0");
    expect(var_to_str(new StringName("n"))).toBe('&"n"');
    expect(var_to_str(new NodePath("a/b"))).toBe('NodePath("a/b")');
    expect(var_to_str({ a: [1, "x"] })).toBe('{\n"a": [1, "x"]\n}');
    expect(var_to_str(new PackedByteArray([1, 2]))).toBe("PackedByteArray(1, 2)");
    for (const v of [
      null,
      true,
      42,
      'q"uote',
      new Vector2(1, 2),
      new Color(1, 0, 0, 1),
      [1, [2]],
      { k: new Vector2i(1, 2) },
      new PackedByteArray([3]),
    ]) {
      expect(str_to_var(var_to_str(v))).toEqual(v);
    }
    expect(str_to_var("inf_neg")).toBe(Number.NEGATIVE_INFINITY);
    expect(str_to_var("Vector2(1)")).toBe(null);
    expect(str_to_var("[1,")).toBe(null);
    expect(str_to_var(5 as never)).toBe(null);
    expect(var_to_str(() => 1)).toBe("");
    expect(prints_.spy).toHaveBeenCalledTimes(4);
  });

  it("weakref gives the object until it is freed", () => {
    const node = new Node();
    const ref = weakref(node)!;
    expect(ref.get_ref()).toBe(node);
    node.free();
    expect(ref.get_ref()).toBe(null);
    expect(weakref(5 as never)).toBe(null);
  });
});

describe("math with Godot's rules", () => {
  it("round halves away from zero; posmod/fposmod keep the divisor's sign; wrap, snapped, clamp, ease, pingpong", () => {
    expect([round(-2.5), round(2.5), round(-0.4)]).toEqual([-3, 3, -0]);
    expect([posmod(-7, 3), fposmod(-7.5, 3), posmod(7, -3)]).toEqual([2, 1.5, -2]);
    expect([wrapi(-1, 0, 3), wrapi(5, 0, 3), wrapf(3.5, 0, 3)]).toEqual([2, 2, 0.5]);
    expect([snapped(7.3, 2), snapped(5, 0), clamp(5, 0, 3)]).toEqual([8, 5, 3]);
    // step_decimals counts up to the first decimal that is not 0, as Godot: 1.0005 gives 4, 0.25 gives 1.
    expect([ease(0.5, 2), ease(0.25, -2), step_decimals(0.25), step_decimals(1.0005)]).toEqual([
      0.25, 0.125, 1, 4,
    ]);
    expect([nearest_po2(100), nearest_po2(0)]).toEqual([128, 0]);
    expect([pingpong(3, 2), pingpong(5, 2), is_equal_approx(0.1 + 0.2, 0.3)]).toEqual([1, 1, true]);
  });

  it("random numbers: seed makes them repeat; ranges hold; rand_from_seed is pure", () => {
    seed(12345);
    const first = [randi(), randi(), randf()];
    seed(12345);
    expect([randi(), randi(), randf()]).toEqual(first);
    for (let i = 0; i < 200; i++) {
      const n = randi_range(-3, 3);
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
      const f = randf_range(1, 2);
      expect(f >= 1 && f <= 2).toBe(true);
    }
    expect(randi_range(5, 5)).toBe(5);
    expect(rand_from_seed(7)).toEqual(rand_from_seed(7));
    expect(randi_range(1.5, 3)).toBe(0);
    seed("x" as never);
    expect(prints_.spy).toHaveBeenCalledTimes(2);
  });
});

describe("the interpolation functions give Godot's values", () => {
  it("lerp, inverse_lerp, remap, smoothstep, move_toward, angle functions, bezier, cubic", async () => {
    const m = await import("@wsport/godot-compat");
    expect([m.lerp(0, 10, 0.25), m.inverse_lerp(0, 10, 2.5), m.remap(5, 0, 10, 100, 200)]).toEqual([
      2.5, 0.25, 150,
    ]);
    expect([
      m.smoothstep(0, 1, 0.5),
      m.smoothstep(1, 1, 2),
      m.move_toward(0, 10, 3),
      m.move_toward(9, 10, 3),
    ]).toEqual([0.5, 1, 3, 10]);
    expect(m.angle_difference(0, 3 * Math.PI)).toBeCloseTo(-Math.PI); // Godot: fmod(2 * PI, TAU) - PI
    expect(m.angle_difference(0, 0.5)).toBeCloseTo(0.5);
    expect(m.lerp_angle(0, 2 * Math.PI - 0.2, 0.5)).toBeCloseTo(-0.1);
    expect(m.rotate_toward(0, 1, 0.25)).toBe(0.25);
    expect(m.bezier_interpolate(0, 1, 2, 3, 0.5)).toBe(1.5);
    expect(m.bezier_derivative(0, 1, 2, 3, 0.5)).toBe(3);
    expect(m.cubic_interpolate(0, 1, -1, 2, 0.5)).toBe(0.5);
    expect(m.cubic_interpolate_in_time(0, 1, -1, 2, 0.5, 1, -1, 2)).toBeCloseTo(0.5);
    expect([m.deg_to_rad(180), m.rad_to_deg(Math.PI), m.db_to_linear(0), m.linear_to_db(1)]).toEqual([
      Math.PI,
      180,
      1,
      0,
    ]);
    expect([m.maxi(2, 3), m.min(3, 1, 2), m.max(1, 5, 2), m.signi(-4), m.absi(-2)]).toEqual([3, 1, 5, -1, 2]);
    expect([m.wrap(5, 0, 3), m.fmod(-7, 3), m.snappedi(7, 5), m.asin(2)]).toEqual([2, -1, 5, Math.PI / 2]);
  });
});
