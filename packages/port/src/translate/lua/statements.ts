// Lua statements: blocks with their comments and blank lines, locals, `require`, assignments,
// if, while, repeat, numeric and generic for, goto (marked), and the rest.
import type * as L from "luaparse";
import { RUNTIME, safeName } from "../output.js";
import { LuaExpressions } from "./expressions.js";
import { CORONA } from "./names.js";
import { assignsName, type Expr, luaComment, requireName, type Stmt, usesNames } from "./syntax.js";

export abstract class LuaStatements extends LuaExpressions {
  /** Written by translate.ts, the layer above. */
  abstract functionDeclaration(f: L.FunctionDeclaration, top: boolean): string[];
  abstract returnStatement(s: L.ReturnStatement, top: boolean): string[];

  // --- comments and blocks ---------------------------------------------------------------------------

  /** Comments that start before `offset`, as TypeScript comments. */
  commentsBefore(offset: number): string[] {
    const out: string[] = [];
    while (this.comments.length && this.comments[0]!.range![0] < offset) {
      const c = this.comments.shift()!;
      out.push(...luaComment(c));
    }
    return out;
  }

  /** A comment that starts on the line where `node` ends, put at the end of its last output line. */
  trailingComment(node: L.Node): string {
    const c = this.comments[0];
    if (c && c.loc!.start.line === node.loc!.end.line && !c.raw.startsWith("--[")) {
      this.comments.shift();
      return ` //${c.value}`;
    }
    return "";
  }

  block(statements: Stmt[], top = false): string[] {
    const out: string[] = [];
    let previousEnd: number | null = null;
    const saved = this.following;
    const declared = new Set<string>();
    for (const [index, stmt] of statements.entries()) {
      this.following = statements.slice(index + 1);
      // Comments above the statement, and the blank lines around them, as in the source.
      let last = previousEnd;
      while (this.comments.length && this.comments[0]!.range![0] < stmt.range![0]) {
        const c = this.comments.shift()!;
        if (last !== null && c.loc!.start.line > last + 1) out.push("");
        out.push(...luaComment(c));
        last = c.loc!.end.line;
      }
      if (last !== null && stmt.loc!.start.line > last + 1) out.push("");
      const again =
        stmt.type === "LocalStatement" ? stmt.variables.find((v) => declared.has(v.name)) : undefined;
      if (stmt.type === "LocalStatement") for (const v of stmt.variables) declared.add(v.name);
      const lines = again
        ? [
            `${this.marks.mark(stmt.loc!.start.line, `local ${again.name} declared again in the same block`, "TypeScript cannot redeclare it; rename one")};`,
          ]
        : this.statement(stmt, top);
      // Comments inside an expression (a table constructor's lines) go above their statement.
      const inner = this.commentsBefore(stmt.range![1]);
      out.push(...inner, ...this.marks.takeComments(), ...lines);
      const trailing = this.trailingComment(stmt);
      if (trailing && out.length) out[out.length - 1] += trailing;
      previousEnd = stmt.loc!.end.line;
    }
    this.following = saved;
    return out;
  }

  // --- statements ------------------------------------------------------------------------------------

  statement(s: Stmt, top: boolean): string[] {
    const line = s.loc!.start.line;
    switch (s.type) {
      case "LocalStatement":
        return this.local(s);
      case "AssignmentStatement":
        return this.assign(s);
      case "CallStatement":
        return [`${this.call(s.expression as L.CallExpression, "statement")};`];
      case "FunctionDeclaration":
        return this.functionDeclaration(s, top);
      case "ReturnStatement":
        return this.returnStatement(s, top);
      case "IfStatement": {
        const out: string[] = [];
        s.clauses.forEach((c, i) => {
          if (c.type === "ElseClause") out.push("} else {");
          else out.push(`${i === 0 ? "" : "} else "}if (${this.condition(c.condition)}) {`);
          out.push(...this.block(c.body));
        });
        out.push("}");
        return out;
      }
      case "WhileStatement":
        return [`while (${this.condition(s.condition)}) {`, ...this.block(s.body), "}"];
      case "RepeatStatement": {
        const declared = new Set(
          s.body.flatMap((b) => (b.type === "LocalStatement" ? b.variables.map((v) => v.name) : [])),
        );
        if (usesNames(s.condition, declared))
          return [
            `${this.marks.mark(line, "repeat … until on a local of its body", "JavaScript's do … while cannot see the body's locals")};`,
          ];
        return ["do {", ...this.block(s.body), `} while (!(${this.condition(s.condition)}));`];
      }
      case "DoStatement":
        return ["{", ...this.block(s.body), "}"];
      case "BreakStatement":
        return ["break;"];
      case "ForNumericStatement":
        return this.forNumeric(s);
      case "ForGenericStatement":
        return this.forGeneric(s);
      case "GotoStatement":
      case "LabelStatement":
        return [
          `${this.marks.mark(line, s.type === "GotoStatement" ? `goto ${s.label.name}` : `::${s.label.name}::`, "JavaScript has no goto")};`,
        ];
      default:
        return [`${this.marks.mark(line, (s as L.Node).type, "a statement the tool does not translate")};`];
    }
  }

