// GDScript expressions: the dispatch over expression nodes, names, unary operators, assignments,
// `await`, lambdas and parameters (operators.ts and calls.ts hold the larger kinds).
import { safeName } from "../output.js";
import { GdscriptCalls } from "./calls.js";
import { GODOT, GODOT_EXPORTS } from "./scope.js";
import { containsAwait, isParameter, reassignedNames, type SyntaxNode, stringValue } from "./syntax.js";
import { isNumber, type StaticType, staticTypeOf } from "./types.js";

export abstract class GdscriptExpressions extends GdscriptCalls {
  /** Written by statements.ts, the layer above: a lambda's body is a block. */
  abstract block(body: SyntaxNode): string[];

  condition(node: SyntaxNode): string {
    const text = this.expr(node);
    return this.typeOf(node) === "bool" ||
      this.typeOf(node) === "int" ||
      this.typeOf(node) === "float" ||
      this.typeOf(node) === "string"
      ? text
      : `${this.gd("truthy")}(${text})`;
  }

  expr(node: SyntaxNode, statement = false): string {
    const line = node.startPosition.row + 1;
    switch (node.type) {
      case "integer":
      case "float":
        return node.text.replace(/_/g, "");
      case "true":
      case "false":
        return node.text;
      case "null":
        return "null";
      case "string":
      case "string_name":
      case "node_path":
        return JSON.stringify(stringValue(node.text));
      case "identifier":
        return this.identifier(node);
      case "parenthesized_expression":
        return `(${this.expr(node.namedChildren[0]!)})`;
      case "array":
        return `[${node.namedChildren
          .filter((c) => c.type !== "comment")
          .map((c) => this.expr(c))
          .join(", ")}]`;
      case "dictionary": {
        const pairs = node.namedChildren
          .filter((c) => c.type === "pair")
          .map((p) => {
            const k = p.childForFieldName("left")!;
            const v = p.childForFieldName("value")!;
            const key =
              p.children.some((c) => c.text === "=") && k.type === "identifier"
                ? JSON.stringify(k.text)
                : this.expr(k);
            return `[${key}, ${this.expr(v)}]`;
          });
        return pairs.length ? `${this.gd("dict")}([${pairs.join(", ")}])` : `${this.gd("dict")}()`;
      }
      case "get_node": {
        const path = node.text.replace(/^\$/, "").replace(/^"(.*)"$/, "$1");
        return this.selfCall(`${this.gd("get_node")}(this, ${JSON.stringify(path)})`, node);
      }
      case "unary_operator":
        return this.unary(node);
      case "binary_operator":
        return this.binary(node);
      case "conditional_expression": {
        const cond = this.condition(node.childForFieldName("condition")!);
        return `${cond} ? ${this.expr(node.childForFieldName("left")!)} : ${this.expr(node.childForFieldName("right")!)}`;
      }
      case "assignment":
      case "augmented_assignment":
        return this.assignment(node, statement);
      case "call":
        return this.call(node);
      case "attribute":
        return this.attribute(node);
      case "subscript": {
        const [target, args] = [node.namedChildren[0]!, node.childForFieldName("arguments")!];
        return `${this.gd("index")}(${this.expr(target)}, ${this.expr(args.namedChildren[0]!)})`;
      }
      case "await_expression":
        return this.awaitExpr(node);
      case "lambda":
        return this.lambda(node);
      default:
        return this.marks.mark(line, `expression ${node.type}`, "an expression the tool does not translate");
    }
  }

  selfCall(text: string, at: SyntaxNode): string {
    if (this.inStatic)
      return this.marks.mark(at.startPosition.row + 1, at.text, "uses the node in a static function");
    return text;
  }

  identifier(node: SyntaxNode): string {
    const name = node.text;
    if (name === "self") return this.selfCall("this", node);
    if (this.lookup(name) !== undefined) return safeName(name);
    if (name === this.backing) return `this.#${name}`;
    const member = this.cls?.members.get(name);
    if (member) return member.isStatic ? `${this.cls.name}.${name}` : this.selfCall(`this.${name}`, node);
    if (this.moduleNames.has(name)) return name;
    if (name === "PI") return "Math.PI";
    if (name === "INF") return "Infinity";
    if (name === "NAN") return "NaN";
    if (name === "TAU") return "2 * Math.PI";
    if (GODOT_EXPORTS.has(name)) return this.imports.value(GODOT, name);
    if (/^[A-Z]/.test(name)) {
      if (!this.engineNames.has(name)) this.engineNames.set(name, "value");
      return this.imports.value(this.options.engineModule, name);
    }
    // An inherited property (multiplayer, name, position …).
    return this.selfCall(`this.${name}`, node);
  }

  unary(node: SyntaxNode): string {
    const op = node.children[0]!.text;
    const operand = node.namedChildren[0]!;
    if (op === "not" || op === "!") {
      const t = this.typeOf(operand);
      return t === "bool" ? `!${this.wrap(operand)}` : `!${this.gd("truthy")}(${this.expr(operand)})`;
    }
    if (op === "~") return `${this.gd("bnot")}(${this.expr(operand)})`;
    return `${op}${this.wrap(operand)}`;
  }

  /** An operand, parenthesized when it is itself an operation (and, as the base of `.x`, a number). */
  wrap(node: SyntaxNode, primary = false): string {
    const text = this.expr(node);
    const operations = [
      "binary_operator",
      "conditional_expression",
      "unary_operator",
      "await_expression",
      "lambda",
    ];
    const wrapped =
      operations.includes(node.type) || (primary && (node.type === "integer" || node.type === "float"));
    return wrapped ? `(${text})` : text;
  }

