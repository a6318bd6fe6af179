// GDScript (Godot 4) to TypeScript over tree-sitter-gdscript's syntax tree. One script becomes one
// module: its class (named by class_name, else the file), also the default export; consts, enums
// and inner classes beside it. Names, comments and blank lines are kept; what has no exact
// translation becomes a marked place (see ../output.ts).
import * as godot from "@wsport/godot-compat";
import { gd } from "@wsport/port-runtime";
import type Parser from "tree-sitter";
import { Imports, Marks, pascalCase, RUNTIME, safeName } from "../output.js";
import { BUILTIN_TYPE_IDS, isNumber, type StaticType, staticTypeOf } from "./types.js";

type SyntaxNode = Parser.SyntaxNode;

const GODOT = "@wsport/godot-compat";
const GODOT_EXPORTS = new Set(Object.keys(godot));

/** @GlobalScope and GDScript functions the runtime (gd.*) provides. */
const RUNTIME_FUNCTIONS = new Set(["print", "len", "range", "str", "int", "float", "typeof"]);
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

interface ClassInfo {
  name: string;
  base: string;
  members: Map<
    string,
    { kind: "var" | "func" | "signal"; type: StaticType; isStatic: boolean; isAsync: boolean }
  >;
  isNode: boolean;
}

export function translateGdscript(tree: Parser.Tree, options: GdscriptOptions): Translation {
  return new GdscriptTranslator(options).run(tree.rootNode);
}

class GdscriptTranslator {
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

