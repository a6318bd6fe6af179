// tree-sitter with tree-sitter-gdscript (native, prebuilt for linux-x64, darwin and win32-x64).
import { createRequire } from "node:module";
import type Parser from "tree-sitter";
import { PortInputError } from "../parse-error.js";

const require = createRequire(import.meta.url);
let parser: Parser | undefined;

function gdscriptParser(): Parser {
  if (!parser) {
    const TreeSitter = require("tree-sitter") as typeof Parser;
    parser = new TreeSitter();
    parser.setLanguage(require("tree-sitter-gdscript"));
  }
  return parser;
}

/** The syntax tree of a GDScript file; a syntax error throws with its line and column. */
export function parseGdscript(source: string, file: string): Parser.Tree {
  // tree-sitter's Node binding reads a string over 32 KiB through a callback; the callback form takes any size.
  const tree = gdscriptParser().parse((index: number) => source.slice(index, index + 4096));
  const bad = firstError(tree.rootNode);
  if (bad) {
    const what = bad.isMissing
      ? `Expected "${bad.type}"`
      : `Unexpected "${bad.text.split("\n")[0]!.slice(0, 40)}"`;
    throw new PortInputError(
      file,
      `Parse Error: ${what}.`,
      bad.startPosition.row + 1,
      bad.startPosition.column + 1,
    );
  }
  return tree;
}

function firstError(node: Parser.SyntaxNode): Parser.SyntaxNode | null {
  if (node.type === "ERROR" || node.isMissing) return node;
  if (!node.hasError) return null;
  for (const child of node.children) {
    const found = firstError(child);
    if (found) return found;
  }
  return null;
}