  assignment(node: SyntaxNode, statement: boolean): string {
    const left = node.childForFieldName("left")!;
    const right = node.childForFieldName("right")!;
    const line = node.startPosition.row + 1;
    const op =
      node.type === "assignment" ? "=" : node.children.find((c) => !c.isNamed && c.text.endsWith("="))!.text;
    if (!statement) return this.marks.mark(line, node.text, "assignment inside an expression");
    // The value of a compound assignment when it is not `target op= right` in JavaScript too, else null.
    const value = (target: SyntaxNode) => {
      if (op === "=") return null;
      const base = op.slice(0, -1);
      const lt = this.typeOf(target);
      const rt = this.typeOf(right);
      if (base === "/" && !(lt === "int" && rt === "int") && !(lt === "float" || rt === "float"))
        return this.marks.mark(
          line,
          node.text,
          "division whose operands' types (int or float) the tool cannot see; type them",
        );
      if (base === "/" && lt === "int" && rt === "int")
        return `${this.gd("idiv")}(${this.expr(target)}, ${this.expr(right)})`;
      if (base === "%" && !(isNumber(lt) && isNumber(rt)))
        return `${this.gd("mod")}(${this.expr(target)}, ${this.expr(right)})`;
      return null;
    };
    if (left.type === "subscript") {
      const target = this.expr(left.namedChildren[0]!);
      const key = this.expr(left.childForFieldName("arguments")!.namedChildren[0]!);
      const current = `${this.gd("index")}(${target}, ${key})`;
      const v =
        op === "=" ? this.expr(right) : (value(left) ?? `${current} ${op.slice(0, -1)} ${this.wrap(right)}`);
      return `${this.gd("set_index")}(${target}, ${key}, ${v})`;
    }
    const last = left.type === "attribute" ? left.namedChildren.at(-1)! : null;
    if (last?.type === "attribute_subscript") {
      const owner = this.attributeParts(left.namedChildren.slice(0, -1), left);
      const name = last.namedChildren[0]!.text;
      const key = this.expr(last.childForFieldName("arguments")!.namedChildren[0]!);
      const target = `${owner}.${name}`;
      const current = `${this.gd("index")}(${target}, ${key})`;
      const v =
        op === "=" ? this.expr(right) : (value(left) ?? `${current} ${op.slice(0, -1)} ${this.wrap(right)}`);
      return `${this.gd("set_index")}(${target}, ${key}, ${v})`;
    }
    const target = this.expr(left);
    const special = value(left);
    if (special !== null && op !== "=") return `${target} = ${special}`;
    if (op === "**=") return `${target} **= ${this.expr(right)}`;
    if (["<<=", ">>=", "&=", "|=", "^="].includes(op)) {
      const fn = { "<<=": "shl", ">>=": "shr", "&=": "band", "|=": "bor", "^=": "bxor" }[op]!;
      return `${target} = ${this.gd(fn)}(${target}, ${this.expr(right)})`;
    }
    return `${target} ${op} ${this.expr(right)}`;
  }

  awaitExpr(node: SyntaxNode): string {
    const inner = node.namedChildren[0]!;
    if (inner.type === "call") {
      const member = this.cls.members.get(inner.namedChildren[0]!.text);
      if (member?.isAsync) return `await ${this.expr(inner)}`;
    }
    if (inner.type === "attribute" && inner.namedChildren[0]?.text === "self") {
      const last = inner.namedChildren.at(-1)!;
      if (
        last.type === "attribute_call" &&
        this.cls.members.get(last.namedChildren[0]!.text)?.isAsync &&
        inner.namedChildren.length === 2
      )
        return `await ${this.expr(inner)}`;
    }
    return `await ${this.gd("wait")}(${this.expr(inner)})`;
  }

  lambda(node: SyntaxNode): string {
    const params = (node.childForFieldName("parameters")?.namedChildren ?? []).filter(isParameter);
    const body = node.childForFieldName("body")!;
    const saved = this.reassigned;
    this.scopes.push(new Map(this.scopes.at(-1)));
    this.reassigned = reassignedNames(body);
    const p = params.map((x) => this.param(x, true)).join(", ");
    const lines = this.block(body);
    this.scopes.pop();
    this.reassigned = saved;
    const isAsync = containsAwait(body) ? "async " : "";
    return `${isAsync}(${p}) => {\n${lines.join("\n")}\n}`;
  }

  param(p: SyntaxNode, withDefault: boolean): string {
    const id = p.type === "identifier" ? p.text : p.namedChildren.find((c) => c.type === "identifier")!.text;
    const written = p.childForFieldName("type");
    // `x := 1`: the type is the default's, which TypeScript infers the same way.
    const type = written?.type === "inferred_type" ? null : written;
    const value = p.childForFieldName("value");
    let st: StaticType = type
      ? staticTypeOf(type.text)
      : value && p.type.includes("typed")
        ? this.typeOf(value)
        : "unknown";
    if (type && /^Array\[/.test(type.text)) st = "array";
    this.scopes.at(-1)?.set(id, st);
    const ts = type
      ? this.tsType(type)
      : (p.type === "typed_default_parameter" || written) && value
        ? ""
        : this.variantType().slice(2);
    const def = withDefault && value ? ` = ${this.expr(value)}` : "";
    return `${safeName(id)}${ts ? `: ${ts}` : ""}${def}`;
  }
}
