// The Lua runtime that translated scripts import (lua.*), with good and bad input; in Node and in
// the browsers, where translated programs run too.
import { type LuaValue, lua } from "@wsport/port-runtime";
import { describe, expect, it, vi } from "vitest";

const { string, table, math, os } = lua;

describe("values: truthiness, several results, and/or", () => {
  it("only nil and false are false", () => {
    expect([undefined, null, false].map(lua.truthy)).toEqual([false, false, false]);
    expect([0, "", {}, Number.NaN].map(lua.truthy)).toEqual([true, true, true, true]);
  });
  it("and/or give an operand, as Lua's; the lazy forms call the right side only when needed", () => {
    expect([lua.and(0, "yes"), lua.or(false, "no"), lua.or("", "x"), lua.and(undefined, 1)]).toEqual([
      "yes",
      "no",
      "",
      undefined,
    ]);
    const right = vi.fn(() => "r");
    expect(lua.orElse(1, right)).toBe(1);
    expect(lua.andElse(false, right)).toBe(false);
    expect(right).not.toHaveBeenCalled();
    expect(lua.orElse(undefined, right)).toBe("r");
  });
  it("ret/first/all/values: several results, the first of them, all of them, exactly n of them", () => {
    const r = lua.ret(1, 2, 3);
    expect([lua.first(r), lua.first(7), lua.all(r), lua.all(7)]).toEqual([1, 7, [1, 2, 3], [7]]);
    expect(lua.values(2, 1)).toEqual([1, undefined]);
    expect(lua.values(1, 1, 2)).toEqual([1]);
  });
  it("select: '#', from n, from the end; an index of 0 is Lua's error", () => {
    expect(lua.select("#", 1, undefined, 3)).toBe(3);
    expect([...lua.select(2, "a", "b", "c")]).toEqual(["b", "c"]);
    expect([...lua.select(-1, "a", "b")]).toEqual(["b"]);
    expect(() => lua.select(0, 1)).toThrow("index out of range");
  });
});

