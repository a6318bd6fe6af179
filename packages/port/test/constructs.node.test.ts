// The construct fixtures, translated (test/expected/constructs), compute what Godot and Lua compute.
import { Node, SceneTree } from "@wsport/godot-compat";
import { lua } from "@wsport/port-runtime";
import { expect, it, vi } from "vitest";
import { Language, Mode } from "./expected/constructs/language.ts";
import semantics, { demo, min_max } from "./expected/constructs/semantics.ts";

function named<T extends Node>(node: T, name: string): T {
  node.name = name;
  return node;
}

/** The Language node in a tree, with the children its $ and % paths name. */
function scene(): Language {
  const tree = new SceneTree();
  const root = named(new Language(), "Language");
  const panel = named(new Node(), "Panel");
  root.add_child(panel);
  panel.add_child(named(new Node(), "Inner"));
  panel.add_child(named(new Node(), "Badge"));
  tree.root.add_child(root);
  return root;
}

it("GDScript: @onready $ and %Unique paths, when _ready runs", () => {
  expect(scene().path_nodes()).toEqual(["Panel", "Badge", "Inner", "Panel"]);
});

it("GDScript: integer division, remainders, **, shifts and bitwise operators on 64-bit ints", () => {
  expect(scene().arithmetic()).toEqual([3, -3, 1, -1, 3.5, 49, 1099511627776, 15, 3, 15, 6, -8]);
});

it("GDScript: typeof, is, in, not and `and` with GDScript's truthiness", () => {
  const s = scene();
  expect(s.checks("abc")).toEqual([true, true, true, true, true, false, true]);
  expect(s.checks("")).toEqual([true, true, true, true, true, true, false]);
  expect(s.checks([])).toEqual([false, false, true, true, true, true, false]);
});

it("GDScript: match on enum values, several patterns, and a binding", () => {
  const s = scene();
  expect([Mode.EASY, Mode.HARD, Mode.INSANE, 3].map((m) => s.describe_mode(m))).toEqual([
    "easy",
    "hard",
    "hard",
    "mode 3",
  ]);
});

it("GDScript: String and Array methods, negative indices, Dictionary, % formatting", () => {
  expect(scene().texts()).toEqual([3, "a-b-c", "c", 3, "HELLO", "x", "1.5", "004.3|ab  |ff"]);
});

it("GDScript: lambdas capture, Callable.call and bind (bound arguments go last)", () => {
  expect(scene().lambdas()).toEqual([6, 3, 15, ["ANN", "BOB"]]);
});

it("GDScript: inner classes, _init with arguments, super() and super.method()", () => {
  expect(scene().shapes()).toEqual(["square, 4 sides", "3 sides", true, false]);
});

it("GDScript: signals, await on a signal, for/while/continue", async () => {
  const s = scene();
  const waited = s.wait_for_score();
  expect(s.add(5)).toBe(13);
  await expect(waited).resolves.toBe(13);
  expect(s.history).toEqual([13]);
  expect(s.loops()).toEqual([0, 2, 5, 16, 8, 4, 2, 1, "one", 2]);
});

it("Lua: 1-based tables, #, pairs/ipairs, several results, select, .., truthiness, patterns, // and %, metatables", () => {
  const results = demo();
  expect(results).toBeInstanceOf(lua.LuaMulti);
  expect([...results]).toEqual([
    "1a,2b,3c,4d",
    4,
    3,
    9,
    "yes",
    10,
    "one|two|three",
    "hell0 w0rld",
    2,
    3,
    3.5,
    2,
    "1",
    1024,
  ]);
  expect([...min_max(4, -2, 8, 0)]).toEqual([-2, 8]);
  expect(semantics.min_max).toBe(min_max); // the module table, and its functions as named exports
});

it("Lua: coroutines as generators: resume and yield pass values both ways, through a function that yields, and wrap", async () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await import("./expected/constructs/coroutines.ts");
  expect(log.mock.calls).toEqual([["item 1,item 2,stopped!\t1\t2\ttrue\tdead"]]);
  log.mockRestore();
});

it("GDScript: PackedByteArray append/push_back/append_array/insert/remove_at/resize, on a local and a member", () => {
  expect(scene().packet_bytes()).toEqual([[9, 2, 3, 4], 0, [9, 2, 3, 4, 0, 0]]);
});
