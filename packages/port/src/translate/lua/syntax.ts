// Small questions about luaparse's nodes that every part of the translator asks.
import type * as L from "luaparse";
import { decodeLuaString } from "./strings.js";

export type Expr = L.Expression;
export type Stmt = L.Statement;

export function luaComment(c: L.Comment): string[] {
  if (c.raw.startsWith("--[")) {
    const lines = c.value.replace(/^\n/, "").split("\n");
    return ["/*", ...lines.map((l) => l.replace(/\*\//g, "* /")), "*/"];
  }
  return [`//${c.value}`];
}

export function numberText(raw: string): string {
  if (/^0x/i.test(raw) && /[.p]/i.test(raw)) return String(Number.parseFloat(raw));
  if (raw.endsWith(".")) return `${raw}0`;
  if (raw.startsWith(".")) return `0${raw}`;
  return raw;
}

export function rootName(e: Expr): string | null {
  switch (e.type) {
    case "Identifier":
      return e.name;
    case "MemberExpression":
    case "IndexExpression":
    case "CallExpression":
    case "TableCallExpression":
    case "StringCallExpression":
      return rootName(e.base);
    default:
      return null;
  }
}

/** `a.b.c` as text, for callees like string.find; null for anything else. */
export function calleeName(e: Expr): string | null {
  if (e.type === "Identifier") return e.name;
  if (e.type === "MemberExpression" && e.indexer === ".") {
    const base = calleeName(e.base);
    return base ? `${base}.${e.identifier.name}` : null;
  }
  return null;
}

export function requireName(e: Expr): string | null {
  if (
    e.type === "CallExpression" &&
    e.base.type === "Identifier" &&
    e.base.name === "require" &&
    e.arguments.length === 1
  ) {
    const a = e.arguments[0]!;
    if (a.type === "StringLiteral") return decodeLuaString(a.raw);
  }
  if (e.type === "StringCallExpression" && e.base.type === "Identifier" && e.base.name === "require")
    return decodeLuaString((e.argument as L.StringLiteral).raw);
  return null;
}

/** An expression with no calls (so evaluating it early has no effect). */
export function isPure(e: Expr): boolean {
  switch (e.type) {
    case "NilLiteral":
    case "BooleanLiteral":
    case "NumericLiteral":
    case "StringLiteral":
    case "Identifier":
    case "VarargLiteral":
      return true;
    case "MemberExpression":
      return e.indexer === "." && isPure(e.base);
    case "IndexExpression":
      return isPure(e.base) && isPure(e.index);
    case "BinaryExpression":
      return isPure(e.left) && isPure(e.right) && !["..", "+", "%"].includes(e.operator);
    case "UnaryExpression":
      return e.operator !== "#" && isPure(e.argument);
    default:
      return false;
  }
}

export function returnsSeveral(body: Stmt[]): boolean {
  let multi = false;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object" || multi) return;
    const n = node as { type?: string } & Record<string, unknown>;
    if (n.type === "FunctionDeclaration") return;
    if (n.type === "ReturnStatement") {
      const args = (n as unknown as L.ReturnStatement).arguments;
      const last = args.at(-1);
      if (
        args.length !== 1 ||
        (last &&
          ["CallExpression", "TableCallExpression", "StringCallExpression", "VarargLiteral"].includes(
            last.type,
          ))
      )
        multi = args.length !== 0;
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object" && "type" in value) visit(value);
    }
  };
  body.forEach(visit);
  return multi;
}

export function usesNames(e: unknown, names: Set<string>): boolean {
  if (!e || typeof e !== "object") return false;
  const n = e as { type?: string; name?: string } & Record<string, unknown>;
  if (n.type === "Identifier" && names.has(n.name!)) return true;
  return Object.values(n).some((v) =>
    Array.isArray(v) ? v.some((x) => usesNames(x, names)) : v && typeof v === "object" && usesNames(v, names),
  );
}

export function assignsName(body: Stmt[], name: string): boolean {
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== "object") return false;
    const n = node as { type?: string } & Record<string, unknown>;
    if (
      n.type === "AssignmentStatement" &&
      (n as unknown as L.AssignmentStatement).variables.some(
        (v) => v.type === "Identifier" && v.name === name,
      )
    )
      return true;
    return Object.values(n).some((v) =>
      Array.isArray(v) ? v.some(visit) : v && typeof v === "object" && visit(v),
    );
  };
  return body.some(visit);
}
