// Lua's operators with Lua's meaning: `..`, `+` on numeric strings, `%` with the divisor's sign,
// `//`, 64-bit bit operations, `#`, comparisons, and `and` / `or` / `not` with Lua's truthiness.
import type * as L from "luaparse";
import { LuaScope } from "./scope.js";
import { decodeLuaString } from "./strings.js";
import { type Expr, isPure } from "./syntax.js";

export abstract class LuaOperators extends LuaScope {
  /** Written by expressions.ts, a layer above: operands are expressions. */
  abstract expr(e: Expr): string;
  abstract primary(e: Expr): string;

  unary(e: L.UnaryExpression): string {
    const arg = e.argument;
    switch (e.operator) {
      case "not":
        return this.isBoolean(arg) ? `!${this.wrapped(arg)}` : `!${this.rt("truthy")}(${this.expr(arg)})`;
      case "#":
        return `${this.rt("len")}(${this.expr(arg)})`;
      case "-":
        return `-${this.wrapped(arg)}`;
      default:
        return `${this.rt("bnot")}(${this.expr(arg)})`;
    }
  }

  wrapped(e: Expr): string {
    const text = this.expr(e);
    return ["BinaryExpression", "LogicalExpression", "UnaryExpression"].includes(e.type) &&
      !text.startsWith("lua.")
      ? `(${text})`
      : text;
  }

  binary(e: L.BinaryExpression): string {
    const l = () => this.wrapped(e.left);
    const r = () => this.wrapped(e.right);
    const line = e.loc!.start.line;
    switch (e.operator) {
      case "..": {
        const parts: Expr[] = [];
        const flatten = (x: Expr) => {
          if (x.type === "BinaryExpression" && x.operator === "..") {
            flatten(x.left);
            flatten(x.right);
          } else parts.push(x);
        };
        flatten(e);
        if (parts.every((p) => p.type === "StringLiteral"))
          return JSON.stringify(parts.map((p) => decodeLuaString((p as L.StringLiteral).raw)).join(""));
        return `${this.rt("concat")}(${parts.map((p) => this.expr(p)).join(", ")})`;
      }
      case "==":
        return `${l()} === ${r()}`;
      case "~=":
        return `${l()} !== ${r()}`;
      case "<":
      case ">":
      case "<=":
      case ">=":
        return `${l()} ${e.operator} ${r()}`;
      case "+":
        return this.isNumeric(e.left) && this.isNumeric(e.right)
          ? `${l()} + ${r()}`
          : `${this.rt("add")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "-":
      case "*":
      case "/":
        return `${l()} ${e.operator} ${r()}`;
      case "^":
        return `${l()} ** ${r()}`;
      case "//":
        return `Math.floor(${l()} / ${r()})`;
      case "%":
        return `${this.rt("mod")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "&":
        return `${this.rt("band")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "|":
        return `${this.rt("bor")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "~":
        return `${this.rt("bxor")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "<<":
        return `${this.rt("shl")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case ">>":
        return `${this.rt("shr")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      default:
        return this.marks.mark(line, `operator ${e.operator}`, "not a Lua operator the tool knows");
    }
  }

  logical(e: L.LogicalExpression): string {
    const js = e.operator === "and" ? "&&" : "||";
    // With a boolean on the left, JavaScript's && and || give Lua's value.
    if (this.isBoolean(e.left)) return `${this.wrapped(e.left)} ${js} ${this.wrapped(e.right)}`;
    const pure = isPure(e.right);
    const fn = e.operator === "and" ? (pure ? "and" : "andElse") : pure ? "or" : "orElse";
    const right = pure ? this.expr(e.right) : `() => ${this.expr(e.right)}`;
    return `${this.rt(fn)}(${this.expr(e.left)}, ${right})`;
  }
}
