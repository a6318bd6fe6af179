// GDScript's operators: arithmetic with GDScript's int/float division, `%` formatting, 64-bit shifts
// and bit operations, `in`, `is` and `as`, and the precedence cases tree-sitter-gdscript groups
// differently from Godot (marked).
import { GdscriptScope, GODOT } from "./scope.js";
import { bigOp, operator, type SyntaxNode } from "./syntax.js";
import { BUILTIN_TYPE_IDS, isNumber, type StaticType } from "./types.js";

export abstract class GdscriptOperators extends GdscriptScope {
  /** Written by the layers above (expressions.ts, calls.ts): operands are expressions. */
  abstract expr(node: SyntaxNode, statement?: boolean): string;
  abstract wrap(node: SyntaxNode, primary?: boolean): string;
  abstract attributeParts(parts: SyntaxNode[], node: SyntaxNode): string;

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
}