  local(s: L.LocalStatement): string[] {
    const line = s.loc!.start.line;
    // local x = require("…") → an import
    if (s.variables.length === 1 && s.init.length === 1) {
      const init = s.init[0]!;
      const req = requireName(init);
      if (req !== null) return this.require(s.variables[0]!.name, req, line);
    }
    const type = this.luaValueType();
    const keyword = s.variables.some((v) => this.following.some((f) => assignsName([f], v.name)))
      ? "let"
      : "const";
    if (s.init.length === 0)
      return [`let ${s.variables.map((v) => `${safeName(v.name)}${type}`).join(", ")};`];
    if (s.variables.length === 1 && s.init.length === 1)
      return [`${keyword} ${safeName(s.variables[0]!.name)}${type} = ${this.expr(s.init[0]!)};`];
    const declared = new Set(s.variables.map((v) => v.name));
    const last = s.init.at(-1)!;
    if (
      s.init.length === s.variables.length &&
      !this.mayBeMulti(last) &&
      !s.init.some((e) => usesNames(e, declared))
    )
      return s.variables.map((v, i) => `${keyword} ${safeName(v.name)}${type} = ${this.expr(s.init[i]!)};`);
    const names = s.variables.map((v) => safeName(v.name)).join(", ");
    return [
      `${keyword} [${names}]${type.replace(/^: (.*)$/, ": $1[]")} = ${this.valuesOf(s.init, s.variables.length)};`,
    ];
  }

  luaValueType(): string {
    this.imports.type(RUNTIME, "LuaValue");
    return ": LuaValue";
  }

  require(local: string, module: string, line: number): string[] {
    this.importedNames.add(local);
    this.engineObjects.add(local);
    if (module === "plugin.websockets") {
      this.imports.default(CORONA, local);
      return [];
    }
    if (/^[\w.]+$/.test(module) && !module.includes(".")) {
      // A Solar2D or engine library (json, socket, widget …): from the engine module.
      this.engineNames.set(module, "value");
      if (local === module) this.imports.value(this.options.engineModule, module);
      else return [`const ${local} = ${this.imports.value(this.options.engineModule, module)};`];
      return [];
    }
    if (/^[\w.]+$/.test(module)) {
      this.imports.default(`./${module.replace(/\./g, "/")}.js`, local);
      return [];
    }
    return [
      `const ${local} = ${this.marks.mark(line, `require(${JSON.stringify(module)})`, "not a module path the tool can import")};`,
    ];
  }

  assign(s: L.AssignmentStatement): string[] {
    if (s.variables.length === 1 && s.init.length === 1) {
      const target = s.variables[0]!;
      const value = s.init[0]!;
      if (target.type === "MemberExpression" && value.type === "FunctionDeclaration")
        return [`${this.expr(target)} = ${this.rt("fn")}(${this.functionExpr(value, null)});`];
      return [`${this.target(target)} = ${this.expr(value)};`];
    }
    const targets = s.variables.map((v) => this.target(v)).join(", ");
    return [`[${targets}] = ${this.valuesOf(s.init, s.variables.length)};`];
  }

  target(e: Expr): string {
    if (e.type === "Identifier") return safeName(e.name);
    return this.expr(e);
  }

  forNumeric(s: L.ForNumericStatement): string[] {
    const v = safeName(s.variable.name);
    const assigned = assignsName(s.body, s.variable.name);
    const fixed = (e: Expr | null) =>
      e === null ||
      e.type === "NumericLiteral" ||
      (e.type === "UnaryExpression" && e.operator === "-" && e.argument.type === "NumericLiteral") ||
      (e.type === "Identifier" && !this.reassigned.has(e.name));
    const stepText = s.step ? this.expr(s.step) : "1";
    const negative = s.step && s.step.type === "UnaryExpression" && s.step.operator === "-";
    if (
      !assigned &&
      fixed(s.start) &&
      fixed(s.end) &&
      (s.step === null || s.step.type === "NumericLiteral" || negative)
    ) {
      const update = stepText === "1" ? `${v}++` : stepText === "-1" ? `${v}--` : `${v} += ${stepText}`;
      return [
        `for (let ${v} = ${this.expr(s.start)}; ${v} ${negative ? ">=" : "<="} ${this.expr(s.end)}; ${update}) {`,
        ...this.block(s.body),
        "}",
      ];
    }
    const args = [this.expr(s.start), this.expr(s.end), ...(s.step ? [stepText] : [])];
    return [`for (const ${v} of ${this.rt("range")}(${args.join(", ")})) {`, ...this.block(s.body), "}"];
  }

  forGeneric(s: L.ForGenericStatement): string[] {
    const names = s.variables.map((v) => safeName(v.name));
    const it = s.iterators;
    if (it.length === 1 && it[0]!.type === "CallExpression" && it[0]!.base.type === "Identifier") {
      const fn = it[0]!.base.name;
      if ((fn === "pairs" || fn === "ipairs") && !this.globals.has(fn) && it[0]!.arguments.length === 1) {
        const pattern = names.length === 1 ? `[${names[0]}]` : `[${names.slice(0, 2).join(", ")}]`;
        if (names.length > 2)
          return [
            `${this.marks.mark(s.loc!.start.line, `for with ${names.length} names over ${fn}`, "pairs and ipairs give two values")};`,
          ];
        return [
          `for (const ${pattern} of ${this.rt(fn)}(${this.expr(it[0]!.arguments[0]!)})) {`,
          ...this.block(s.body),
          "}",
        ];
      }
    }
    return [
      `for (const [${names.join(", ")}] of ${this.rt("iterate")}(${this.list(it).join(", ")})) {`,
      ...this.block(s.body),
      "}",
    ];
  }
}
