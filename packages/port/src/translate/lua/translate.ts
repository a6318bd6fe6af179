// Engine Lua (Defold, Solar2D, Aseprite) to TypeScript over luaparse's syntax tree. Lua's meaning
// is kept through the runtime (`lua.*`, @wsport/port-runtime) wherever JavaScript's differs:
// truthiness, `..`, `#`, `%`, `+` on strings, multiple results, method calls, tables at 1 … n.
// Names, comments and blank lines are kept; what has no exact translation is a marked place.
// This file holds the chunk, its functions and returns; the layers under it: statements.ts,
// expressions.ts, calls.ts, operators.ts, scope.ts (the first pass), names.ts, syntax.ts.
import "./luaparse-fields.js";

import type * as L from "luaparse";
import { RUNTIME, safeName } from "../output.js";
import { DEFOLD_CALLBACKS } from "./names.js";
import type { LuaOptions } from "./scope.js";
import { LuaStatements } from "./statements.js";

export function translateLua(chunk: L.Chunk, source: string, options: LuaOptions) {
  return new LuaTranslator(chunk, source, options).run();
}

/** The chunk, and its functions and returns; statements and expressions come from the layers below. */
class LuaTranslator extends LuaStatements {
  run() {
    this.analyse();
    const body = this.block(this.chunk.body, true);
    body.push(...this.commentsBefore(Number.POSITIVE_INFINITY));
    const globals = [...this.globals].filter((g) => !this.functions.has(g) && !this.importedNames.has(g));
    const declarations = globals.length
      ? [`let ${globals.map((g) => `${g}: LuaValue`).join(", ")};`, ""]
      : [];
    if (globals.length) this.imports.type(RUNTIME, "LuaValue");
    const tail = this.exports.length ? ["", ...this.exports] : [];
    const code = [this.imports.render(), "", ...declarations, ...body, ...tail, ""].join("\n");
    return { code, marks: this.marks, engineNames: this.engineNames };
  }

  functionDeclaration(f: L.FunctionDeclaration, top: boolean): string[] {
    const id = f.identifier;
    if (id === null) return [`${this.functionExpr(f, null)};`];
    if (id.type === "Identifier") {
      const exported =
        top &&
        !f.isLocal &&
        DEFOLD_CALLBACKS.has(id.name) &&
        [".script", ".gui_script", ".render_script"].includes(this.options.extension);
      return [`${exported ? "export " : ""}${this.functionExpr(f, id.name)}`];
    }
    // function M.f(…) / function M:f(…): a function stored in a table (self first for `:`).
    const member = id as L.MemberExpression;
    const name = member.identifier.name;
    const target = `${this.primary(member.base)}.${name}`;
    if (top && member.base.type === "Identifier")
      this.memberFunctions.push({ table: member.base.name, name });
    return [
      `${target} = ${this.rt("fn")}(${this.functionExpr(f, name, (id as L.MemberExpression).indexer === ":")});`,
    ];
  }

  functionExpr(f: L.FunctionDeclaration, name: string | null, method = false): string {
    const saved = this.vararg;
    const savedGenerator = this.inGenerator;
    const params = f.parameters.map((p) =>
      p.type === "VarargLiteral" ? "...args: LuaValue[]" : `${safeName(p.name)}: LuaValue`,
    );
    if (method) params.unshift("self: LuaValue");
    this.imports.type(RUNTIME, "LuaValue");
    this.vararg = f.parameters.some((p) => p.type === "VarargLiteral") ? "args" : null;
    this.inGenerator = this.generators.has(f);
    const body = this.block(f.body);
    body.push(...this.commentsBefore(f.range![1]));
    this.vararg = saved;
    this.inGenerator = savedGenerator;
    if (this.generators.has(f)) {
      // Said in the output: the function changed kind.
      const note =
        "// wsport-port: a coroutine's code: a generator function (coroutine.yield is `yield`, calls to it `yield*`)";
      return `${note}\nfunction*${name ? ` ${safeName(name)}` : ""}(${params.join(", ")}): Generator<LuaValue, LuaValue, LuaValue> {\n${body.join("\n")}\n}`;
    }
    // An anonymous function never uses `this`: an arrow function is the same.
    if (!name) return `(${params.join(", ")}) => {\n${body.join("\n")}\n}`;
    return `function ${safeName(name)}(${params.join(", ")}) {\n${body.join("\n")}\n}`;
  }

  returnStatement(s: L.ReturnStatement, top: boolean): string[] {
    const line = s.loc!.start.line;
    if (top) {
      if (s.arguments.length === 1 && s.arguments[0]!.type === "Identifier") {
        const name = s.arguments[0]!.name;
        this.moduleReturn = name;
        this.exports.push(`export default ${name};`);
        const names = new Set<string>();
        for (const f of this.memberFunctions)
          if (
            f.table === name &&
            !names.has(f.name) &&
            !this.globals.has(f.name) &&
            !this.functions.has(f.name) &&
            f.name === safeName(f.name)
          ) {
            names.add(f.name);
            this.exports.push(`export const ${f.name} = ${name}.${f.name};`);
          }
        return [];
      }
      return [
        `${this.marks.mark(line, "return at the top of the chunk", "a module returns one table to become a default export")};`,
      ];
    }
    if (s.arguments.length === 0) return ["return;"];
    if (s.arguments.length === 1) {
      const a = s.arguments[0]!;
      if (a.type === "VarargLiteral") return [`return ${this.rt("ret")}(...${this.vararg ?? "args"});`];
      return [`return ${this.mayBeMulti(a) ? this.callText(a) : this.expr(a)};`];
    }
    return [`return ${this.rt("ret")}(${this.list(s.arguments).join(", ")});`];
  }
}