  run(root: SyntaxNode): Translation {
    const classNameStmt = root.namedChildren.find((n) => n.type === "class_name_statement");
    const extendsStmt = root.namedChildren.find((n) => n.type === "extends_statement");
    const name = classNameStmt?.childForFieldName("name")?.text ?? pascalCase(this.options.baseName);
    let base = extendsStmt ? extendsStmt.text.replace(/^extends\s+/, "").trim() : "RefCounted";
    const path = /^["'](.+)\.gd["']$/.exec(base);
    if (path) {
      // `extends "other.gd"`: that script's translation, written beside this one.
      const file = path[1]!.split("/").pop()!;
      base = this.imports.default(`./${file}.js`, pascalCase(file));
      this.moduleNames.set(base, { class: base });
    }
    const body = root.namedChildren.filter((n) => !same(n, classNameStmt) && !same(n, extendsStmt));
    // Inner classes first, so the outer class knows their members.
    for (const inner of body.filter((n) => n.type === "class_definition")) this.collectClass(inner);
    this.moduleNames.set(name, { class: name });
    const header: string[] = [];
    const firstCode = body.find((n) => n.type !== "comment") ?? null;
    const leading = body.filter(
      (n) => n.type === "comment" && (!firstCode || n.startIndex < firstCode.startIndex),
    );
    if (extendsStmt && leading.some((c) => c.startIndex < extendsStmt.startIndex))
      for (const c of leading.filter((c) => c.startIndex < extendsStmt.startIndex)) header.push(comment(c));
    const rest = body.filter(
      (n) => !(n.type === "comment" && extendsStmt && n.startIndex < extendsStmt.startIndex),
    );
    const { module, members } = this.classBody(name, base, rest, root);
    const code = [
      ...header,
      this.imports.render(),
      "",
      ...module,
      ...(module.length ? [""] : []),
      ...members,
      "",
      `export default ${name};`,
      "",
    ].join("\n");
    return { code, marks: this.marks, engineNames: this.engineNames };
  }

  // --- classes --------------------------------------------------------------------------------

  collectClass(node: SyntaxNode): void {
    const name = node.childForFieldName("name")!.text;
    this.moduleNames.set(name, { class: name });
  }

  /** Members of a class body (outer script or inner class) and the module-level declarations it hoists. */
  classBody(
    name: string,
    base: string,
    children: SyntaxNode[],
    owner: SyntaxNode,
  ): { module: string[]; members: string[] } {
    const info: ClassInfo = { name, base, members: new Map(), isNode: this.isNodeClass(base) };
    this.classes.set(name, info);
    const outer = this.cls;
    this.cls = info;
    for (const child of children) this.declare(child);
    const baseRef = this.classRef(base, owner);
    const module: string[] = [];
    const members: string[] = [];
    const onready: string[] = [];
    let pending: string[] = [];
    let previous: SyntaxNode | null = null;
    let hasReady = false;
    for (const child of children) {
      const blank = previous && child.startPosition.row > previous.endPosition.row + 1 ? [""] : [];
      if (child.type === "comment") {
        if (previous && child.startPosition.row === previous.endPosition.row && pending.length === 0) {
          const target = lastTarget(previous) === "module" ? module : members;
          if (target.length > 0) target[target.length - 1] += ` ${comment(child)}`;
          else target.push(comment(child));
        } else pending.push(...blank, comment(child));
        previous = child;
        continue;
      }
      const out = this.member(child, onready);
      if (child.type !== "class_definition" && child.type !== "function_definition")
        out.lines.unshift(...expressionComments(child));
      if (child.type === "function_definition" && child.childForFieldName("name")?.text === "_ready")
        hasReady = true;
      const target = out.where === "module" ? module : members;
      target.push(...blank, ...pending, ...this.marks.takeComments(), ...out.lines);
      (child as SyntaxNode & { where?: string }).where = out.where;
      pending = [];
      previous = child;
    }
    members.push(...pending);
    if (onready.length > 0 && !hasReady)
      members.push("", `${this.override("_ready")}_ready(): void {`, ...onready, "}");
    else if (onready.length > 0) {
      const at = members.findIndex((l) => /^(override )?(async )?_ready\(/.test(l));
      members.splice(at + 1, 0, ...onready);
    }
    this.cls = outer;
    const head = `export class ${name} extends ${baseRef} {`;
    return { module, members: [head, ...members, "}"] };
  }

  /** First pass over a class body: member names and types, so uses before declarations resolve. */
  declare(node: SyntaxNode): void {
    const name = node.childForFieldName("name")?.text;
    if (!name) return;
    const isStatic = node.children.some((c) => c.type === "static_keyword");
    switch (node.type) {
      case "variable_statement":
        this.cls.members.set(name, { kind: "var", type: this.declaredType(node), isStatic, isAsync: false });
        break;
      case "function_definition": {
        const returns = node.childForFieldName("return_type");
        this.cls.members.set(name, {
          kind: "func",
          type: returns ? staticTypeOf(returns.text) : "unknown",
          isStatic,
          isAsync: containsAwait(node.childForFieldName("body")!),
        });
        break;
      }
      case "signal_statement":
        this.cls.members.set(name, {
          kind: "signal",
          type: { class: "Signal" },
          isStatic: false,
          isAsync: false,
        });
        break;
      case "const_statement":
        this.moduleNames.set(name, this.declaredType(node));
        break;
      case "enum_definition":
        this.moduleNames.set(name, { class: name });
        break;
    }
    if (node.type === "enum_definition" && !node.childForFieldName("name"))
      for (const e of node.childForFieldName("body")!.namedChildren.filter((c) => c.type === "enumerator"))
        this.moduleNames.set(e.childForFieldName("left")!.text, "int");
  }

  declaredType(node: SyntaxNode): StaticType {
    const type = node.childForFieldName("type");
    if (type && type.type !== "inferred_type") return staticTypeOf(type.text);
    const value = node.childForFieldName("value");
    if (type?.type === "inferred_type" && value) return this.typeOf(value);
    if (node.type === "const_statement" && value) return this.typeOf(value);
    return "unknown";
  }

  member(node: SyntaxNode, onready: string[]): { where: "module" | "class"; lines: string[] } {
    const line = node.startPosition.row + 1;
    switch (node.type) {
      case "signal_statement": {
        const name = node.childForFieldName("name")!.text;
        const params = (node.childForFieldName("parameters")?.namedChildren ?? []).filter(isParameter);
        const signalType = this.imports.value(GODOT, "Signal");
        const args = params.map((p) => this.param(p, false)).join(", ");
        return {
          where: "class",
          lines: [`${name} = new ${signalType}<[${args}]>(${JSON.stringify(name)});`],
        };
      }
      case "variable_statement":
        return { where: "class", lines: this.field(node, onready) };
      case "const_statement": {
        const name = node.childForFieldName("name")!.text;
        const value = this.expr(node.childForFieldName("value")!);
        return { where: "module", lines: [`export const ${name}${this.annotation(node)} = ${value};`] };
      }
      case "enum_definition": {
        const name = node.childForFieldName("name")?.text;
        let next = 0;
        const enumerators = node
          .childForFieldName("body")!
          .namedChildren.filter((e) => e.type === "enumerator");
        const entries = enumerators.map((e) => {
          const key = e.childForFieldName("left")!.text;
          const right = e.childForFieldName("right");
          const value = right ? this.constInt(right) : next;
          if (value === null)
            return { key, text: this.marks.mark(line, "enum value", "not a constant integer") };
          next = value + 1;
          return { key, text: String(value) };
        });
        if (name)
          return {
            where: "module",
            lines: [`export enum ${name} {`, ...entries.map((e) => `${e.key} = ${e.text},`), "}"],
          };
        return { where: "module", lines: entries.map((e) => `export const ${e.key} = ${e.text};`) };
      }
      case "function_definition":
      case "constructor_definition":
        return { where: "class", lines: this.method(node) };
      case "region_start":
        return {
          where: "class",
          lines: [`//#region${node.namedChildren[0] ? ` ${node.namedChildren[0].text.trim()}` : ""}`],
        };
      case "region_end":
        return { where: "class", lines: ["//#endregion"] };
      case "class_definition": {
        const name = node.childForFieldName("name")!.text;
        const ext = node.childForFieldName("extends");
        const base = ext ? ext.text.replace(/^extends\s+/, "").trim() : "RefCounted";
        const body = node.childForFieldName("body")!.namedChildren;
        const { module, members } = this.classBody(name, base, body, node);
        return { where: "module", lines: [...module, ...members, ""] };
      }
      case "annotation": {
        let next = node.nextNamedSibling;
        while (next && (next.type === "annotation" || next.type === "comment")) next = next.nextNamedSibling;
        if (next?.type === "function_definition") return { where: "class", lines: [] }; // written with the function
        return {
          where: "class",
          lines: [
            `needs_human_${line} = ${this.marks.mark(line, `annotation ${node.text}`, "a script-level annotation has no TypeScript meaning here")};`,
          ],
        };
      }
      default:
        return {
          where: "class",
          lines: [
            `needs_human_${line} = ${this.marks.mark(line, node.type, "not a class member the tool knows")};`,
          ],
        };
    }
  }

  field(node: SyntaxNode, onready: string[]): string[] {
    const name = node.childForFieldName("name")!.text;
    const line = node.startPosition.row + 1;
    const annotations = (node.children.find((c) => c.type === "annotations")?.namedChildren ?? []).map(
      (a) => a.namedChildren[0]?.text ?? "",
    );
    const isStatic = node.children.some((c) => c.type === "static_keyword");
    const value = node.childForFieldName("value");
    const type = this.annotation(node);
    const setget = node.childForFieldName("setget");
    if (setget) return this.accessors(node, name, type || this.variantType(), setget);
    const unknownAnnotations = annotations.filter(
      (a) => !["export", "onready"].includes(a) && !a.startsWith("export_"),
    );
    const marked = unknownAnnotations.map(
      (a) =>
        `needs_human_${line} = ${this.marks.mark(line, `@${a}`, "annotation with no TypeScript counterpart")};`,
    );
    if (annotations.includes("onready") && value) {
      this.scopes = [new Map()];
      onready.push(`this.${name} = ${this.expr(value)};`);
      this.scopes = [];
      return [...marked, `${name}!${type || this.variantType()};`];
    }
    const prefix = isStatic ? "static " : "";
    if (!value)
      return [
        ...marked,
        `${prefix}${name}${this.nullable(type, node) || this.variantType()}${this.defaultFor(node)};`,
      ];
    this.scopes = [new Map()];
    this.inStatic = isStatic;
    const init = this.expr(value);
    this.scopes = [];
    this.inStatic = false;
    const annotated =
      type || (node.childForFieldName("type")?.type === "inferred_type" ? "" : this.variantType());
    return [...marked, `${prefix}${name}${annotated} = ${init};`];
  }

  /**
   * `var x: T = v:` with `set(value):` and `get:` bodies: a private field holds the value, and the
   * accessors read and write it (inside them `x` is the field, as in Godot). `set = f, get = g`
   * (named functions) is marked: whether `x` inside f is the field is not visible here.
   */
  accessors(node: SyntaxNode, name: string, type: string, setget: SyntaxNode): string[] {
    const line = node.startPosition.row + 1;
    const set = setget.childForFieldName("set");
    const get = setget.childForFieldName("get");
    if ((set && set.type !== "set_body") || (get && get.type !== "get_body"))
      return [
        `needs_human_${line} = ${this.marks.mark(line, `property ${name} with set = / get = functions`, "write the accessors by hand")};`,
      ];
    const value = node.childForFieldName("value");
    this.scopes = [new Map()];
    const init = value ? ` = ${this.expr(value)}` : this.defaultFor(node);
    this.scopes = [];
    const savedBacking = this.backing;
    this.backing = name;
    const lines = [`#${name}${type}${init};`];
    this.scopes = [new Map()];
    this.reassigned = new Set();
    lines.push(
      `get ${name}()${type} {`,
      ...(get ? this.block(get.childForFieldName("body")!) : [`return this.#${name};`]),
      "}",
    );
    const param = set?.namedChildren.find((c) => c.type === "parameters")?.namedChildren[0]?.text ?? "value";
    this.scopes = [new Map([[param, "unknown"]])];
    if (set) this.reassigned = reassignedNames(set.childForFieldName("body")!);
    lines.push(
      `set ${name}(${safeName(param)}${type}) {`,
      ...(set ? this.block(set.childForFieldName("body")!) : [`this.#${name} = ${safeName(param)};`]),
      "}",
    );
    this.scopes = [];
    this.backing = savedBacking;
    return lines;
  }

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
        return " = null";
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

  // --- functions ------------------------------------------------------------------------------

  method(node: SyntaxNode): string[] {
    const name = node.type === "constructor_definition" ? "_init" : node.childForFieldName("name")!.text;
    const isStatic = node.children.some((c) => c.type === "static_keyword");
    const params = (node.childForFieldName("parameters")?.namedChildren ?? []).filter(isParameter);
    const returns = node.childForFieldName("return_type");
    const body = node.childForFieldName("body")!;
    const isAsync = containsAwait(body);
    this.scopes = [new Map()];
    this.inStatic = isStatic;
    this.reassigned = reassignedNames(body);
    const paramText = params.map((p) => this.param(p, true)).join(", ");
    let returnType = returns ? this.tsType(returns) : "";
    if (isAsync) returnType = `Promise<${returnType || "Variant"}>`;
    if (isAsync && !returns) this.variantType();
    const annotations = this.annotationsBefore(node);
    const lines: string[] = [...annotations];
    if (name === "_init") {
      const statements = this.block(body);
      const callsSuper = /^\s*super\(/m.test(statements.join("\n"));
      lines.push(`constructor(${paramText}) {`, ...(callsSuper ? [] : ["super();"]), ...statements, "}");
    } else {
      const head = `${isStatic ? "static " : this.override(name)}${isAsync ? "async " : ""}${safeName(name)}(${paramText})${returnType ? `: ${returnType}` : ""} {`;
      lines.push(head, ...this.block(body), "}");
    }
    this.scopes = [];
    this.inStatic = false;
    return lines;
  }

  /** `@rpc(...)` before a func: the package's decorator. Other annotations are marked. */
  annotationsBefore(node: SyntaxNode): string[] {
    const out: string[] = [];
    const annotations = node.children.find((c) => c.type === "annotations")?.namedChildren ?? [];
    let prev = node.previousNamedSibling;
    const standalone: SyntaxNode[] = [];
    while (prev && prev.type === "annotation") {
      standalone.unshift(prev);
      prev = prev.previousNamedSibling;
    }
    for (const a of [...standalone, ...annotations]) {
      const name = a.namedChildren[0]?.text;
      const args = a.childForFieldName("arguments");
      if (name === "rpc") {
        const rpc = this.imports.value(GODOT, "rpc");
        // `.rpc()` / `.rpc_id()` on methods are typed by godot-compat's opt-in declarations.
        this.imports.declarations(`${GODOT}/rpc-callable`);
        out.push(args ? `@${rpc}(${args.namedChildren.map((x) => this.expr(x)).join(", ")})` : `@${rpc}`);
      } else {
        const at = a.startPosition.row + 1;
        out.push(
          `needs_human_${at} = ${this.marks.mark(at, `@${name}`, "annotation with no TypeScript counterpart")};`,
        );
      }
    }
    return out;
  }

  param(p: SyntaxNode, withDefault: boolean): string {
    const id = p.type === "identifier" ? p.text : p.namedChildren.find((c) => c.type === "identifier")!.text;
    const written = p.childForFieldName("type");
    // `x := 1`: the type is the default's, which TypeScript infers the same way.
    const type = written?.type === "inferred_type" ? null : written;
    const value = p.childForFieldName("value");
    let st: StaticType = type
      ? staticTypeOf(type.text)
      : value && p.type.includes("typed")
        ? this.typeOf(value)
        : "unknown";
    if (type && /^Array\[/.test(type.text)) st = "array";
    this.scopes.at(-1)?.set(id, st);
    const ts = type
      ? this.tsType(type)
      : (p.type === "typed_default_parameter" || written) && value
        ? ""
        : this.variantType().slice(2);
    const def = withDefault && value ? ` = ${this.expr(value)}` : "";
    return `${safeName(id)}${ts ? `: ${ts}` : ""}${def}`;
  }

  // --- statements ------------------------------------------------------------------------------

  block(body: SyntaxNode): string[] {
    this.scopes.push(new Map(this.scopes.at(-1)));
    const out: string[] = [];
    let previous: SyntaxNode | null = null;
    for (const stmt of body.namedChildren) {
      if (previous && stmt.startPosition.row > previous.endPosition.row + 1) out.push("");
      if (stmt.type === "comment") {
        if (
          previous &&
          previous.type !== "comment" &&
          stmt.startPosition.row === previous.endPosition.row &&
          out.length
        )
          out[out.length - 1] += ` ${comment(stmt)}`;
        else out.push(comment(stmt));
      } else {
        const lines = this.statement(stmt);
        out.push(...expressionComments(stmt), ...this.marks.takeComments(), ...lines);
      }
      previous = stmt;
    }
    this.scopes.pop();
    return out;
  }

  statement(node: SyntaxNode): string[] {
    const line = node.startPosition.row + 1;
    switch (node.type) {
      case "pass_statement":
        return [];
      case "region_start":
        return [`//#region${node.namedChildren[0] ? ` ${node.namedChildren[0].text.trim()}` : ""}`];
      case "region_end":
        return ["//#endregion"];
      case "expression_statement": {
        const text = this.expr(node.namedChildren[0]!, true);
        const dropped = /^\/\* (.*) \*\/ undefined$/.exec(text);
        return [dropped ? `// ${dropped[1]}` : `${text};`];
      }
      case "return_statement": {
        const value = node.namedChildren[0];
        return [value ? `return ${this.expr(value)};` : "return;"];
      }
      case "break_statement":
        return ["break;"];
      case "continue_statement":
        return ["continue;"];
      case "variable_statement":
      case "const_statement": {
        const name = node.childForFieldName("name")!.text;
        const value = node.childForFieldName("value");
        const st = this.declaredType(node);
        const keyword = node.type === "const_statement" || !this.reassigned.has(name) ? "const" : "let";
        const written = this.annotation(node);
        const untyped = !node.childForFieldName("type");
        // An empty Array literal gives TypeScript no element type: it holds Variants.
        const emptyArray = !written && value?.type === "array" && value.namedChildren.length === 0;
        const type =
          (value ? written : this.nullable(written, node)) ||
          (emptyArray ? `${this.variantType()}[]` : untyped && keyword === "let" ? this.variantType() : "");
        const init = value
          ? ` = ${this.expr(value)}`
          : keyword === "const"
            ? " = null"
            : this.defaultFor(node);
        this.scopes.at(-1)!.set(name, untyped ? "unknown" : st);
        return [`${keyword} ${safeName(name)}${type}${init};`];
      }
      case "if_statement":
        return this.ifStatement(node);
      case "while_statement":
        return [
          `while (${this.condition(node.childForFieldName("condition")!)}) {`,
          ...this.block(node.childForFieldName("body")!),
          "}",
        ];
      case "for_statement":
        return this.forStatement(node);
      case "match_statement":
        return this.match(node);
      default:
        return [`${this.marks.mark(line, node.type, "a statement the tool does not translate")};`];
    }
  }

  ifStatement(node: SyntaxNode): string[] {
    // Conditions first: the comments of their marks go before the whole statement.
    const clauses = [
      {
        keyword: "if",
        condition: this.condition(node.childForFieldName("condition")!),
        body: node.childForFieldName("body")!,
      },
      ...node.childrenForFieldName("alternative").map((alt) =>
        alt.type === "elif_clause"
          ? {
              keyword: "} else if",
              condition: this.condition(alt.childForFieldName("condition")!),
              body: alt.childForFieldName("body")!,
            }
          : { keyword: "} else", condition: null, body: alt.childForFieldName("body")! },
      ),
    ];
    const out = this.marks.takeComments();
    for (const c of clauses)
      out.push(
        c.condition === null ? `${c.keyword} {` : `${c.keyword} (${c.condition}) {`,
        ...this.block(c.body),
      );
    out.push("}");
    return out;
  }

  forStatement(node: SyntaxNode): string[] {
    const variable = node.childForFieldName("left")!.text;
    const iterable = node.childForFieldName("right")!;
    const body = node.childForFieldName("body")!;
    const scope = new Map(this.scopes.at(-1));
    this.scopes.push(scope);
    let head: string;
    const rangeArgs =
      iterable.type === "call" && iterable.namedChildren[0]?.text === "range"
        ? iterable.childForFieldName("arguments")!.namedChildren
        : null;
    const simple = (n: SyntaxNode) =>
      n.type === "integer" || (n.type === "identifier" && !reassignedNames(body).has(n.text));
    const untouched = !reassignedNames(body).has(variable);
    if (rangeArgs && rangeArgs.length <= 2 && rangeArgs.every(simple) && untouched) {
      scope.set(variable, "int");
      const [from, to] =
        rangeArgs.length === 1 ? ["0", this.expr(rangeArgs[0]!)] : rangeArgs.map((a) => this.expr(a));
      head = `for (let ${variable} = ${from}; ${variable} < ${to}; ${variable}++) {`;
    } else {
      const t = this.typeOf(iterable);
      scope.set(variable, rangeArgs || t === "int" ? "int" : t === "string" ? "string" : "unknown");
      const source = t === "array" ? this.expr(iterable) : `${this.gd("iter")}(${this.expr(iterable)})`;
      head = `for (const ${variable} of ${source}) {`;
    }
    const lines = [...this.marks.takeComments(), head, ...this.block(body), "}"];
    this.scopes.pop();
    return lines;
  }

  /** match → an if/else chain on a value read once; patterns with bindings, arrays or dictionaries are marked. */
  match(node: SyntaxNode): string[] {
    const valueNode = node.childForFieldName("value")!;
    const line = node.startPosition.row + 1;
    const sections = node
      .childForFieldName("body")!
      .namedChildren.filter((s) => s.type === "pattern_section");
    const pre: string[] = [];
    let subject = this.expr(valueNode);
    if (!/^[\w.]+$/.test(subject)) {
      const temp = `match_${line}`;
      pre.push(`const ${temp} = ${subject};`);
      subject = temp;
    }
    // Patterns first: the comments of their marks go before the whole statement.
    const arms = sections.map((section) => {
      const patterns = section.namedChildren.filter(
        (c) => !same(c, section.childForFieldName("body")) && c.type !== "comment",
      );
      const tests: string[] = [];
      const bindings: string[] = [];
      let wildcard = false;
      for (const p of patterns) {
        if (p.type === "identifier" && p.text === "_") wildcard = true;
        else if (p.type === "pattern_binding" && patterns.length === 1) {
          // `var x:` matches anything and names it.
          wildcard = true;
          bindings.push(p.namedChildren[0]!.text);
        } else if (
          [
            "integer",
            "float",
            "string",
            "true",
            "false",
            "null",
            "identifier",
            "attribute",
            "unary_operator",
          ].includes(p.type)
        )
          tests.push(`${subject} === ${this.expr(p)}`);
        else
          tests.push(
            this.marks.mark(
              p.startPosition.row + 1,
              `match pattern ${p.text}`,
              "bindings inside, array and dictionary patterns are not translated",
            ),
          );
      }
      return { section, condition: wildcard ? null : tests.join(" || "), bindings };
    });
    const out: string[] = [...this.marks.takeComments(), ...pre];
    let first = true;
    for (const arm of arms) {
      this.scopes.push(new Map(this.scopes.at(-1)));
      for (const b of arm.bindings) this.scopes.at(-1)!.set(b, "unknown");
      const body = [
        ...arm.bindings.map((b) => `const ${safeName(b)} = ${subject};`),
        ...this.block(arm.section.childForFieldName("body")!),
      ];
      this.scopes.pop();
      if (arm.condition === null) {
        out.push(...(first ? ["{"] : ["} else {"]), ...body);
        first = false;
        break;
      }
      out.push(`${first ? "" : "} else "}if (${arm.condition}) {`, ...body);
      first = false;
    }
    if (!first) out.push("}");
    return out;
  }

  // --- expressions -----------------------------------------------------------------------------

  condition(node: SyntaxNode): string {
    const text = this.expr(node);
    return this.typeOf(node) === "bool" ||
      this.typeOf(node) === "int" ||
      this.typeOf(node) === "float" ||
      this.typeOf(node) === "string"
      ? text
      : `${this.gd("truthy")}(${text})`;
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
        if (callee === "str") return "string";
        if (callee === "float") return "float";
        if (callee === "range") return "array";
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

  expr(node: SyntaxNode, statement = false): string {
    const line = node.startPosition.row + 1;
    switch (node.type) {
      case "integer":
      case "float":
        return node.text.replace(/_/g, "");
      case "true":
      case "false":
        return node.text;
      case "null":
        return "null";
      case "string":
      case "string_name":
      case "node_path":
        return JSON.stringify(stringValue(node.text));
      case "identifier":
        return this.identifier(node);
      case "parenthesized_expression":
        return `(${this.expr(node.namedChildren[0]!)})`;
      case "array":
        return `[${node.namedChildren
          .filter((c) => c.type !== "comment")
          .map((c) => this.expr(c))
          .join(", ")}]`;
      case "dictionary": {
        const pairs = node.namedChildren
          .filter((c) => c.type === "pair")
          .map((p) => {
            const k = p.childForFieldName("left")!;
            const v = p.childForFieldName("value")!;
            const key =
              p.children.some((c) => c.text === "=") && k.type === "identifier"
                ? JSON.stringify(k.text)
                : this.expr(k);
            return `[${key}, ${this.expr(v)}]`;
          });
        return pairs.length ? `${this.gd("dict")}([${pairs.join(", ")}])` : `${this.gd("dict")}()`;
      }
      case "get_node": {
        const path = node.text.replace(/^\$/, "").replace(/^"(.*)"$/, "$1");
        return this.selfCall(`${this.gd("get_node")}(this, ${JSON.stringify(path)})`, node);
      }
      case "unary_operator":
        return this.unary(node);
      case "binary_operator":
        return this.binary(node);
      case "conditional_expression": {
        const cond = this.condition(node.childForFieldName("condition")!);
        return `${cond} ? ${this.expr(node.childForFieldName("left")!)} : ${this.expr(node.childForFieldName("right")!)}`;
      }
      case "assignment":
      case "augmented_assignment":
        return this.assignment(node, statement);
      case "call":
        return this.call(node);
      case "attribute":
        return this.attribute(node);
      case "subscript": {
        const [target, args] = [node.namedChildren[0]!, node.childForFieldName("arguments")!];
        return `${this.gd("index")}(${this.expr(target)}, ${this.expr(args.namedChildren[0]!)})`;
      }
      case "await_expression":
        return this.awaitExpr(node);
      case "lambda":
        return this.lambda(node);
      default:
        return this.marks.mark(line, `expression ${node.type}`, "an expression the tool does not translate");
    }
  }

  selfCall(text: string, at: SyntaxNode): string {
    if (this.inStatic)
      return this.marks.mark(at.startPosition.row + 1, at.text, "uses the node in a static function");
    return text;
  }

  identifier(node: SyntaxNode): string {
    const name = node.text;
    if (name === "self") return this.selfCall("this", node);
    if (this.lookup(name) !== undefined) return safeName(name);
    if (name === this.backing) return `this.#${name}`;
    const member = this.cls?.members.get(name);
    if (member) return member.isStatic ? `${this.cls.name}.${name}` : this.selfCall(`this.${name}`, node);
    if (this.moduleNames.has(name)) return name;
    if (name === "PI") return "Math.PI";
    if (name === "INF") return "Infinity";
    if (name === "NAN") return "NaN";
    if (name === "TAU") return "2 * Math.PI";
    if (GODOT_EXPORTS.has(name)) return this.imports.value(GODOT, name);
    if (/^[A-Z]/.test(name)) {
      if (!this.engineNames.has(name)) this.engineNames.set(name, "value");
      return this.imports.value(this.options.engineModule, name);
    }
    // An inherited property (multiplayer, name, position …).
    return this.selfCall(`this.${name}`, node);
  }

  unary(node: SyntaxNode): string {
    const op = node.children[0]!.text;
    const operand = node.namedChildren[0]!;
    if (op === "not" || op === "!") {
      const t = this.typeOf(operand);
      return t === "bool" ? `!${this.wrap(operand)}` : `!${this.gd("truthy")}(${this.expr(operand)})`;
    }
    if (op === "~") return `${this.gd("bnot")}(${this.expr(operand)})`;
    return `${op}${this.wrap(operand)}`;
  }

  /** An operand, parenthesized when it is itself an operation (and, as the base of `.x`, a number). */
  wrap(node: SyntaxNode, primary = false): string {
    const text = this.expr(node);
    const operations = [
      "binary_operator",
      "conditional_expression",
      "unary_operator",
      "await_expression",
      "lambda",
    ];
    const wrapped =
      operations.includes(node.type) || (primary && (node.type === "integer" || node.type === "float"));
    return wrapped ? `(${text})` : text;
  }

  /**
   * A binary operation. `tail` is what tree-sitter-gdscript hung on the whole operation but belongs to
   * its right operand: it parses `a + b.c.d()` as `(a + b.c).d()`, where GDScript means `a + (b.c.d())`.
   */
  binary(node: SyntaxNode, tail: SyntaxNode[] = []): string {
    const op = operator(node);
    const left = node.childForFieldName("left")!;
    const right = node.childForFieldName("right")!;
    const line = node.startPosition.row + 1;
    const lt = this.typeOf(left);
    const rt = tail.length ? "unknown" : this.typeOf(right);
    const rightText = () => {
      if (!tail.length) return this.expr(right);
      if (right.type === "binary_operator") return this.binary(right, tail);
      return this.attributeParts([right, ...tail], node);
    };
    // tree-sitter-gdscript groups these differently from Godot: mark rather than compute the other value.
    if (
      op === "**" &&
      (left.type === "unary_operator" ||
        (left.type === "binary_operator" && ["*", "/", "%"].includes(operator(left))))
    )
      return this.marks.mark(
        line,
        `${node.text}`,
        "the parser groups ** differently from Godot; add parentheses in the source",
      );
    if (
      ["in", "not in", "==", "!=", "<", ">", "<=", ">="].includes(op) &&
      left.type === "unary_operator" &&
      ["not", "!"].includes(left.children[0]!.text)
    )
      return this.marks.mark(
        line,
        node.text,
        "the parser groups `not` differently from Godot; add parentheses in the source",
      );
    const l = () => this.wrap(left);
    const r = () =>
      tail.length ? (right.type === "binary_operator" ? `(${rightText()})` : rightText()) : this.wrap(right);
    switch (op) {
      case "==":
        return `${l()} === ${r()}`;
      case "!=":
        return `${l()} !== ${r()}`;
      case "<":
      case ">":
      case "<=":
      case ">=":
      case "+":
      case "-":
      case "*":
        return `${l()} ${op} ${r()}`;
      case "**":
        return `${l()} ** ${r()}`;
      case "/":
        if (lt === "int" && rt === "int") return `${this.gd("idiv")}(${this.expr(left)}, ${rightText()})`;
        if ((isNumber(lt) && isNumber(rt)) || lt === "float" || rt === "float") return `${l()} / ${r()}`;
        return this.marks.mark(
          line,
          node.text,
          "division whose operands' types (int or float) the tool cannot see; type them",
        );
      case "%":
        if (lt === "string") {
          const args = right.type === "array" ? rightText() : rightText();
          return `${this.gd("format")}(${this.expr(left)}, ${args})`;
        }
        if (isNumber(lt) && isNumber(rt)) return `${l()} % ${r()}`;
        return `${this.gd("mod")}(${this.expr(left)}, ${rightText()})`;
      case "<<":
      case ">>":
      case "&":
      case "|":
      case "^": {
        const a = this.constInt(left);
        const b = tail.length ? null : this.constInt(right);
        if (a !== null && b !== null) {
          const v = BigInt.asIntN(64, bigOp(op, BigInt(a), BigInt(b)));
          if (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)) return String(v);
          return this.marks.mark(line, node.text, "a 64-bit integer beyond JavaScript's exact range");
        }
        const fn = { "<<": "shl", ">>": "shr", "&": "band", "|": "bor", "^": "bxor" }[op]!;
        return `${this.gd(fn)}(${this.expr(left)}, ${rightText()})`;
      }
      case "and":
      case "&&":
      case "or":
      case "||": {
        const js = op === "and" || op === "&&" ? "&&" : "||";
        const side = (n: SyntaxNode, t: StaticType) =>
          t === "bool" ? this.wrap(n) : `${this.gd("truthy")}(${this.expr(n)})`;
        const rightSide = rt === "bool" ? r() : `${this.gd("truthy")}(${rightText()})`;
        return `${side(left, lt)} ${js} ${rightSide}`;
      }
      case "in":
        return `${this.gd("has")}(${rightText()}, ${this.expr(left)})`;
      case "not in":
        return `!${this.gd("has")}(${rightText()}, ${this.expr(left)})`;
      case "is":
      case "is not":
      case "as":
        if (tail.length)
          return this.marks.mark(
            line,
            node.parent?.text ?? node.text,
            "the parser hung a call on a type test; add parentheses in the source",
          );
        return this.typeTest(op, left, right, line, node);
      default:
        return this.marks.mark(line, node.text, `operator ${op}`);
    }
  }

  typeTest(op: string, left: SyntaxNode, right: SyntaxNode, line: number, node: SyntaxNode): string {
    const l = () => this.wrap(left);
    switch (op) {
      case "is":
      case "is not": {
        const typeName = right.text;
        const neg = op === "is not";
        const id = BUILTIN_TYPE_IDS[typeName];
        if (typeName === "int" || typeName === "float")
          return this.marks.mark(
            line,
            node.text,
            "JavaScript has one number type; an int and a whole float look the same",
          );
        const test = id
          ? `${this.gd("is")}(${this.expr(left)}, ${this.imports.value(GODOT, id)})`
          : `${l()} instanceof ${this.classRef(typeName, right)}`;
        return neg ? `!(${test})` : test;
      }
      case "as": {
        const typeName = right.text;
        if (typeName === "Dictionary" || typeName === "Array")
          return `${this.gd("as_type")}(${this.expr(left)}, ${this.imports.value(GODOT, BUILTIN_TYPE_IDS[typeName]!)})`;
        if (BUILTIN_TYPE_IDS[typeName] || typeName === "int" || typeName === "float")
          return this.marks.mark(
            line,
            node.text,
            "`as` to a built-in type converts the value; use int(), str() … explicitly",
          );
        return `${this.gd("as_")}(${this.expr(left)}, ${this.classRef(typeName, right)})`;
      }
      default:
        return this.marks.mark(line, node.text, `operator ${op}`);
    }
  }

  constInt(node: SyntaxNode): number | null {
    if (node.type === "integer") return Number(node.text.replace(/_/g, ""));
    if (node.type === "unary_operator" && node.children[0]!.text === "-") {
      const v = this.constInt(node.namedChildren[0]!);
      return v === null ? null : -v;
    }
    if (node.type === "parenthesized_expression") return this.constInt(node.namedChildren[0]!);
    return null;
  }

  assignment(node: SyntaxNode, statement: boolean): string {
    const left = node.childForFieldName("left")!;
    const right = node.childForFieldName("right")!;
    const line = node.startPosition.row + 1;
    const op =
      node.type === "assignment" ? "=" : node.children.find((c) => !c.isNamed && c.text.endsWith("="))!.text;
    if (!statement) return this.marks.mark(line, node.text, "assignment inside an expression");
    // The value of a compound assignment when it is not `target op= right` in JavaScript too, else null.
    const value = (target: SyntaxNode) => {
      if (op === "=") return null;
      const base = op.slice(0, -1);
      const lt = this.typeOf(target);
      const rt = this.typeOf(right);
      if (base === "/" && !(lt === "int" && rt === "int") && !(lt === "float" || rt === "float"))
        return this.marks.mark(
          line,
          node.text,
          "division whose operands' types (int or float) the tool cannot see; type them",
        );
      if (base === "/" && lt === "int" && rt === "int")
        return `${this.gd("idiv")}(${this.expr(target)}, ${this.expr(right)})`;
      if (base === "%" && !(isNumber(lt) && isNumber(rt)))
        return `${this.gd("mod")}(${this.expr(target)}, ${this.expr(right)})`;
      return null;
    };
    if (left.type === "subscript") {
      const target = this.expr(left.namedChildren[0]!);
      const key = this.expr(left.childForFieldName("arguments")!.namedChildren[0]!);
      const current = `${this.gd("index")}(${target}, ${key})`;
      const v =
        op === "=" ? this.expr(right) : (value(left) ?? `${current} ${op.slice(0, -1)} ${this.wrap(right)}`);
      return `${this.gd("set_index")}(${target}, ${key}, ${v})`;
    }
    const last = left.type === "attribute" ? left.namedChildren.at(-1)! : null;
    if (last?.type === "attribute_subscript") {
      const owner = this.attributeParts(left.namedChildren.slice(0, -1), left);
      const name = last.namedChildren[0]!.text;
      const key = this.expr(last.childForFieldName("arguments")!.namedChildren[0]!);
      const target = `${owner}.${name}`;
      const current = `${this.gd("index")}(${target}, ${key})`;
      const v =
        op === "=" ? this.expr(right) : (value(left) ?? `${current} ${op.slice(0, -1)} ${this.wrap(right)}`);
      return `${this.gd("set_index")}(${target}, ${key}, ${v})`;
    }
    const target = this.expr(left);
    const special = value(left);
    if (special !== null && op !== "=") return `${target} = ${special}`;
    if (op === "**=") return `${target} **= ${this.expr(right)}`;
    if (["<<=", ">>=", "&=", "|=", "^="].includes(op)) {
      const fn = { "<<=": "shl", ">>=": "shr", "&=": "band", "|=": "bor", "^=": "bxor" }[op]!;
      return `${target} = ${this.gd(fn)}(${target}, ${this.expr(right)})`;
    }
    return `${target} ${op} ${this.expr(right)}`;
  }

  call(node: SyntaxNode): string {
    const callee = node.namedChildren[0]!;
    const args = node.childForFieldName("arguments")!.namedChildren.filter((c) => c.type !== "comment");
    const a = () => args.map((x) => this.expr(x)).join(", ");
    const name = callee.text;
    const line = node.startPosition.row + 1;
    if (callee.type !== "identifier") return `${this.expr(callee)}(${a()})`;
    if (this.lookup(name) !== undefined) return `${safeName(name)}(${a()})`; // a lambda in a local
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
      } else if (part.type === "attribute_subscript") {
        const name = part.namedChildren[0]!.text;
        const key = this.expr(part.childForFieldName("arguments")!.namedChildren[0]!);
        text = `${this.gd("index")}(${text}.${name}, ${key})`;
        receiverType = "unknown";
      } else return this.marks.mark(node.startPosition.row + 1, node.text, `attribute part ${part.type}`);
    }
    return text;
  }

  awaitExpr(node: SyntaxNode): string {
    const inner = node.namedChildren[0]!;
    if (inner.type === "call") {
      const member = this.cls.members.get(inner.namedChildren[0]!.text);
      if (member?.isAsync) return `await ${this.expr(inner)}`;
    }
    if (inner.type === "attribute" && inner.namedChildren[0]?.text === "self") {
      const last = inner.namedChildren.at(-1)!;
      if (
        last.type === "attribute_call" &&
        this.cls.members.get(last.namedChildren[0]!.text)?.isAsync &&
        inner.namedChildren.length === 2
      )
        return `await ${this.expr(inner)}`;
    }
    return `await ${this.gd("wait")}(${this.expr(inner)})`;
  }

  lambda(node: SyntaxNode): string {
    const params = (node.childForFieldName("parameters")?.namedChildren ?? []).filter(isParameter);
    const body = node.childForFieldName("body")!;
    const saved = this.reassigned;
    this.scopes.push(new Map(this.scopes.at(-1)));
    this.reassigned = reassignedNames(body);
    const p = params.map((x) => this.param(x, true)).join(", ");
    const lines = this.block(body);
    this.scopes.pop();
    this.reassigned = saved;
    const isAsync = containsAwait(body) ? "async " : "";
    return `${isAsync}(${p}) => {\n${lines.join("\n")}\n}`;
  }
}

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

/** A function's parameter (not a comment or a line continuation between them). */
function isParameter(node: SyntaxNode): boolean {
  return ["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"].includes(
    node.type,
  );
}

/** Whether two nodes are the same place: node-tree-sitter may hand out a new object for a node it gave before. */
function same(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

function operator(node: SyntaxNode): string {
  return node.children
    .filter((c) => !c.isNamed && !same(node.childForFieldName("left"), c))
    .map((c) => c.text)
    .join(" ");
}

function bigOp(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
    case "&":
      return a & b;
    case "|":
      return a | b;
    default:
      return a ^ b;
  }
}

function comment(node: SyntaxNode): string {
  return `//${node.text.replace(/^#+/, (m) => (m.length > 1 ? "/" : ""))}`;
}

/** Comments inside a statement's expressions (an Array's or Dictionary's lines), which go above it; a body's own are its block's. */
function expressionComments(node: SyntaxNode): string[] {
  const out: string[] = [];
  const walk = (n: SyntaxNode) => {
    for (const child of n.namedChildren) {
      if (child.type === "body" || child.type === "class_body" || child.type === "lambda") continue;
      if (child.type === "comment") out.push(comment(child));
      else walk(child);
    }
  };
  walk(node);
  return out;
}

function lastTarget(node: SyntaxNode): string | undefined {
  return (node as SyntaxNode & { where?: string }).where;
}

/** The value of a GDScript string literal ("…", '…', """…""", r"…", &"…", ^"…"). */
export function stringValue(text: string): string {
  let t = text.replace(/^[&^]/, "");
  const raw = t.startsWith("r");
  if (raw) t = t.slice(1);
  const quote = t.startsWith('"""') || t.startsWith("'''") ? 3 : 1;
  const body = t.slice(quote, -quote);
  if (raw) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{6}|.)/gs, (_m, e: string) => {
    if (e[0] === "u" || e[0] === "U") return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
    return { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", "0": "\0" }[e] ?? e;
  });
}

function containsAwait(node: SyntaxNode): boolean {
  if (node.type === "await_expression") return true;
  if (node.type === "lambda") return false;
  return node.namedChildren.some(containsAwait);
}

/** Names a body assigns to after declaring them (they need `let`). */
function reassignedNames(body: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const walk = (n: SyntaxNode) => {
    if (
      (n.type === "assignment" || n.type === "augmented_assignment") &&
      n.childForFieldName("left")?.type === "identifier"
    )
      names.add(n.childForFieldName("left")!.text);
    if (n.type === "variable_statement" && !n.childForFieldName("value"))
      names.add(n.childForFieldName("name")!.text);
    for (const c of n.namedChildren) walk(c);
  };
  walk(body);
  return names;
}
