// The GDScript runtime that translated scripts import (gd.*), with good and bad input. It runs in
// Node and in the browsers, where translated programs run too.
import {
  bytes_to_var,
  JSON as GodotJSON,
  Node,
  PackedByteArray,
  SceneTree,
  Signal,
  str,
  TYPE_ARRAY,
  TYPE_BOOL,
  TYPE_CALLABLE,
  TYPE_DICTIONARY,
  TYPE_FLOAT,
  TYPE_INT,
  TYPE_NIL,
  TYPE_OBJECT,
  TYPE_PACKED_BYTE_ARRAY,
  TYPE_STRING,
  var_to_bytes,
} from "@wsport/godot-compat";
import { Dictionary, gd, needs_human, RefCounted } from "@wsport/port-runtime";
import { describe, expect, it, vi } from "vitest";

describe("gd.format and gd.mod (GDScript's % operator)", () => {
  it("formats Godot's placeholders with flags, width and precision", () => {
    expect(
      gd.format("%s|%d|%5.2f|%-4s|%03d|%x|%X|%o|%c|%%|%+d", ["a", 7.9, 3.14259, "ab", 7, 255, 255, 8, 65, 5]),
    ).toBe("a|7| 3.14|ab  |007|ff|FF|10|A|%|+5");
    expect(gd.format("%s", "one value")).toBe("one value");
    expect(gd.format("%*d", [4, 7])).toBe("   7");
    expect(gd.mod("%d%%", 50)).toBe("50%");
    expect(gd.mod(-7, 3)).toBe(-1);
    expect(gd.mod(7.5, 2)).toBe(1.5);
  });
  it("says so when the arguments do not fit the placeholders, and on a zero divisor", () => {
    expect(() => gd.format("%s %s", ["one"])).toThrow("not enough arguments for format string");
    expect(() => gd.format("%s", ["one", "two"])).toThrow("not all arguments converted");
    expect(() => gd.mod(1, 0)).toThrow("Division by zero error in operator '%'.");
  });
});

describe("integers as GDScript computes them", () => {
  it("integer division truncates toward zero; a zero divisor is Godot's error", () => {
    expect([gd.idiv(7, 2), gd.idiv(-7, 2), gd.idiv(7, -2)]).toEqual([3, -3, -3]);
    expect(() => gd.idiv(1, 0)).toThrow("Division by zero error in operator '/'.");
  });
  it("shifts and bitwise operators are 64-bit", () => {
    expect(gd.shl(1, 40)).toBe(2 ** 40);
    expect(gd.shl(1, 63)).toBe(-(2 ** 63));
    expect(gd.shr(-16, 2)).toBe(-4);
    expect([gd.band(2 ** 33 + 5, 7), gd.bor(2 ** 33, 1), gd.bxor(5, 1), gd.bnot(0)]).toEqual([
      5,
      2 ** 33 + 1,
      4,
      -1,
    ]);
    expect(() => gd.shl(1.5, 1)).toThrow(RangeError); // not an int: BigInt refuses it
  });
  it("int() and float() convert as GDScript's", () => {
    expect([gd.int("12abc"), gd.int("x"), gd.int(true), gd.int(-2.7)]).toEqual([12, 0, 1, -2]);
    expect([gd.float("2.5e1"), gd.float("nope"), gd.float(3)]).toEqual([25, 0, 3]);
  });
});