describe("numbers and strings", () => {
  it("tostring and concat write numbers as Lua does; tables and functions get an address", () => {
    expect([
      lua.tostring(3),
      lua.tostring(0.1),
      lua.tostring(1e100),
      lua.tostring(1 / 0),
      lua.tostring(undefined),
      lua.tostring(true),
    ]).toEqual(["3", "0.1", "1e+100", "inf", "nil", "true"]);
    const t = {};
    expect(lua.tostring(t)).toMatch(/^table: 0x[0-9a-f]{8}$/);
    expect(lua.tostring(t)).toBe(lua.tostring(t));
    expect(lua.tostring(() => 0)).toMatch(/^function: 0x/);
    expect(lua.concat("n=", 10, " ", 2.5)).toBe("n=10 2.5");
    expect(() => lua.concat("x", {})).toThrow("attempt to concatenate a table value");
    expect(() => lua.concat("x", undefined)).toThrow("attempt to concatenate a nil value");
  });
  it("tonumber reads Lua's numerals, nil for anything else", () => {
    expect([
      lua.tonumber(" 12 "),
      lua.tonumber("0x10"),
      lua.tonumber("1e2"),
      lua.tonumber("-.5"),
      lua.tonumber("z", 36),
      lua.tonumber("101", 2),
    ]).toEqual([12, 16, 100, -0.5, 35, 5]);
    expect([lua.tonumber("abc"), lua.tonumber(""), lua.tonumber({}), lua.tonumber("12", 2)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
  it("add converts numeric strings; mod takes the divisor's sign", () => {
    expect([lua.add("10", 1), lua.add(1, 2.5)]).toEqual([11, 3.5]);
    expect(() => lua.add({}, 1)).toThrow("attempt to perform arithmetic (add) on a table value");
    expect([lua.mod(-7, 3), lua.mod(7, -3), lua.mod(5.5, 2), lua.mod("8", 3)]).toEqual([2, -2, 1.5, 2]);
  });
  it("type names Lua's types", () => {
    expect([undefined, 1, "s", true, {}, () => 0].map(lua.type)).toEqual([
      "nil",
      "number",
      "string",
      "boolean",
      "table",
      "function",
    ]);
  });
  it("bitwise operators on 64-bit integers", () => {
    expect([
      lua.band(6, 3),
      lua.bor(4, 1),
      lua.bxor(5, 1),
      lua.bnot(0),
      lua.shl(1, 40),
      lua.shr(-1, 60),
      lua.shl(1, 64),
    ]).toEqual([2, 5, 4, -1, 2 ** 40, 15, 0]);
  });
});

describe("tables at 1 … n", () => {
  it("# is the border; list makes one from a list", () => {
    expect(lua.len({ 1: "a", 2: "b", 4: "d" })).toBe(2);
    expect(lua.len(lua.list(["a", "b", "c"]))).toBe(3);
    expect(lua.len("héllo")).toBe(5);
    expect(() => lua.len(undefined)).toThrow("attempt to get length of a nil value");
  });
  it("pairs: integer keys ascending, then the others in insertion order, nil values skipped; ipairs stops at the first nil", () => {
    const t: LuaValue = { b: 1, 2: "two", a: 2, 1: "one", gone: undefined };
    expect([...lua.pairs(t)]).toEqual([
      [1, "one"],
      [2, "two"],
      ["b", 1],
      ["a", 2],
    ]);
    expect([...lua.ipairs({ 1: "x", 2: "y", 4: "w" })]).toEqual([
      [1, "x"],
      [2, "y"],
    ]);
    expect(() => [...lua.pairs(undefined)]).toThrow("table expected, got nil");
    expect(() => [...lua.ipairs(null)]).toThrow("table expected, got nil");
    expect([...lua.next({ a: 1, b: 2 }, "a")]).toEqual(["b", 2]);
    expect([...lua.next({}, undefined)]).toEqual([undefined]);
  });
  it("iterate runs the generic for over an iterator function; range reads its limits once", () => {
    let n = 0;
    const counter = () => (n < 3 ? lua.ret(++n, n * 10) : lua.ret(undefined));
    expect([...lua.iterate(counter)]).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect([...lua.range(5, 1, -2)]).toEqual([5, 3, 1]);
    expect(() => [...lua.range(1, 2, 0)]).toThrow("'for' step is zero");
  });
  it("table.insert, remove, concat, sort, unpack", () => {
    const t: LuaValue = lua.list(["a", "c"]);
    table.insert(t, 2, "b");
    table.insert(t, "d");
    expect(table.concat(t, ",")).toBe("a,b,c,d");
    expect(table.remove(t, 1)).toBe("a");
    expect(table.remove(t)).toBe("d");
    expect(table.concat(t, ",")).toBe("b,c");
    expect(table.remove({})).toBeUndefined();
    expect(() => table.insert(t, 9, "x")).toThrow("position out of bounds");
    expect(() => table.concat(lua.list([1, {}]))).toThrow("invalid value (at index 2) in table for 'concat'");
    const s: LuaValue = lua.list([3, 1, 2]);
    table.sort(s);
    expect([...table.unpack(s)]).toEqual([1, 2, 3]);
    table.sort(s, (a: number, b: number) => a > b);
    expect([...lua.unpack(s)]).toEqual([3, 2, 1]);
  });
});

describe("metatables and methods", () => {
  it("__index as a table (read when a key is missing, even if set after setmetatable) or a function", () => {
    const Class: LuaValue = {};
    const obj = lua.setmetatable({ own: 1 }, Class);
    Class.__index = Class;
    Class.greet = lua.fn((self: LuaValue) => `hi ${self.own}`);
    expect(lua.method(obj, "greet")).toBe("hi 1");
    expect([...lua.pairs(obj)]).toEqual([["own", 1]]); // pairs sees the table's own keys only
    expect(lua.rawget(obj, "greet")).toBeUndefined();
    expect(lua.getmetatable(obj)).toBe(Class);
    const dyn = lua.setmetatable({}, { __index: (_t: unknown, k: string) => `${k}!` });
    expect(dyn.anything).toBe("anything!");
    expect(() => lua.setmetatable({}, { __add: () => 0 })).toThrow("metamethod __add is not supported");
    expect(lua.tostring(lua.setmetatable({}, { __tostring: () => "custom" }))).toBe("custom");
  });
  it("method(): a string's method from the string library, a Lua function with self first, a JavaScript method with this", () => {
    expect(lua.method("abc", "upper")).toBe("ABC");
    const js = {
      n: 2,
      twice(this: { n: number }, x: number) {
        return this.n * x;
      },
    };
    expect(lua.method(js, "twice", 5)).toBe(10);
    expect(() => lua.method(undefined, "x")).toThrow("attempt to index a nil value (method 'x')");
    expect(() => lua.method({}, "x")).toThrow("attempt to call a nil value (method 'x')");
  });
  it("pcall, error and assert", () => {
    expect([...lua.pcall((a: number) => lua.ret(a, a + 1), 1)]).toEqual([true, 1, 2]);
    expect([...lua.pcall(() => lua.error("boom"))]).toEqual([false, "boom"]);
    expect([...lua.pcall(() => lua.error({ code: 1 }))]).toEqual([false, { code: 1 }]);
    expect([...lua.pcall(() => (undefined as unknown as () => void)())]).toEqual([
      false,
      expect.stringContaining("not a function"),
    ]);
    expect(() => lua.assert(false)).toThrow("assertion failed!");
    expect(() => lua.assert(undefined, "custom")).toThrow("custom");
    expect([...lua.assert(1, "m")]).toEqual([1, "m"]);
  });
  it("print joins tostring of each value with tabs", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    lua.print("a", 1, undefined, true);
    expect(log).toHaveBeenCalledWith("a\t1\tnil\ttrue");
    log.mockRestore();
  });
});

describe("the string library with Lua patterns", () => {
  it("sub, byte, char, rep, reverse, upper, lower, len with Lua's positions", () => {
    expect([
      string.sub("hello", 2, 4),
      string.sub("hello", -3),
      string.sub("hello", 0),
      string.sub("hello", 4, 2),
    ]).toEqual(["ell", "llo", "hello", ""]);
    expect([...string.byte("AB", 1, -1)]).toEqual([65, 66]);
    expect([
      string.char(72, 105),
      string.rep("ab", 3, "-"),
      string.rep("x", 0),
      string.reverse("abc"),
      string.upper("a"),
      string.lower("B"),
      string.len("abc"),
    ]).toEqual(["Hi", "ab-ab-ab", "", "cba", "A", "b", 3]);
  });
  it("find: plain, pattern, captures, position captures, init; nil when absent", () => {
    expect([...string.find("hello world", "o w")]).toEqual([5, 7]);
    expect([...string.find("a.b", ".", 1, true)]).toEqual([2, 2]);
    expect([...string.find("key=val", "(%w+)=(%w+)")]).toEqual([1, 7, "key", "val"]);
    expect([...string.find("abc", "()b()")]).toEqual([2, 2, 2, 3]);
    expect([...string.find("aXbX", "X", 3)]).toEqual([4, 4]);
    expect([...string.find("abc", "z")]).toEqual([undefined]);
  });
  it("match, gmatch and gsub with classes, sets, quantifiers, anchors, %b, %f and back-references", () => {
    expect([...string.match("  trim me  ", "^%s*(.-)%s*$")]).toEqual(["trim me"]);
    expect([...string.match("2024-05-06", "(%d+)-(%d+)-(%d+)")]).toEqual(["2024", "05", "06"]);
    expect([...string.match("f(a(b)c)d", "%b()")]).toEqual(["(a(b)c)"]);
    expect([...string.match("THE (quick) fox", "%f[%a]%a+", 5)]).toEqual(["quick"]);
    expect([...string.match('say "hi" now', "([\"'])(.-)%1")]).toEqual(['"', "hi"]);
    expect([...string.match("abc", "^b")]).toEqual([undefined]);
    expect([...string.match("x = 10", "[^%s=]+$")]).toEqual(["10"]);
    expect([...string.match("colour", "colou?r")]).toEqual(["colour"]);
    const words: string[] = [];
    for (const [w] of lua.iterate(string.gmatch("one two  three", "%a+"))) words.push(w);
    expect(words).toEqual(["one", "two", "three"]);
    const pairs: string[][] = [];
    for (const [k, v] of lua.iterate(string.gmatch("a=1, b=2", "(%w+)=(%w+)"))) pairs.push([k, v]);
    expect(pairs).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
    expect([...string.gsub("hello world", "o", "0")]).toEqual(["hell0 w0rld", 2]);
    expect([...string.gsub("hello world", "(%w+)", "<%1>")]).toEqual(["<hello> <world>", 2]);
    expect([...string.gsub("$name is $age", "%$(%w+)", { name: "Ann", age: 30 })]).toEqual(["Ann is 30", 2]);
    expect([...string.gsub("abc", "%w", (c: string) => c.toUpperCase(), 2)]).toEqual(["ABc", 2]);
    expect([...string.gsub("abc", "", "-")]).toEqual(["-a-b-c-", 4]);
    expect(() => string.match("x", "[a")).toThrow("malformed pattern (missing ']')");
    expect(() => string.match("x", "%")).toThrow("malformed pattern (ends with '%')");
    expect(() => string.match("x", "(x")).not.toThrow();
    expect(() => string.match("x", "x)")).toThrow("invalid pattern capture");
  });
  it("format: Lua's conversions; a wrong argument is Lua's error", () => {
    expect(
      string.format(
        "%5.2f|%d|%-3s|%03d|%x|%q|%s|%g|%e|%%|%5s",
        3.14259,
        42,
        "a",
        7,
        255,
        'say "hi"\n',
        undefined,
        0.5,
        1234.5,
        "r",
      ),
    ).toBe(' 3.14|42|a  |007|ff|"say \\"hi\\"\\n"|nil|0.5|1.234500e+03|%|    r');
    expect(() => string.format("%d", 1.5)).toThrow("number has no integer representation");
    expect(() => string.format("%d", "x")).toThrow("number expected");
    expect(() => string.format("%d")).toThrow("got no value");
  });
});

describe("string.pack and string.unpack", () => {
  it("pack gives bytes in the format's order and sizes; unpack reads them back with the next position", () => {
    expect([...string.pack("<LLL", 73, 4, 3)].slice(0, 9)).toEqual([73, 0, 0, 0, 0, 0, 0, 0, 4]);
    expect([...string.pack(">i2 B x", -2, 255)]).toEqual([0xff, 0xfe, 255, 0]);
    const bytes = string.pack("<i4 d s1 z", -5, 0.5, "hi", "ok");
    expect([...string.unpack("<i4 d s1 z", bytes)]).toEqual([-5, 0.5, "hi", "ok", bytes.length + 1]);
    expect([...string.unpack(">H", string.pack(">H", 258))]).toEqual([258, 3]);
    expect([...string.unpack("<f", string.pack("<f", 1.5))]).toEqual([1.5, 5]);
  });
  it("says so for a value that does not fit, a short input and an unknown option", () => {
    expect(() => string.pack("i4", 1.5)).toThrow("number has no integer representation");
    expect(() => string.pack("i4")).toThrow("(no value)");
    expect(() => string.unpack("<i4", new Uint8Array(2))).toThrow("data string too short");
    expect(() => string.pack("q", 1)).toThrow("invalid format option 'q'");
    expect(() => string.pack("!i4", 1)).toThrow("alignment");
    expect(() => string.pack("i9", 1)).toThrow("out of limits");
  });
});

describe("math and os", () => {
  it("math.random stays in its interval; an empty one is Lua's error", () => {
    for (let i = 0; i < 50; i++) {
      const a = math.random(3);
      const b = math.random(5, 6);
      expect(a >= 1 && a <= 3 && Number.isInteger(a)).toBe(true);
      expect(b === 5 || b === 6).toBe(true);
      expect(math.random()).toBeLessThan(1);
    }
    expect(() => math.random(2, 1)).toThrow("interval is empty");
    expect([
      math.floor(-1.5),
      math.max(1, 3, 2),
      math.tointeger(3),
      math.tointeger(3.5),
      math.log(8, 2),
      math.fmod(-7, 3),
    ]).toEqual([-2, 3, 3, undefined, 3, -1]);
  });
  // The expected texts are the C library's strftime in the C locale (what Lua 5.3's os.date calls).
  it("os.date with C99's strftime conversions, as the C locale writes them", () => {
    expect(os.date("!%Y-%m-%d %H:%M:%S", 0)).toBe("1970-01-01 00:00:00");
    expect(os.date("!%c", 1700000000)).toBe("Tue Nov 14 22:13:20 2023");
    expect(os.date("!%x|%X", 1700000000)).toBe("11/14/23|22:13:20");
    expect(os.date("!%a %A %b %B %h", 1700000000)).toBe("Tue Tuesday Nov November Nov");
    expect(os.date("!%C %D %e %F %I %j %p %r %R %T %u %w %y %Y %%", 1700000000)).toBe(
      "20 11/14/23 14 2023-11-14 10 318 PM 10:13:20 PM 22:13 22:13:20 2 2 23 2023 %",
    );
    expect(os.date("!%c|%e|%j|%I %p|%u %w", 0)).toBe("Thu Jan  1 00:00:00 1970| 1|001|12 AM|4 4");
    expect(os.date("!%c|%j|%I %p|%u %w", 1704024000)).toBe("Sun Dec 31 12:00:00 2023|365|12 PM|7 0");
    expect(os.date("%H:%M")).toMatch(/^\d\d:\d\d$/);
    expect(os.date()).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/); // "%c"
    expect(Number.isInteger(os.time())).toBe(true);
    expect(os.clock()).toBeGreaterThanOrEqual(0);
  });
  it("os.date('*t') gives Lua's date table; '!*t' in UTC", () => {
    expect(os.date("!*t", 1700000000)).toEqual({
      year: 2023,
      month: 11,
      day: 14,
      hour: 22,
      min: 13,
      sec: 20,
      wday: 3,
      yday: 318,
      isdst: false,
    });
    const local = os.date("*t");
    expect(Object.keys(local).sort()).toEqual([
      "day",
      "hour",
      "isdst",
      "min",
      "month",
      "sec",
      "wday",
      "yday",
      "year",
    ]);
    expect(typeof local.isdst).toBe("boolean");
  });
  it("os.date refuses a conversion it does not know and arguments of the wrong type, in Lua's words", () => {
    expect(() => os.date("%Q")).toThrow("bad argument #1 to 'date' (invalid conversion specifier '%Q')");
    expect(() => os.date("%")).toThrow("invalid conversion specifier '%'");
    expect(() => os.date(5 as unknown as string)).toThrow("bad argument #1 to 'date' (string expected)");
    expect(() => os.date("%Y", "soon" as unknown as number)).toThrow(
      "bad argument #2 to 'date' (number expected)",
    );
    expect(() => os.date("%Y", Number.NaN)).toThrow("bad argument #2 to 'date' (number expected)");
  });
});
