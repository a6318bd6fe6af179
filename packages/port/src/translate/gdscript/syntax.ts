// Small questions about tree-sitter-gdscript's nodes that every part of the translator asks.
import { gd } from "@wsport/port-runtime";
import type Parser from "tree-sitter";

export type SyntaxNode = Parser.SyntaxNode;

/** A function's parameter (not a comment or a line continuation between them). */
export function isParameter(node: SyntaxNode): boolean {
  return ["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"].includes(
    node.type,
  );
}

/** Whether two nodes are the same place: node-tree-sitter may hand out a new object for a node it gave before. */
export function same(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

export function operator(node: SyntaxNode): string {
  return node.children
    .filter((c) => !c.isNamed && !same(node.childForFieldName("left"), c))
    .map((c) => c.text)
    .join(" ");
}

export function bigOp(op: string, a: bigint, b: bigint): bigint {
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

export function comment(node: SyntaxNode): string {
  return `//${node.text.replace(/^#+/, (m) => (m.length > 1 ? "/" : ""))}`;
}

/** Comments inside a statement's expressions (an Array's or Dictionary's lines), which go above it; a body's own are its block's. */
export function expressionComments(node: SyntaxNode): string[] {
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

export function lastTarget(node: SyntaxNode): string | undefined {
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

export function containsAwait(node: SyntaxNode): boolean {
  if (node.type === "await_expression") return true;
  if (node.type === "lambda") return false;
  return node.namedChildren.some(containsAwait);
}

/** Names a body assigns to after declaring them (they need `let`). */
export function reassignedNames(body: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const packedBytes = new Set<string>();
  const grown = new Set<string>();
  const walk = (n: SyntaxNode) => {
    if (
      (n.type === "assignment" || n.type === "augmented_assignment") &&
      n.childForFieldName("left")?.type === "identifier"
    )
      names.add(n.childForFieldName("left")!.text);
    if (n.type === "variable_statement" && !n.childForFieldName("value"))
      names.add(n.childForFieldName("name")!.text);
    if (n.type === "variable_statement" && declaresPackedBytes(n))
      packedBytes.add(n.childForFieldName("name")!.text);
    // `bytes.append(1)` on a PackedByteArray assigns the grown copy back (see calls.ts).
    const [receiver, call] = n.type === "attribute" ? n.namedChildren : [];
    if (receiver?.type === "identifier" && call?.type === "attribute_call" && n.namedChildren.length === 2) {
      if (gd.GROWING_METHODS.has(call.namedChildren[0]!.text)) grown.add(receiver.text);
    }
    for (const c of n.namedChildren) walk(c);
  };
  walk(body);
  for (const name of grown) if (packedBytes.has(name)) names.add(name);
  return names;
}

/** `var b: PackedByteArray …` or `var b := PackedByteArray(…)`: a local the translator types as one. */
function declaresPackedBytes(declaration: SyntaxNode): boolean {
  const type = declaration.childForFieldName("type");
  const value = declaration.childForFieldName("value");
  if (type?.type === "inferred_type")
    return value?.type === "call" && value.namedChildren[0]?.text === "PackedByteArray";
  return type?.text === "PackedByteArray";
}

/** `preload("res://chat.gd")` or `load(…)` of a script: its file's base name ("chat"), else undefined. */
export function preloadedScript(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type !== "call" || !["preload", "load"].includes(node.namedChildren[0]?.text ?? ""))
    return undefined;
  const args = node.childForFieldName("arguments")?.namedChildren ?? [];
  const path = args.length === 1 && args[0]!.type === "string" ? stringValue(args[0]!.text) : "";
  return /\.gd$/.test(path) ? path.split("/").pop()!.slice(0, -3) : undefined;
}