describe("types, truthiness and containers", () => {
  it("typeof gives TYPE_* (a whole number is TYPE_INT, as godot-compat encodes it) and is() compares with it", () => {
    const values = [
      null,
      undefined,
      true,
      1,
      1.5,
      "s",
      [],
      new Dictionary(),
      new Uint8Array(1),
      () => 0,
      new Node(),
    ];
    expect(values.map(gd.typeof_)).toEqual([
      TYPE_NIL,
      TYPE_NIL,
      TYPE_BOOL,
      TYPE_INT,
      TYPE_FLOAT,
      TYPE_STRING,
      TYPE_ARRAY,
      TYPE_DICTIONARY,
      TYPE_PACKED_BYTE_ARRAY,
      TYPE_CALLABLE,
      TYPE_OBJECT,
    ]);
    expect([gd.is("s", TYPE_STRING), gd.is(1, TYPE_STRING)]).toEqual([true, false]);
  });
  it("truthy: null, false, 0, '' and empty containers are false", () => {
    expect([null, false, 0, "", [], new Dictionary(), new Uint8Array(0)].map(gd.truthy)).toEqual(
      Array(7).fill(false),
    );
    expect([true, 1, "a", [0], new Dictionary([[1, 1]]), new (class {})()].map(gd.truthy)).toEqual(
      Array(6).fill(true),
    );
  });
  it("in (has), for-in (iter), range and len over each container; a non-container is Godot's error", () => {
    expect([
      gd.has("abc", "b"),
      gd.has([1, 2], 2),
      gd.has(new Dictionary([["k", 1]]), "k"),
      gd.has({ x: 1 }, "x"),
    ]).toEqual([true, true, true, true]);
    expect(() => gd.has(5, 1)).toThrow('Invalid operands for operator "in"');
    expect([...gd.iter(3)]).toEqual([0, 1, 2]);
    expect([...gd.iter("ab")]).toEqual(["a", "b"]);
    expect([
      ...gd.iter(
        new Dictionary<unknown, number>([
          ["a", 1],
          [2, 2],
        ]),
      ),
    ]).toEqual(["a", 2]);
    expect(() => gd.iter(null)).toThrow("Unable to iterate");
    expect([gd.range(3), gd.range(1, 4), gd.range(5, 0, -2)]).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [5, 3, 1],
    ]);
    expect(() => gd.range(0, 5, 0)).toThrow("step argument is zero");
    expect([gd.len("abc"), gd.len([1]), gd.len(new Dictionary([[1, 2]])), gd.len(new Uint8Array(4))]).toEqual(
      [3, 1, 1, 4],
    );
    expect(() => gd.len(5)).toThrow("has no length");
  });
  it("index and set_index: negative indices, Dictionary keys by type; out of range, missing keys and null are errors", () => {
    const a = [1, 2, 3];
    expect(gd.index(a, -1)).toBe(3);
    gd.set_index(a, -1, 9);
    expect(a).toEqual([1, 2, 9]);
    expect(() => gd.index(a, 3)).toThrow("Out of bounds get index '3'");
    expect(() => gd.set_index(a, 5, 0)).toThrow("Out of bounds set index '5'");
    const d = new Dictionary<unknown, unknown>([[1, "int"]]);
    gd.set_index(d, "1", "string");
    expect([gd.index(d, 1), gd.index(d, "1"), d.size()]).toEqual(["int", "string", 2]);
    expect(() => gd.index(d, 2)).toThrow("Invalid access to property or key '2'");
    expect(() => gd.index(null, "x")).toThrow("base object of type 'Nil'");
    expect(() => gd.set_index(undefined, "x", 1)).toThrow("base object of type 'Nil'");
  });
  it("Dictionary: Godot's methods and text", () => {
    const d = gd.dict([
      ["a", 1],
      [2, "b"],
    ]);
    expect(String(d)).toBe('{ "a": 1, 2: "b" }');
    expect(String(gd.dict())).toBe("{  }");
    expect([d.keys(), d.values(), d.has(2), d.get("zz", 0), d.is_empty()]).toEqual([
      ["a", 2],
      [1, "b"],
      true,
      0,
      false,
    ]);
    const e = d.duplicate();
    e.merge(
      gd.dict([
        ["a", 5],
        ["c", 3],
      ]),
    );
    expect(e.keys()).toEqual(["a", 2, "c"]);
    expect(e.get("a")).toBe(1); // merge keeps existing keys unless overwrite
    expect(d.erase("a")).toBe(true);
    d.clear();
    expect(d.size()).toBe(0);
  });
  it("as_: the object when it is of the class, else null", () => {
    const n = new Node();
    expect([gd.as_(n, Node), gd.as_("x", Node), gd.as_(null, Node)]).toEqual([n, null, null]);
  });
});

