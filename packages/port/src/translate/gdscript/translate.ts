// GDScript (Godot 4) to TypeScript over tree-sitter-gdscript's syntax tree. One script becomes one
// module: its class (named by class_name, else the file), also the default export; consts, enums
// and inner classes beside it. Names, comments and blank lines are kept; what has no exact
// translation becomes a marked place (see ../output.ts). This file holds the script, its classes,
// members and functions; the layers under it: statements.ts, expressions.ts, calls.ts, operators.ts,
// scope.ts (names and types), syntax.ts.
import type Parser from "tree-sitter";
import { pascalCase, safeName } from "../output.js";
import { type ClassInfo, type GdscriptOptions, GODOT, GODOT_EXPORTS, type Translation } from "./scope.js";
import { GdscriptStatements } from "./statements.js";
import {
  comment,
  containsAwait,
  expressionComments,
  isParameter,
  lastTarget,
  preloadedScript,
  reassignedNames,
  type SyntaxNode,
  same,
} from "./syntax.js";
import { staticTypeOf } from "./types.js";

export function translateGdscript(tree: Parser.Tree, options: GdscriptOptions): Translation {
  return new GdscriptTranslator(options).run(tree.rootNode);
}

/** The script and its classes, members and functions; statements and expressions come from the layers below. */
class GdscriptTranslator extends GdscriptStatements {
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
    } else if (base === name) {
      // link_button.gd with `extends LinkButton` and no class_name: the class takes the file's name,
      // which is its base's, so the base is imported under another name.
      const from = GODOT_EXPORTS.has(base) ? GODOT : this.options.engineModule;
      if (from !== GODOT) this.engineNames.set(base, "class");
      base = this.imports.alias(from, base, `${base}Base`);
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
        this.moduleNames.set(
          name,
          preloadedScript(node.childForFieldName("value")) ? { class: name } : this.declaredType(node),
        );
        break;
      case "enum_definition":
        this.moduleNames.set(name, { class: name });
        break;
    }
    if (node.type === "enum_definition" && !node.childForFieldName("name"))
      for (const e of node.childForFieldName("body")!.namedChildren.filter((c) => c.type === "enumerator"))
        this.moduleNames.set(e.childForFieldName("left")!.text, "int");
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
        const script = preloadedScript(node.childForFieldName("value"));
        if (script !== undefined) {
          // `const Chat = preload("res://chat.gd")`: the class that script's translation exports.
          this.imports.default(`./${script}.js`, name);
          return { where: "module", lines: [] };
        }
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
      (value.type === "null" ? this.nullable(type, node) : type) ||
      (node.childForFieldName("type")?.type === "inferred_type" ? "" : this.variantType());
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
}
