// JSON and Marshalls with Godot's rules, which are not JavaScript's (runs in Node and the browsers).
import * as godot from "@wsport/godot-compat";
import {
  Color,
  ERR_INVALID_PARAMETER,
  ERR_PARSE_ERROR,
  float,
  JSON as GodotJSON,
  Marshalls,
  NodePath,
  OK,
  PackedByteArray,
  StringName,
  str_to_var,
  to_utf8_buffer,
  Vector2,
  Vector2i,
  var_to_str,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { capturePrints } from "./helpers.ts";

const prints = capturePrints();

describe("JSON.stringify", () => {
  it("Godot's number rules: 0.0 for a float zero, 14 significant digits, ints as they are", () => {
    expect(GodotJSON.stringify([1, 0, float(0), 0.1, 1 / 3, 2.5e-7, 123456.789])).toBe(
      "[1,0,0.0,0.1,0.333333333333333,0.00000025,123456.789]",
    );
    expect(GodotJSON.stringify(1 / 3, "", true, true)).toBe(String(1 / 3));
  });

  it("keys sorted unless sort_keys is false; indent puts each entry on its line with ': '", () => {
    const data = { b: 1, a: [true, null], c: {} };
    expect(GodotJSON.stringify(data)).toBe('{"a":[true,null],"b":1,"c":{}}');
    expect(GodotJSON.stringify(data, "", false)).toBe('{"b":1,"a":[true,null],"c":{}}');
    expect(GodotJSON.stringify({ k: [1] }, "\t")).toBe('{\n\t"k": [\n\t\t1\n\t]\n}');
    expect(GodotJSON.stringify(new Map([[2, "x"]]))).toBe('{"2":"x"}');
  });

  it("what JSON cannot hold becomes its str() text; strings escape as Godot's json_escape", () => {
    expect(GodotJSON.stringify(new Vector2(1, 2))).toBe('"(1.0, 2.0)"');
    expect(GodotJSON.stringify(new Vector2i(1, 2))).toBe('"(1, 2)"');
    expect(GodotJSON.stringify(new StringName("n"))).toBe('"n"');
    expect(GodotJSON.stringify('a"b\\\n\t\v/')).toBe('"a\\"b\\\\\\n\\t\\v/"');
    expect(GodotJSON.stringify(new PackedByteArray([1, 2]))).toBe('"[1, 2]"');
  });

  it("a circular structure prints an error and writes a marker; a bad indent is refused", () => {
    const loop: unknown[] = [1];
    loop.push(loop);
    expect(GodotJSON.stringify(loop)).toBe('[1,"[...]"]');
    expect(GodotJSON.stringify(1, 2 as never)).toBe("");
    expect(prints.spy).toHaveBeenCalledTimes(2);
  });
});

describe("JSON.parse", () => {
  it("numbers, strings with escapes and surrogate pairs, nested containers; trailing commas are taken", () => {
    const json = new GodotJSON();
    expect(
      json.parse('{"a": [1, 2.5, -3e2, ], "s": "\\u00e9\\ud83d\\ude00\\/", "t": true, "n": null,}'),
    ).toBe(OK);
    expect(json.get_data()).toEqual({ a: [1, 2.5, -300], s: "é😀/", t: true, n: null });
    expect(json.get_error_line()).toBe(0);
    expect(json.get_error_message()).toBe("");
    expect(GodotJSON.parse_string(" 42 ")).toBe(42);
  });

  it("errors: Godot's messages, the line counted from 0, ERR_PARSE_ERROR; parse_string prints and gives null", () => {
    const json = new GodotJSON();
    const cases: Array<[string, number, string]> = [
      ['{"a": 1\n "b": 2}', 1, "Expected '}' or ','"],
      ["[1, 2", 0, "Expected ']'"],
      ["[1 2]", 0, "Expected ','"],
      ["[1\n,\n", 2, "Expected value, got 'EOF'"],
      ["{1: 2}", 0, "Expected key"],
      ['{"a" 1}', 0, "Expected ':'"],
      ["tru", 0, "Expected 'true', 'false', or 'null', got 'tru'"],
      ['"abc', 0, "Unterminated string"],
      ['"\\x"', 0, "Invalid escape sequence"],
      ['"\\u12G4"', 0, "Malformed hex constant in string"],
      ['"\\ud800"', 0, "Invalid UTF-16 sequence in string, unpaired lead surrogate"],
      ["1 2", 0, "Expected 'EOF'"],
      ["]", 0, "Expected value, got '']''"],
      ["   ", 0, "Expected value, got 'EOF'"],
      ["@", 0, "Unexpected character"],
    ];
    for (const [text, line, message] of cases) {
      expect(json.parse(text), text).toBe(ERR_PARSE_ERROR);
      expect([json.get_error_line(), json.get_error_message()], text).toEqual([line, message]);
    }
    expect(GodotJSON.parse_string("[1,")).toBe(null);
    expect(prints.spy).toHaveBeenCalledWith("ERROR: Parse JSON failed. Error at line 0: Expected ']'");
  });

  it("keep_text keeps the text; set_data / data replace it; bad input is ERR_INVALID_PARAMETER", () => {
    const json = GodotJSON.new();
    expect(json.parse("[1]", true)).toBe(OK);
    expect(json.get_parsed_text()).toBe("[1]");
    json.set_data({ x: 1 });
    expect([json.data, json.get_parsed_text()]).toEqual([{ x: 1 }, ""]);
    json.data = [2];
    expect(json.get_data()).toEqual([2]);
    expect(json.parse(5 as never)).toBe(ERR_INVALID_PARAMETER);
    expect(prints.spy).toHaveBeenCalledTimes(1);
  });

  it("a __proto__ key is an ordinary key", () => {
    const data = GodotJSON.parse_string('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });
});

describe("JSON.from_native / to_native", () => {
  it("keeps Godot's types through JSON text and back", () => {
    const value = {
      n: 1,
      f: 2.5,
      s: "x",
      sn: new StringName("a"),
      np: new NodePath("/root"),
      v: new Vector2(1, 2),
      c: new Color(1, 0, 0, 1),
      b: new PackedByteArray([7]),
    };
    const native = GodotJSON.from_native(value) as { type: string; args: unknown[] };
    expect(native.type).toBe("Dictionary");
    expect(native.args.slice(0, 4)).toEqual(["s:n", "i:1", "s:f", "f:2.5"]);
    expect(GodotJSON.from_native(new Vector2(1, 2))).toEqual({ type: "Vector2", args: [1, 2] });
    const back = GodotJSON.to_native(GodotJSON.parse_string(GodotJSON.stringify(native)));
    expect(back).toEqual(value);
    expect(GodotJSON.to_native("f:3")).toEqual(float(3));
  });

  it("bad input: unknown prefixes and types, wrong argument counts, objects: null with a print", () => {
    expect(GodotJSON.to_native("x:1")).toBe(null);
    expect(GodotJSON.to_native({ type: "Vector2", args: [1] })).toBe(null);
    expect(GodotJSON.to_native({ type: "Nope", args: [] })).toBe(null);
    expect(GodotJSON.to_native({ args: [] })).toBe(null);
    expect(GodotJSON.from_native(new (class Thing {})())).toBe(null);
    expect(prints.spy).toHaveBeenCalledTimes(5);
  });

  it("every packed array type, through JSON and through Godot's text format (var_to_str), and back", () => {
    const arrays = [
      new PackedByteArray([1, 255]),
      new godot.PackedInt32Array([-1, 2]),
      new godot.PackedInt64Array([-(2n ** 40n), 3n]),
      new godot.PackedFloat32Array([0.5, -2]),
      new godot.PackedFloat64Array([0.1, 1e300]),
      new godot.PackedStringArray(["a", 'q"uote']),
      new godot.PackedVector2Array([new Vector2(1, 2), new Vector2(3, 4)]),
      new godot.PackedVector3Array([new godot.Vector3(1, 2, 3)]),
      new godot.PackedColorArray([new godot.Color(1, 0, 0.5, 1)]),
      new godot.PackedVector4Array([new godot.Vector4(1, 2, 3, 4)]),
    ];
    for (const array of arrays) {
      expect(GodotJSON.to_native(GodotJSON.from_native(array)), array.constructor.name).toEqual(array);
      expect(str_to_var(var_to_str(array)), array.constructor.name).toEqual(array);
    }
  });

  it("bad input: a vector array's items not in whole groups, names that are no type's (toString)", () => {
    // JSON refuses a broken group; the text format leaves the extra number out.
    expect(GodotJSON.to_native({ type: "PackedVector2Array", args: [1, 2, 3] })).toBe(null);
    expect(str_to_var("PackedVector2Array(1, 2, 3)")).toEqual(
      new godot.PackedVector2Array([new Vector2(1, 2)]),
    );
    expect(GodotJSON.to_native({ type: "toString", args: [] })).toBe(null);
    expect(GodotJSON.to_native({ type: "constructor", args: [1] })).toBe(null);
    expect(prints.spy).toHaveBeenCalledTimes(3);
  });
});

describe("Marshalls", () => {
  it("raw, UTF-8 and Variants as base64 (RFC 4648 test vectors), as a singleton and as an instance", () => {
    expect(Marshalls.raw_to_base64(to_utf8_buffer("foobar"))).toBe("Zm9vYmFy");
    expect(Marshalls.raw_to_base64(to_utf8_buffer("fo"))).toBe("Zm8=");
    expect(Marshalls.new().utf8_to_base64("f")).toBe("Zg==");
    expect(Marshalls.base64_to_utf8("Zm9vYg==")).toBe("foob");
    expect([...Marshalls.base64_to_raw("Zm9v\nYmE=")]).toEqual([...to_utf8_buffer("fooba")]);
    expect(Marshalls.variant_to_base64(1)).toBe("AgAAAAEAAAA="); // TYPE_INT, then the int32 1
    expect(Marshalls.base64_to_variant(Marshalls.variant_to_base64({ a: [1, "b"] }))).toEqual({
      a: [1, "b"],
    });
  });

  it("bad input: not base64, an empty array, non-strings; empty results and prints", () => {
    expect(Marshalls.base64_to_raw("Zm9v!").length).toBe(0);
    expect(Marshalls.base64_to_raw("Zm9").length).toBe(0);
    expect(Marshalls.base64_to_utf8(5 as never)).toBe("");
    expect(Marshalls.base64_to_variant("AAAA")).toBe(null); // three bytes: too short for a Variant
    expect(Marshalls.base64_to_variant("@@@@")).toBe(null);
    expect(Marshalls.raw_to_base64(new PackedByteArray(0))).toBe("");
    expect(Marshalls.raw_to_base64("x" as never)).toBe("");
    expect(Marshalls.utf8_to_base64(null as never)).toBe("");
    expect(Marshalls.variant_to_base64(() => 1)).toBe("");
    // Decoding prints its own error, then base64_to_variant its own, as in Godot.
    expect(prints.spy).toHaveBeenCalledTimes(10);
  });
});
