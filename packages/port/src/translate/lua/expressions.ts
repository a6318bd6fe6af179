// Lua expressions: the dispatch over expression nodes, names (locals, globals, compat and engine
// globals), literals and table constructors (items at keys 1 … n).
import type * as L from "luaparse";
import { safeName } from "../output.js";
import { LuaCalls } from "./calls.js";
import { BASE_FUNCTIONS, COMPAT_GLOBALS, LIBRARIES } from "./names.js";
import { decodeLuaString } from "./strings.js";
import { type Expr, numberText } from "./syntax.js";

export abstract class LuaExpressions extends LuaCalls {
  /** Written by translate.ts, the top layer: a function is an expression too. */
  abstract functionExpr(f: L.FunctionDeclaration, name: string | null, method?: boolean): string;

  condition(e: Expr): string {
    return this.isBoolean(e) ? this.expr(e) : `${this.rt("truthy")}(${this.expr(e)})`;
  }

  expr(e: Expr): string {
    const line = e.loc!.start.line;
    switch (e.type) {
      case "NilLiteral":
        return "undefined";
      case "BooleanLiteral":
        return String(e.value);
      case "NumericLiteral":
        return numberText(e.raw);
      case "StringLiteral":
        return JSON.stringify(decodeLuaString(e.raw));
      case "VarargLiteral":
        return `${this.vararg ?? "args"}[0]`;
      case "Identifier":
        return this.identifier(e);
      case "FunctionDeclaration":
        return this.functionExpr(e, null);
      case "TableConstructorExpression":
        return this.table(e);
      case "UnaryExpression":
        return this.unary(e);
      case "BinaryExpression":
        return this.binary(e);
      case "LogicalExpression":
        return this.logical(e);
      case "MemberExpression":
        if (e.indexer === ":")
          return this.marks.mark(line, "method reference without a call", "not valid Lua");
        return `${this.primary(e.base)}.${e.identifier.name}`;
      case "IndexExpression":
        return `${this.primary(e.base)}[${this.expr(e.index)}]`;
      case "CallExpression":
      case "TableCallExpression":
      case "StringCallExpression":
        return this.call(e, "single");
      default:
        return this.marks.mark(line, (e as L.Node).type, "an expression the tool does not translate");
    }
  }

  /** An expression as the base of `.x`, `[k]` or a call: parenthesized when it is an operation. */
  primary(e: Expr): string {
    const text = this.expr(e);
    return [
      "BinaryExpression",
      "LogicalExpression",
      "UnaryExpression",
      "FunctionDeclaration",
      "StringLiteral",
      "NumericLiteral",
      "TableConstructorExpression",
    ].includes(e.type)
      ? `(${text})`
      : text;
  }

  identifier(e: L.Identifier): string {
    const name = e.name;
    if (e.isLocal || this.globals.has(name) || this.importedNames.has(name)) return safeName(name);
    if (BASE_FUNCTIONS.has(name) || LIBRARIES.has(name)) return this.rt(name);
    if (name === "_G")
      return this.marks.mark(e.loc!.start.line, "_G", "the global table has no JavaScript counterpart");
    if (COMPAT_GLOBALS[name]) {
      this.importedNames.add(name);
      return this.imports.value(COMPAT_GLOBALS[name]!, name);
    }
    this.engineNames.set(name, "value");
    return this.imports.value(this.options.engineModule, name);
  }

  table(e: L.TableConstructorExpression): string {
    const line = e.loc!.start.line;
    if (
      e.fields.length === 1 &&
      e.fields[0]!.type === "TableValue" &&
      e.fields[0]!.value.type === "VarargLiteral"
    )
      return `${this.rt("list")}(${this.vararg ?? "args"})`;
    let position = 0;
    const parts = e.fields.map((f, i) => {
      if (f.type === "TableKeyString") {
        const value = this.fieldValue(f.value);
        return value === f.key.name ? value : `${f.key.name}: ${value}`;
      }
      if (f.type === "TableValue") {
        position++;
        if (i === e.fields.length - 1 && this.mayBeMulti(f.value))
          return `...${this.marks.mark(line, "a call's results at the end of a table constructor", "write out the items it adds")}`;
        return `${position}: ${this.fieldValue(f.value)}`;
      }
      const key = f.key;
      if (key.type === "StringLiteral")
        return `${JSON.stringify(decodeLuaString(key.raw))}: ${this.fieldValue(f.value)}`;
      if (key.type === "NumericLiteral") return `${numberText(key.raw)}: ${this.fieldValue(f.value)}`;
      return `[${this.tableKey(key)}]: ${this.fieldValue(f.value)}`;
    });
    return parts.length ? `{ ${parts.join(", ")} }` : "{}";
  }

  tableKey(key: Expr): string {
    if (
      key.type === "BooleanLiteral" ||
      key.type === "TableConstructorExpression" ||
      key.type === "FunctionDeclaration"
    )
      return this.marks.mark(
        key.loc!.start.line,
        `table key ${key.type}`,
        "a JavaScript object's keys are strings",
      );
    return this.expr(key);
  }

  /** A table field's value; a function stored in a table is marked as Lua's, for `obj:method()`. */
  fieldValue(v: Expr): string {
    if (v.type === "FunctionDeclaration") return `${this.rt("fn")}(${this.functionExpr(v, null)})`;
    if (v.type === "Identifier" && this.functions.has(v.name)) return `${this.rt("fn")}(${safeName(v.name)})`;
    return this.expr(v);
  }
}