describe("gd.call: String and Array methods by receiver, an object's own method otherwise", () => {
  it("calls GDScript's String, Array and Callable methods", () => {
    const a: unknown[] = [3, 1];
    gd.call(a, "append", 2);
    gd.call(a, "sort");
    expect(a).toEqual([1, 2, 3]);
    expect([
      gd.call(a, "find", 2),
      gd.call(a, "pop_front"),
      gd.call(a, "back"),
      gd.call([], "pop_back"),
    ]).toEqual([1, 1, 3, null]);
    expect([
      gd.call("Hello", "to_upper"),
      gd.call("a,b,,c", "split", ",", false),
      gd.call("-", "join", [1, "x"]),
    ]).toEqual(["HELLO", ["a", "b", "c"], "1-x"]);
    expect([
      gd.call("hello", "substr", 1, 3),
      gd.call("hello", "right", 2),
      gd.call(" x ", "strip_edges"),
      gd.call("12.5x", "to_int"),
    ]).toEqual(["ell", "lo", "x", 12]);
    const joined = gd.call((a2: string, b2: string) => a2 + b2, "bind", "!");
    expect(gd.call(joined, "call", "hi")).toBe("hi!");
  });
  it("an object keeps its own method (a Node's, a Dictionary's), and a missing one is Godot's error", () => {
    expect(gd.call(new Dictionary([[1, 1]]), "size")).toBe(1);
    expect(
      gd.call(
        new (class {
          size = () => 42;
        })(),
        "size",
      ),
    ).toBe(42);
    expect(gd.call({ size: () => 42 }, "size")).toBe(1); // a plain object is a Dictionary (godot-compat's), of one key
    expect(() => gd.call({}, "nope")).toThrow("Invalid call. Nonexistent function 'nope' in base 'Object'.");
    expect(() => gd.call(null, "size")).toThrow("in base 'Nil'");
    expect(() => gd.call("s", "nope")).toThrow("in base 'String'");
  });
});

describe("godot-compat's Dictionaries (a plain object or a Map, from get_var, JSON.parse_string, rpc arguments)", () => {
  it("are Dictionaries to typeof, is, in, truthiness, for, [] and the Dictionary methods", () => {
    const parsed = GodotJSON.parse_string('{"type": 1, "data": "hi"}');
    const byInt = bytes_to_var(var_to_bytes(new Map<unknown, unknown>([[1, "one"]])));
    expect(byInt).toBeInstanceOf(Map);
    for (const d of [parsed, byInt]) {
      expect([gd.typeof_(d), gd.is(d, TYPE_DICTIONARY), gd.truthy(d)]).toEqual([TYPE_DICTIONARY, true, true]);
      expect(gd.as_type(d, TYPE_DICTIONARY)).toBe(d);
    }
    expect([
      gd.has(parsed, "type"),
      gd.has(parsed, "toString"),
      gd.has(byInt, 1),
      gd.has(byInt, "1"),
    ]).toEqual([true, false, true, false]);
    expect([...gd.iter(parsed)]).toEqual(["type", "data"]);
    expect([...gd.iter(byInt)]).toEqual([1]);
    expect([gd.index(parsed, "data"), gd.index(byInt, 1)]).toEqual(["hi", "one"]);
    expect(() => gd.index(parsed, "nope")).toThrow(
      "Invalid access to property or key 'nope' on a base object of type 'Dictionary'.",
    );
    gd.set_index(byInt, 2, "two");
    expect(gd.call(byInt, "keys")).toEqual([1, 2]);
    expect([
      gd.call(parsed, "has", "type"),
      gd.call(parsed, "get", "data"),
      gd.call(parsed, "get", "nope", 7),
      gd.call(parsed, "keys"),
      gd.call(parsed, "values"),
      gd.call(parsed, "size"),
      gd.call(parsed, "has_all", ["type", "data"]),
      gd.call(parsed, "find_key", "hi"),
      gd.call(parsed, "find_key", "absent"),
    ]).toEqual([true, "hi", 7, ["type", "data"], [1, "hi"], 2, true, "data", null]);
    const copy = gd.call(parsed, "duplicate");
    gd.call(copy, "merge", { type: 2, extra: true });
    expect(copy).toEqual({ type: 1, data: "hi", extra: true });
    gd.call(copy, "merge", new Dictionary([["type", 3]]), true);
    expect(copy).toEqual({ type: 3, data: "hi", extra: true });
    expect([gd.call(copy, "erase", "extra"), gd.call(copy, "erase", "extra")]).toEqual([true, false]);
    gd.call(copy, "clear");
    expect([gd.call(copy, "is_empty"), gd.truthy(copy), gd.truthy(new Map())]).toEqual([true, false, false]);
    expect(parsed).toEqual({ type: 1, data: "hi" }); // duplicate() copied
    expect(() => gd.call(copy, "merge", new Map([[1, "x"]]))).toThrow(
      "does not fit this String-keyed Dictionary",
    );
  });

  it("this runtime's Dictionary is one to godot-compat: JSON.stringify, var_to_bytes (put_var, rpc) and str()", () => {
    const d = gd.dict([
      ["type", 1],
      [2, "two"],
    ]);
    expect(GodotJSON.stringify(gd.dict([["type", 1]]))).toBe('{"type":1}');
    expect(bytes_to_var(var_to_bytes(d))).toEqual(
      new Map<unknown, unknown>([
        ["type", 1],
        [2, "two"],
      ]),
    );
    expect(str(d)).toBe('{ "type": 1, 2: "two" }');
  });
});

