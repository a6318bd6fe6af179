// Lua calls: several results (spread at the end of a list, the first value elsewhere), `obj:method()`
// on Lua and JavaScript objects, the base library and standard libraries through the runtime, `yield`.
import type * as L from "luaparse";
import { BASE_FUNCTIONS, LIBRARIES, MULTI_RESULTS } from "./names.js";
import { LuaOperators } from "./operators.js";
import { decodeLuaString } from "./strings.js";
import { calleeName, type Expr, rootName } from "./syntax.js";

export abstract class LuaCalls extends LuaOperators {
  /** Whether a call may give several results (only known single-result callees do not). */
  mayBeMulti(e: Expr): boolean {
    if (e.type === "VarargLiteral") return true;
    if (e.type !== "CallExpression" && e.type !== "TableCallExpression" && e.type !== "StringCallExpression")
      return false;
    if (this.inParens(e)) return false;
    const base = e.base;
    const name = calleeName(base);
    if (name && MULTI_RESULTS.has(name)) return true;
    if (name && this.memberMulti.has(name)) return this.memberMulti.get(name)!;
    if (base.type === "MemberExpression" && base.indexer === ":" && base.base.type === "Identifier") {
      // obj:f() where only one table of this file defines f: its declaration says.
      const defs = [...this.memberMulti].filter(([k]) => k.endsWith(`.${base.identifier.name}`));
      if (defs.length === 1 && this.engineRoot(base.base) === null) return defs[0]![1];
    }
    if (base.type === "Identifier") {
      const fn = this.functions.get(base.name);
      if (fn) return fn.multi;
      if (BASE_FUNCTIONS.has(base.name)) return false;
      if (base.name === "require") return false;
      if ((!base.isLocal && this.isEngineName(base.name)) || this.importedNames.has(base.name)) return false;
      return true;
    }
    if (base.type === "MemberExpression" && base.indexer === ":")
      return !this.isString(base.base) && this.engineRoot(base.base) === null;
    const root = rootName(base);
    if (root && LIBRARIES.has(root) && !this.globals.has(root)) return false;
    if (this.engineRoot(base) !== null) return false;
    return true;
  }

  /** `(f())` keeps one result: the source has parentheses right around the call. */
  inParens(e: Expr): boolean {
    const [start, end] = e.range!;
    let i = start - 1;
    while (i >= 0 && /\s/.test(this.source[i]!)) i--;
    let j = end;
    while (j < this.source.length && /\s/.test(this.source[j]!)) j++;
    if (this.source[i] !== "(" || this.source[j] !== ")") return false;
    let k = i - 1;
    while (k >= 0 && /\s/.test(this.source[k]!)) k--;
    return !/[\w\])"'}]/.test(this.source[k] ?? "");
  }

  /** A call's text as is (all its results). */
  callText(e: Expr): string {
    if (e.type === "VarargLiteral") return `${this.rt("ret")}(...${this.vararg ?? "args"})`;
    return this.call(e as L.CallExpression, "multi");
  }

  call(
    e: L.CallExpression | L.TableCallExpression | L.StringCallExpression,
    context: "single" | "multi" | "statement",
  ): string {
    const line = e.loc!.start.line;
    const args: Expr[] =
      e.type === "CallExpression"
        ? e.arguments
        : e.type === "TableCallExpression"
          ? [e.arguments as Expr]
          : [e.argument as Expr];
    const base = e.base;
    // A function of one parameter takes the first of several results (TypeScript would refuse the spread).
    const single =
      base.type === "Identifier" && !base.isLocal && ["tostring", "type", "getmetatable"].includes(base.name);
    const argText = () => (single && args.length === 1 ? this.expr(args[0]!) : this.list(args).join(", "));
    let text: string;
    const name = calleeName(base);
    if (base.type === "Identifier" && base.name === "require" && !base.isLocal) {
      return this.marks.mark(
        line,
        "require outside `local x = require(…)`",
        "imports are module-level in TypeScript",
      );
    }
    if (
      name === "select" &&
      args[0]?.type === "StringLiteral" &&
      decodeLuaString(args[0].raw) === "#" &&
      args[1]?.type === "VarargLiteral"
    )
      return `${this.vararg ?? "args"}.length`;
    if (name === "coroutine.yield") {
      if (!this.inGenerator)
        return this.marks.mark(
          line,
          "coroutine.yield outside a function",
          "only a function can be a coroutine's body",
        );
      const yielded = `yield ${this.rt("ret")}(${argText()})`;
      if (context === "statement") return yielded;
      return context === "single" ? `${this.rt("first")}(${yielded})` : `(${yielded})`;
    }
    if (base.type === "MemberExpression" && base.indexer === ":") {
      const receiver = base.base;
      const method = base.identifier.name;
      const root = this.engineRoot(receiver);
      if (this.isString(receiver))
        text = `${this.rt("string")}.${method}(${[this.expr(receiver), ...this.list(args)].join(", ")})`;
      else if (root) text = `${this.primary(receiver)}.${method}(${argText()})`;
      else
        text = `${this.rt("method")}(${[this.expr(receiver), JSON.stringify(method), ...this.list(args)].join(", ")})`;
    } else {
      text = `${this.primary(base)}(${argText()})`;
    }
    if (this.callsGenerator(base)) {
      if (!this.inGenerator)
        return this.marks.mark(
          line,
          `${name ?? "a call"} outside a coroutine`,
          "it yields: only a coroutine's code can call it",
        );
      text = `(yield* ${text})`;
    }
    if (context === "single" && this.mayBeMulti(e) && !this.inParens(e))
      return `${this.rt("first")}(${text})`;
    if (context === "single" && this.mayBeMulti(e)) return `${this.rt("first")}(${text})`;
    return text;
  }

  /** The values of an expression list, as an array of exactly `count` (a trailing call spreads its results). */
  valuesOf(list: Expr[], count: number): string {
    return `${this.rt("values")}(${[String(count), ...this.list(list)].join(", ")})`;
  }

  /** An expression list: each value once, the last one's results spread when it is a call or `...`. */
  list(list: Expr[]): string[] {
    return list.map((e, i) => {
      if (i === list.length - 1 && e.type === "VarargLiteral") return `...${this.vararg ?? "args"}`;
      if (i === list.length - 1 && this.mayBeMulti(e)) return `...${this.rt("all")}(${this.callText(e)})`;
      return this.expr(e);
    });
  }
}
