// Rules of the README's tables that the fixtures do not show on their own, one snippet each, with
// the TypeScript expected; and what the output keeps: comments (also inside expressions) and blank lines.
import { describe, expect, it } from "vitest";
import { translateSnippet } from "./helpers.ts";

/** The translation of a snippet, without its import lines. */
function body(source: string, file: string): string {
  const { code, marks } = translateSnippet(source, file);
  expect(marks).toEqual([]);
  return code.replace(/^import .*\n/gm, "").trim();
}

describe("GDScript", () => {
  it("no extends: a RefCounted named after the file; @onready with no _ready gets one; godot-compat's X.new() stays", () => {
    const ts = body("var peer = WebSocketPeer.new()\n@onready var label = $Label\n", "my_helper.gd");
    expect(ts).toBe(
      [
        "export class MyHelper extends RefCounted {",
        "  peer: Variant = WebSocketPeer.new();",
        "  label!: Variant;",
        "",
        "  _ready(): void {",
        '    this.label = gd.get_node(this, "Label");',
        "  }",
        "}",
        "",
        "export default MyHelper;",
      ].join("\n"),
    );
  });
  it("emit_signal, a bound method as a Callable, static members, reserved words as names", () => {
    const ts = body(
      [
        "extends Node",
        "signal done(code: int)",
        "static var made := 0",
        "func finish(new: int) -> void:",
        '\temit_signal("done", new)',
        "\tdone.connect(_on_done)",
        "\tmade += 1",
        "func _on_done(code: int) -> void:",
        "\tpass",
      ].join("\n"),
      "finisher.gd",
    );
    expect(ts).toContain("finish(new_: number): void {");
    expect(ts).toContain("this.done.emit(new_);");
    expect(ts).toContain("this.done.connect(this._on_done);");
    expect(ts).toContain("static made = 0;");
    expect(ts).toContain("Finisher.made += 1;");
  });
  it("keeps comments, also inside an Array, and single blank lines", () => {
    const ts = body(
      [
        "extends Node",
        "",
        "# ports",
        "const PORTS = [",
        "\t80, # http",
        "\t443,",
        "]",
        "",
        "",
        "# greet",
        "func hi() -> void:",
        '\tprint("hi") # say it',
      ].join("\n"),
      "commented.gd",
    );
    expect(ts).toBe(
      [
        "// ports",
        "// http",
        "export const PORTS = [80, 443];",
        "",
        "export class Commented extends Node {",
        "  // greet",
        "  hi(): void {",
        '    gd.print("hi"); // say it',
        "  }",
        "}",
        "",
        "export default Commented;",
      ].join("\n"),
    );
  });
});

describe("Lua", () => {
  it("a module: the table is the default export and its functions named exports; methods take self", () => {
    const ts = body(
      [
        "local M = {}",
        "",
        "function M.greet(name)",
        '\treturn "hi " .. name',
        "end",
        "",
        "function M:count()",
        "\treturn #self",
        "end",
        "",
        "return M",
      ].join("\n"),
      "greeter.lua",
    );
    expect(ts).toBe(
      [
        "const M: LuaValue = {};",
        "",
        "M.greet = lua.fn(function greet(name: LuaValue) {",
        '  return lua.concat("hi ", name);',
        "});",
        "",
        "M.count = lua.fn(function count(self: LuaValue) {",
        "  return lua.len(self);",
        "});",
        "",
        "export default M;",
        "export const greet = M.greet;",
        "export const count = M.count;",
      ].join("\n"),
    );
  });
  it("globals become module variables; several values are assigned at once; a counting for reads its bounds once", () => {
    const ts = body(
      ["score = 0", "function bump(n)", "\tfor i = 1, n do score = score + i end", "end", "a, b = b, a"].join(
        "\n",
      ),
      "globals.lua",
    );
    expect(ts).toContain("let score: LuaValue, a: LuaValue, b: LuaValue;");
    expect(ts).toContain("for (let i = 1; i <= n; i++) {"); // n is never assigned: reading it each time is reading it once
    expect(ts).toContain("score = score + i;"); // score only ever holds numbers: JavaScript's +
    expect(ts).toContain("[a, b] = lua.values(2, b, a);");
  });
  it("keeps comments, long comments and blank lines", () => {
    const ts = body(
      ["--[[ header", "  two lines ]]", "", "local x = 1 -- one", "", "", "print(x)"].join("\n"),
      "notes.lua",
    );
    expect(ts).toBe(
      ["/*", " header", "  two lines ", "*/", "", "const x: LuaValue = 1; // one", "", "lua.print(x);"].join(
        "\n",
      ),
    );
  });
});

describe("GDScript: what tree-sitter-gdscript parses differently from Godot", () => {
  it("a call at the end of a dotted chain belongs to the chain, not to the operation before it", () => {
    const ts = body(
      [
        "func f(a, b):",
        "\tvar x = 1 + a.b.c()",
        '\tvar y = "%d" % a.peer.get_id()',
        "\tvar z = -a.b.c()",
        "\tvar w = not a.b.c()",
        "\treturn [x, y, z, w]",
      ].join("\n"),
      "grouping.gd",
    );
    expect(ts).toContain("const x = 1 + a.b.c();");
    expect(ts).toContain('const y = gd.format("%d", a.peer.get_id());');
    expect(ts).toContain("const z = -a.b.c();");
    expect(ts).toContain("const w = !gd.truthy(a.b.c());");
  });
});

