// GDScript calls and attribute chains: the runtime's and Math's functions, godot-compat's classes,
// `X.new()`, methods of the script and its base, String/Array methods through gd.call, signals.
import * as godot from "@wsport/godot-compat";
import { gd } from "@wsport/port-runtime";
import { pascalCase, safeName } from "../output.js";
import { GdscriptOperators } from "./operators.js";
import { GODOT, GODOT_EXPORTS } from "./scope.js";
import { preloadedScript, type SyntaxNode, stringValue } from "./syntax.js";
import type { StaticType } from "./types.js";

const isPackedBytes = (type: StaticType) => typeof type === "object" && type.class === "PackedByteArray";

/** @GlobalScope and GDScript functions the runtime (gd.*) provides. */
const RUNTIME_FUNCTIONS = new Set(["print", "len", "range", "str", "int", "float", "typeof", "char"]);
/** Math helpers: JavaScript's Math does them exactly. */
const MATH_FUNCTIONS: Record<string, string> = {
  abs: "Math.abs",
  floor: "Math.floor",
  ceil: "Math.ceil",
  sqrt: "Math.sqrt",
  pow: "Math.pow",
  min: "Math.min",
  max: "Math.max",
  sign: "Math.sign",
};

/** @GlobalScope functions outside the runtime: imported from the engine module. */
const GLOBAL_FUNCTIONS = new Set([
  "randi",
  "randf",
  "randi_range",
  "randf_range",
  "preload",
  "load",
  "clamp",
  "lerp",
  "round",
  "is_instance_valid",
  "printerr",
  "prints",
  "printt",
  "print_debug",
  "assert",
  "hash",
  "weakref",
]);

export abstract class GdscriptCalls extends GdscriptOperators {
  /** Written by expressions.ts, the layer above. */
  abstract selfCall(text: string, at: SyntaxNode): string;

  call(node: SyntaxNode): string {
    const callee = node.namedChildren[0]!;
    const args = node.childForFieldName("arguments")!.namedChildren.filter((c) => c.type !== "comment");
    const a = () => args.map((x) => this.expr(x)).join(", ");
    const name = callee.text;
    const line = node.startPosition.row + 1;
    if (callee.type !== "identifier") return `${this.expr(callee)}(${a()})`;
    if (this.lookup(name) !== undefined) return `${safeName(name)}(${a()})`; // a lambda in a local
    const script = preloadedScript(node);
    if (script !== undefined) {
      // `preload("res://chat.gd")`: the class that script's translation exports, written beside this one.
      const local = this.imports.default(`./${script}.js`, pascalCase(script));
      this.moduleNames.set(local, { class: local });
      return local;
    }
    const member = this.cls?.members.get(name);
    if (member?.kind === "func")
      return `${member.isStatic ? this.cls.name : this.selfCall("this", node)}.${name}(${a()})`;
    if (name === "super") return `super(${a()})`;
    if (name === "typeof") return `${this.gd("typeof_")}(${a()})`;
    if (name === "get_node") return this.selfCall(`${this.gd("get_node")}(this, ${a()})`, node);
    if (name === "set_process" || name === "is_processing")
      return this.selfCall(
        `${this.gd(name)}(${["this", ...args.map((x) => this.expr(x))].join(", ")})`,
        node,
      );
    if (name === "emit_signal" && args[0]?.type === "string")
      return `this.${stringValue(args[0].text)}.emit(${args
        .slice(1)
        .map((x) => this.expr(x))
        .join(", ")})`;
    if (name === "bool") return `${this.gd("truthy")}(${a()})`;
    if (RUNTIME_FUNCTIONS.has(name)) return `${this.gd(name)}(${a()})`;
    if (MATH_FUNCTIONS[name]) return `${MATH_FUNCTIONS[name]}(${a()})`;
    if (name === "Array") return args.length ? `[...${this.expr(args[0]!)}]` : "[]";
    if (name === "Dictionary")
      return args.length ? `${this.expr(args[0]!)}.duplicate()` : `${this.gd("dict")}()`;
    if (name === "String") return `${this.gd("str")}(${a()})`;
    if (this.moduleNames.has(name) && typeof this.moduleNames.get(name) === "object")
      return `new ${name}(${a()})`;
    if (GODOT_EXPORTS.has(name)) {
      const value = (godot as Record<string, unknown>)[name];
      const isClass = typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
      return `${isClass ? "new " : ""}${this.imports.value(GODOT, name)}(${a()})`;
    }
    if (/^[A-Z]/.test(name)) {
      // A built-in type's constructor (Vector2(1, 2), Color(…)) from the engine module.
      this.engineNames.set(name, "class");
      return `new ${this.imports.value(this.options.engineModule, name)}(${a()})`;
    }
    if (this.cls && !this.inStatic && !GLOBAL_FUNCTIONS.has(name)) return `this.${name}(${a()})`; // inherited method
    if (GLOBAL_FUNCTIONS.has(name)) {
      this.engineNames.set(name, "value");
      return `${this.imports.value(this.options.engineModule, name)}(${a()})`;
    }
    return this.marks.mark(line, `${name}()`, "a call in a static function to a name the tool cannot place");
  }