describe("gd.char, String.is_valid_ip_address and String.to_ascii_buffer", () => {
  it("char(code) is the one-character String of a code point; a bad code prints and gives an empty String", () => {
    expect([gd.char(65), gd.char(0xe9), gd.char(0x1f600)]).toEqual(["A", "é", "😀"]);
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect([gd.char(-1), gd.char(1.5), gd.char("A"), gd.char(0x110000)]).toEqual(["", "", "", ""]);
      expect(printed).toHaveBeenCalledTimes(4);
      expect(String(printed.mock.calls[0])).toMatch(/char\(\): -1 is not a Unicode code point/);
    } finally {
      printed.mockRestore();
    }
  });

  it("is_valid_ip_address: IPv4 and IPv6 (shortened, with an IPv4 tail); host names and bad numbers are not", () => {
    const valid = [
      "127.0.0.1",
      "0.0.0.0",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "2001:db8::8a2e:370:7334",
    ];
    const invalid = [
      "",
      "localhost",
      "256.1.1.1",
      "1.2.3",
      "1.2.3.4.5",
      "01.2.3.4",
      ":::",
      "1::2::3",
      "gggg::1",
      "[::1]",
    ];
    expect(valid.map((s) => gd.call(s, "is_valid_ip_address"))).toEqual(valid.map(() => true));
    expect(invalid.map((s) => gd.call(s, "is_valid_ip_address"))).toEqual(invalid.map(() => false));
    expect(gd.call("::ffff:10.0.0.1", "is_valid_ip_address")).toBe(true);
  });

  it("to_ascii_buffer: one byte per character, '?' for what one byte cannot hold", () => {
    const bytes = gd.call("Aé€😀", "to_ascii_buffer") as Uint8Array;
    expect(bytes).toBeInstanceOf(PackedByteArray);
    expect([...bytes]).toEqual([0x41, 0xe9, 0x3f, 0x3f]);
    expect(() => gd.call(42, "to_ascii_buffer")).toThrow(
      "Nonexistent function 'to_ascii_buffer' in base 'Number'",
    );
  });
});

describe("gd.grown: the PackedByteArray methods that change its length", () => {
  it("append, push_back, append_array, insert, remove_at, erase, resize and clear give the changed copy", () => {
    let bytes = new PackedByteArray([1, 2]);
    const before = bytes;
    bytes = gd.grown(bytes, "append", 3);
    bytes = gd.grown(bytes, "push_back", 260); // Godot keeps the low 8 bits
    bytes = gd.grown(bytes, "append_array", new PackedByteArray([5, 6]));
    expect(bytes).toBeInstanceOf(PackedByteArray);
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...before]).toEqual([1, 2]); // a copy: the old array is unchanged
    bytes = gd.grown(bytes, "insert", 0, 9);
    bytes = gd.grown(bytes, "remove_at", 3);
    bytes = gd.grown(bytes, "erase", 5);
    expect([...bytes]).toEqual([9, 1, 2, 4, 6]);
    expect([...gd.grown(bytes, "resize", 7)]).toEqual([9, 1, 2, 4, 6, 0, 0]);
    expect([...gd.grown(bytes, "resize", 2)]).toEqual([9, 1]);
    expect(gd.grown(bytes, "clear").length).toBe(0);
  });

  it("an Array receiver is changed in place and returned, as the GDScript call changes it", () => {
    const list: unknown[] = [1];
    expect(gd.grown(list, "append", 2)).toBe(list);
    expect(gd.grown(list, "append_array", [3, 4])).toBe(list);
    expect(list).toEqual([1, 2, 3, 4]);
  });

  it("bad input: out-of-range indices and sizes print Godot-style and change nothing; other receivers are Godot's error", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const bytes = new PackedByteArray([1, 2]);
      expect(gd.grown(bytes, "insert", 3, 0)).toBe(bytes);
      expect(gd.grown(bytes, "remove_at", -1)).toBe(bytes);
      expect(gd.grown(bytes, "resize", -2)).toBe(bytes);
      expect(gd.grown(bytes, "erase", 7)).toBe(bytes);
      expect(printed.mock.calls.map(String)).toEqual([
        "ERROR: insert: index 3 is out of bounds (size 3).",
        "ERROR: remove_at: index -1 is out of bounds (size 2).",
        "ERROR: resize: size -2 must be an integer of 0 or more.",
      ]);
      expect(() => gd.grown(bytes, "nope")).toThrow("Nonexistent function 'nope' in base 'PackedByteArray'");
      expect(() => gd.grown("text", "append", 1)).toThrow("in base 'String'");
      expect(() => gd.grown(null, "append", 1)).toThrow("in base 'Nil'");
    } finally {
      printed.mockRestore();
    }
  });

  it("gd.call of such a method on a PackedByteArray says what to write instead", () => {
    expect(() => gd.call(new PackedByteArray(2), "append", 1)).toThrow(
      /append\(\) changes a PackedByteArray's length[\s\S]*bytes = gd\.grown\(bytes, "append", \.\.\.\)/,
    );
  });
});