describe("GDScript: properties, regions, _init, as", () => {
  it("set(value): and get: bodies become accessors over a private field; #region stays a region", () => {
    const ts = body(
      [
        "extends Node",
        "#region State",
        "var hp: int = 10:",
        "\tset(value):",
        "\t\thp = clampi(value, 0, 100)",
        "\tget:",
        "\t\treturn hp",
        "#endregion",
        "func _init() -> void:",
        "\thp = 5",
        "func parse(data) -> Dictionary:",
        "\treturn data as Dictionary",
      ].join("\n"),
      "props.gd",
    );
    expect(ts).toContain(
      "//#region State\n  #hp: number = 10;\n  get hp(): number {\n    return this.#hp;\n  }",
    );
    expect(ts).toContain(
      "set hp(value: number) {\n    this.#hp = clampi(value, 0, 100);\n  }\n  //#endregion",
    );
    expect(ts).toContain("constructor() {\n    super();\n    this.hp = 5;\n  }");
    expect(ts).toContain("return gd.as_type(data, TYPE_DICTIONARY);");
  });
});

describe("GDScript: types", () => {
  it("an object-typed var with no value or `= null` is `T | null`; Packed*Array is an Array; extends a script by path", () => {
    const ts = body(
      [
        'extends "res://net/base_client.gd"',
        "var tls: TLSOptions",
        "var options: TLSOptions = null",
        "var protocols: PackedStringArray",
        "func f() -> void:",
        "\tvar peer: WebSocketPeer",
        "\tpeer = WebSocketPeer.new()",
        "\tvar key: CryptoKey = null",
        "\tkey = CryptoKey.new()",
      ].join("\n"),
      "typed.gd",
    );
    expect(translateSnippet('extends "res://net/base_client.gd"\n', "typed.gd").code).toContain(
      'import BaseClient from "./base_client.js";',
    );
    expect(ts).toContain("export class Typed extends BaseClient {");
    expect(ts).toContain("tls: TLSOptions | null = null;");
    expect(ts).toContain("protocols: string[] = [];");
    expect(ts).toContain("let peer: WebSocketPeer | null = null;");
    expect(ts).toContain("options: TLSOptions | null = null;"); // `= null` written out: the same type
    expect(ts).toContain("let key: CryptoKey | null = null;");
  });

  it("a script named after its base class (link_button.gd, extends LinkButton) imports the base under another name", () => {
    const { code, marks, engineNames } = translateSnippet(
      "extends LinkButton\nfunc _pressed() -> void:\n\tpass\n",
      "link_button.gd",
    );
    expect(marks).toEqual([]);
    expect(code).toContain('import { LinkButton as LinkButtonBase } from "./engine.js";');
    expect(code).toContain("export class LinkButton extends LinkButtonBase {");
    expect(code).toContain("  _pressed(): void {"); // not `override`: the base is the engine's
    expect(engineNames.get("LinkButton")).toBe("class");
    const node = body("extends Node\n", "node.gd");
    expect(node).toContain("export class Node extends NodeBase {");
    expect(translateSnippet("extends Node\n", "node.gd").code).toContain(
      'import { Node as NodeBase } from "@wsport/godot-compat";',
    );
  });

  it("preload()/load() of a script is the class its translation exports; of a scene it stays a call", () => {
    const { code, marks } = translateSnippet(
      [
        "extends Node",
        'const Chat = preload("res://chat.gd")',
        'const Level = preload("res://level.tscn")',
        "func _ready() -> void:",
        "\tvar a := Chat.new()",
        '\tvar b = load("res://net/peer_helper.gd").new()',
        "\tadd_child(Level.instantiate())",
      ].join("\n"),
      "main.gd",
    );
    expect(marks).toEqual([]);
    expect(code).toContain('import Chat from "./chat.js";');
    expect(code).toContain('import PeerHelper from "./peer_helper.js";');
    expect(code).not.toContain("export const Chat");
    expect(code).toContain('export const Level = preload("res://level.tscn");');
    expect(code).toContain("const a = new Chat();");
    expect(code).toContain("const b = new PeerHelper();");
  });
});

it("GDScript: an enum with comments between its values (the comments go above it)", () => {
  expect(body("extends Node\nenum Mode {\n\tA, # first\n\t# second\n\tB = 5,\n}\n", "modes.gd")).toContain(
    "// first\n// second\nexport enum Mode {\n  A = 0,\n  B = 5,\n}",
  );
});

it("GDScript: a parameter with an inferred type (`b := false`) and parameters continued on the next line", () => {
  expect(
    body("extends Node\nfunc f(a: Dictionary, b := false, \\\n\t\tc = 2) -> void:\n\tpass\n", "params.gd"),
  ).toContain("f(a: gd.Dictionary, b = false, c: Variant = 2): void {}");
});
