// What the GDScript translator knows while it writes: the imports, marks and names collected so far,
// the scopes of the function being written, and the static types of names and expressions. The
// translator's layers build on it: operators.ts, calls.ts, expressions.ts, statements.ts, translate.ts.
import * as godot from "@wsport/godot-compat";
import { Imports, Marks, RUNTIME } from "../output.js";
import { operator, type SyntaxNode } from "./syntax.js";
import { isNumber, type StaticType, staticTypeOf } from "./types.js";

export const GODOT = "@wsport/godot-compat";
export const GODOT_EXPORTS = new Set(Object.keys(godot));

export interface GdscriptOptions {
  /** The file's base name without extension (names the class when there is no class_name). */
  baseName: string;
  engineModule: string;
}

export interface Translation {
  code: string;
  marks: Marks;
  /** Engine names imported from the engine module, and whether each is used as a class. */
  engineNames: Map<string, "class" | "value">;
}

export interface ClassInfo {
  name: string;
  base: string;
  members: Map<
    string,
    { kind: "var" | "func" | "signal"; type: StaticType; isStatic: boolean; isAsync: boolean }
  >;
  isNode: boolean;
}

export abstract class GdscriptScope {
  readonly imports = new Imports();
  readonly marks = new Marks(this.imports);
  readonly engineNames = new Map<string, "class" | "value">();
  /** Module-level names: consts, enums, inner classes, the script's class. */
  readonly moduleNames = new Map<string, StaticType>();
  readonly classes = new Map<string, ClassInfo>();
  cls!: ClassInfo;
  scopes: Array<Map<string, StaticType>> = [];
  inStatic = false;
  /** The property whose accessors are being written: its name is the private field there. */
  backing: string | null = null;
  /** Lines of the function being written, and names it reassigns (they are `let`, the others `const`). */
  reassigned = new Set<string>();

  constructor(readonly options: GdscriptOptions) {}

  /** GDScript's default for a typed var with no value: 0, "", false, [] …; untyped is null. */
  defaultFor(node: SyntaxNode): string {
    const t = node.childForFieldName("type");
    const st = t && t.type !== "inferred_type" ? staticTypeOf(t.text) : "unknown";
    switch (st) {
      case "int":
      case "float":
        return " = 0";
      case "bool":
        return " = false";
      case "string":
        return ' = ""';
      case "array":
        return " = []";
      case "dict":
        return ` = ${this.gd("dict")}()`;
      default:
        // A PackedByteArray is a value in Godot, empty at first; an object type starts as null.
        return t?.text === "PackedByteArray" ? ` = new ${this.classRef("PackedByteArray", t)}()` : " = null";
    }
  }

  /** An object type with no value starts as null, as in Godot: `T | null`. */
  nullable(type: string, node: SyntaxNode): string {
    return type && this.defaultFor(node) === " = null" ? `${type} | null` : type;
  }

  variantType(): string {
    this.imports.type(RUNTIME, "Variant");
    return ": Variant";
  }

  /** `: T` for a declaration's written type (empty when inferred or absent). */
  annotation(node: SyntaxNode): string {
    const type = node.childForFieldName("type");
    if (!type || type.type === "inferred_type") return "";
    return `: ${this.tsType(type)}`;
  }