describe("scene helpers", () => {
  it("get_node: plain paths, %Unique and %Unique/Child; a missing unique name is Godot's error and null", () => {
    const tree = new SceneTree();
    const main = new Node();
    main.name = "Main";
    const hud = new Node();
    hud.name = "Hud";
    const score = new Node();
    score.name = "Score";
    const inner = new Node();
    inner.name = "Inner";
    tree.root.add_child(main);
    main.add_child(hud);
    hud.add_child(score);
    score.add_child(inner);
    expect(gd.get_node(main, "Hud/Score")).toBe(score);
    expect(gd.get_node(hud, "%Score")).toBe(score);
    expect(gd.get_node(main, "%Score/Inner")).toBe(inner);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(gd.get_node(main, "%Missing")).toBeNull();
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
  it("wait: a Signal's next emission (none, one or several arguments); another value is itself", async () => {
    const s = new Signal<unknown[]>("s");
    const none = gd.wait(s);
    s.emit();
    await expect(none).resolves.toBeNull();
    const one = gd.wait(s);
    s.emit(5);
    await expect(one).resolves.toBe(5);
    const two = gd.wait(s);
    s.emit(1, 2);
    await expect(two).resolves.toEqual([1, 2]);
    s.emit(3); // a second emission goes nowhere: wait() took only one
    await expect(gd.wait(7)).resolves.toBe(7);
  });
  it("print writes what str() writes, with no separator", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    gd.print("a", 1, [1, "b"], null, gd.dict([["k", 1]]));
    expect(log).toHaveBeenCalledWith('a1[1, "b"]<null>{ "k": 1 }');
    log.mockRestore();
  });
});

it("needs_human stops a program that runs a marked place anyway, naming it", () => {
  expect(() => needs_human("a / b (line 3)" as never)).toThrow(
    "wsport-port: this place needs a human: a / b (line 3)",
  );
});

it("RefCounted binds its subclasses' methods, as a Callable is bound to its object", () => {
  class Counter extends RefCounted {
    count = 0;
    bump(): void {
      this.count += 1;
    }
  }
  const counter = new Counter();
  const s = new Signal<[]>("done");
  s.connect(counter.bump);
  s.emit();
  s.emit();
  expect(counter.count).toBe(2);
});

it("a Dictionary's String keys read and write as properties (`data.type`), as in GDScript; a missing one is Godot's error", async () => {
  const d = gd.dict([["type", 1]]);
  expect(d.type).toBe(1);
  d.id = 7;
  expect([d.get("id"), d.size(), d.keys()]).toEqual([7, 2, ["type", "id"]]);
  expect(() => d.nope).toThrow(
    "Invalid access to property or key 'nope' on a base object of type 'Dictionary'.",
  );
  expect(JSON.stringify(d)).toBe("{}"); // JSON and await look for toJSON and then: not keys
  expect(await Promise.resolve(d)).toBe(d);
});

it("set_process(false) stops a node's _process in the tree's frames, set_process(true) starts it again", () => {
  class Ticker extends Node {
    ticks = 0;
    _process(_delta: number): void {
      this.ticks += 1;
    }
  }
  const tree = new SceneTree();
  const ticker = new Ticker();
  tree.root.add_child(ticker);
  tree.process(0.016);
  gd.set_process(ticker, false);
  expect(gd.is_processing(ticker)).toBe(false);
  tree.process(0.016);
  gd.set_process(ticker, true);
  gd.set_process(ticker, true); // twice: no change
  tree.process(0.016);
  expect([ticker.ticks, gd.is_processing(ticker)]).toEqual([2, true]);
});