  /** `a.b.c()`: tree-sitter gives the base and then each `.part` as a child. */
  attribute(node: SyntaxNode): string {
    return this.attributeParts(node.namedChildren, node);
  }

  attributeParts(parts: SyntaxNode[], node: SyntaxNode): string {
    const base = parts[0]!;
    if (base.type === "binary_operator" && parts.length > 1) return this.binary(base, parts.slice(1));
    if (base.type === "unary_operator" && parts.length > 1) {
      // The same parser grouping: `-a.b.c()` arrives as `(-a.b).c()`.
      const op = base.children[0]!.text;
      const operand = this.attributeParts([base.namedChildren[0]!, ...parts.slice(1)], node);
      if (op === "not" || op === "!") return `!${this.gd("truthy")}(${operand})`;
      if (op === "~") return `${this.gd("bnot")}(${operand})`;
      return `${op}${operand}`;
    }
    let text: string;
    let baseIsSelf = false;
    let isSuper = false;
    if (base.type === "identifier" && base.text === "super") {
      text = "super";
      isSuper = true;
    } else if (base.type === "identifier" && base.text === "self") {
      text = this.selfCall("this", base);
      baseIsSelf = true;
    } else text = this.wrap(base, true);
    let receiverType: StaticType = isSuper || baseIsSelf ? { class: this.cls.name } : this.typeOf(base);
    // Whether `text` so far is a name or a chain of member names, so that it can be assigned to.
    let assignable = base.type === "identifier" && !isSuper;
    const first = parts[1];
    if (
      isSuper &&
      parts.length === 2 &&
      first?.type === "attribute_call" &&
      this.nativeVirtual(first.namedChildren[0]!.text)
    )
      return `/* super.${first.namedChildren[0]!.text}(): Godot's own ${this.cls.base} has no script code to run */ undefined`;
    for (const part of parts.slice(1)) {
      if (part.type === "identifier") {
        text += `.${part.text}`;
        receiverType = baseIsSelf ? (this.cls.members.get(part.text)?.type ?? "unknown") : "unknown";
      } else if (part.type === "attribute_call") {
        const name = part.namedChildren[0]!.text;
        const args = part
          .childForFieldName("arguments")!
          .namedChildren.filter((c) => c.type !== "comment")
          .map((x) => this.expr(x));
        if (name === "new") {
          const isGodot = base.type === "identifier" && parts.length === 2 && GODOT_EXPORTS.has(base.text);
          text = isGodot ? `${text}.new(${args.join(", ")})` : `new ${text}(${args.join(", ")})`;
        } else if (
          name === "emit_signal" &&
          part.childForFieldName("arguments")!.namedChildren[0]?.type === "string"
        ) {
          text += `.${stringValue(part.childForFieldName("arguments")!.namedChildren[0]!.text)}.emit(${args.slice(1).join(", ")})`;
        } else if (gd.GROWING_METHODS.has(name) && isPackedBytes(receiverType)) {
          // A PackedByteArray is a fixed-length Uint8Array here: a call that changes its length gives
          // the changed copy, which goes back where the array came from.
          const call = `${this.gd("grown")}(${[text, JSON.stringify(name), ...args].join(", ")})`;
          text = assignable
            ? `(${text} = ${call})`
            : this.marks.mark(
                node.startPosition.row + 1,
                node.text,
                `${name}() changes a PackedByteArray's length, and this one cannot be assigned back: keep it in a variable`,
              );
        } else if (
          gd.BUILTIN_METHODS.has(name) &&
          !isSuper &&
          !baseIsSelf &&
          typeof receiverType !== "object"
        ) {
          text = `${this.gd("call")}(${[text, JSON.stringify(name), ...args].join(", ")})`;
        } else if (baseIsSelf && name === "get_node") {
          text = `${this.gd("get_node")}(${["this", ...args].join(", ")})`;
        } else text += `.${name}(${args.join(", ")})`;
        baseIsSelf = false;
        receiverType = "unknown";
        assignable = false;
      } else if (part.type === "attribute_subscript") {
        const name = part.namedChildren[0]!.text;
        const key = this.expr(part.childForFieldName("arguments")!.namedChildren[0]!);
        text = `${this.gd("index")}(${text}.${name}, ${key})`;
        receiverType = "unknown";
        assignable = false;
      } else return this.marks.mark(node.startPosition.row + 1, node.text, `attribute part ${part.type}`);
    }
    return text;
  }
}