  tsType(type: SyntaxNode): string {
    const text = type.text.trim();
    const generic = /^(Array)\[(.+)\]$/.exec(text);
    if (generic) return `${this.tsTypeName(generic[2]!.trim(), type)}[]`;
    if (/^Dictionary\[/.test(text)) return `${this.gd("Dictionary")}`;
    return this.tsTypeName(text, type);
  }

  tsTypeName(text: string, at: SyntaxNode): string {
    switch (text) {
      case "int":
      case "float":
        return "number";
      case "bool":
        return "boolean";
      case "String":
      case "StringName":
      case "NodePath":
        return "string";
      case "void":
        return "void";
      case "Variant":
        return this.variantType().slice(2);
      case "Array":
        return `${this.variantType().slice(2)}[]`;
      case "Dictionary":
        return this.gd("Dictionary");
      case "Callable":
        return "(...args: Variant[]) => Variant";
      case "PackedStringArray":
        return "string[]";
      case "PackedInt32Array":
      case "PackedInt64Array":
      case "PackedFloat32Array":
      case "PackedFloat64Array":
        return "number[]";
      default:
        return this.classRef(text, at, true);
    }
  }

  /** A class name as the output spells it, importing it from godot-compat or the engine module. */
  classRef(name: string, at: SyntaxNode, typeOnly = false): string {
    // `StreamPeerTLS.Status`, `Inner.Mode`: an enum's type, and GDScript's enums are ints.
    if (name.includes(".")) return typeOnly ? "number" : name;
    if (this.moduleNames.has(name) || this.classes.has(name)) return name;
    if (name === "RefCounted" || name === "Object") return this.imports.value(RUNTIME, "RefCounted");
    if (GODOT_EXPORTS.has(name))
      return typeOnly ? this.imports.type(GODOT, name) : this.imports.value(GODOT, name);
    if (/^[A-Z]/.test(name)) {
      this.engineNames.set(name, "class");
      return typeOnly
        ? this.imports.type(this.options.engineModule, name)
        : this.imports.value(this.options.engineModule, name);
    }
    return this.marks.mark(at.startPosition.row + 1, `type ${name}`, "not a class the tool knows");
  }

  isNodeClass(base: string): boolean {
    if (base === "Node") return true;
    if (base === "RefCounted" || base === "Object" || base === "Resource") return false;
    const inner = this.classes.get(base);
    if (inner) return inner.isNode;
    return !GODOT_EXPORTS.has(base); // engine classes a script extends are nodes (Control, Node2D …)
  }

  /** A Godot virtual (_ready, _process …) that the class's base implements with no script code: godot-compat's Node and its own. */
  nativeVirtual(name: string): boolean {
    const virtuals = [
      "_ready",
      "_process",
      "_physics_process",
      "_enter_tree",
      "_exit_tree",
      "_input",
      "_unhandled_input",
      "_notification",
    ];
    if (!virtuals.includes(name)) return false;
    let base = this.cls.base;
    while (this.classes.has(base)) {
      if (this.classes.get(base)!.members.has(name)) return false;
      base = this.classes.get(base)!.base;
    }
    return (
      GODOT_EXPORTS.has(base) &&
      !(name in ((godot as unknown as Record<string, { prototype: object }>)[base]?.prototype ?? {}))
    );
  }

  override(name: string): string {
    // Godot's virtual methods exist on godot-compat's Node only as names it calls, so none is overridden there;
    // a method that an inner class of this file defines is.
    const base = this.classes.get(this.cls.base);
    if (base?.members.has(name)) return "override ";
    if ((this.cls.base === "Node" || this.cls.isNode) && name in godot.Node.prototype) return "override ";
    return "";
  }

  gd(name: string): string {
    this.imports.value(RUNTIME, "gd");
    return `gd.${name}`;
  }

  lookup(name: string): StaticType | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const t = this.scopes[i]!.get(name);
      if (t !== undefined) return t;
    }
    return undefined;
  }

  typeOf(node: SyntaxNode): StaticType {
    switch (node.type) {
      case "integer":
        return "int";
      case "float":
        return "float";
      case "true":
      case "false":
        return "bool";
      case "string":
      case "string_name":
      case "node_path":
        return "string";
      case "null":
        return "null";
      case "array":
        return "array";
      case "dictionary":
        return "dict";
      case "parenthesized_expression":
        return this.typeOf(node.namedChildren[0]!);
      case "identifier": {
        const local = this.lookup(node.text);
        if (local !== undefined) return local;
        const member = this.cls?.members.get(node.text);
        if (member && member.kind !== "func") return member.type;
        return this.moduleNames.get(node.text) ?? "unknown";
      }
      case "unary_operator": {
        const op = node.children[0]!.text;
        if (op === "not" || op === "!") return "bool";
        return this.typeOf(node.namedChildren[0]!);
      }
      case "binary_operator": {
        const op = operator(node);
        if (
          [
            "==",
            "!=",
            "<",
            ">",
            "<=",
            ">=",
            "and",
            "or",
            "&&",
            "||",
            "in",
            "is",
            "not in",
            "is not",
          ].includes(op)
        )
          return "bool";
        const l = this.typeOf(node.childForFieldName("left")!);
        const r = this.typeOf(node.childForFieldName("right")!);
        if (op === "%" && l === "string") return "string";
        if (op === "+" && l === "string" && r === "string") return "string";
        if (["+", "-", "*", "/", "%", "**"].includes(op)) {
          if (l === "int" && r === "int") return "int";
          if (isNumber(l) && isNumber(r)) return "float";
        }
        if (["<<", ">>", "&", "|", "^"].includes(op) && l === "int" && r === "int") return "int";
        return "unknown";
      }
      case "call": {
        const callee = node.namedChildren[0]!.text;
        if (callee === "len" || callee === "int" || callee === "typeof") return "int";
        if (callee === "str" || callee === "char") return "string";
        if (callee === "float") return "float";
        if (callee === "range") return "array";
        if (callee === "PackedByteArray") return { class: "PackedByteArray" };
        const member = this.cls?.members.get(callee);
        if (member?.kind === "func" && !member.isAsync) return member.type;
        return "unknown";
      }
      case "attribute": {
        const last = node.namedChildren.at(-1)!;
        if (last.type === "attribute_call" && last.namedChildren[0]?.text === "new")
          return { class: node.namedChildren[0]!.text };
        return "unknown";
      }
      default:
        return "unknown";
    }
  }

  declaredType(node: SyntaxNode): StaticType {
    const type = node.childForFieldName("type");
    if (type && type.type !== "inferred_type") return staticTypeOf(type.text);
    const value = node.childForFieldName("value");
    if (type?.type === "inferred_type" && value) return this.typeOf(value);
    if (node.type === "const_statement" && value) return this.typeOf(value);
    return "unknown";
  }
}
