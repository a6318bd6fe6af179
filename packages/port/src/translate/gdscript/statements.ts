// GDScript statements: blocks with their comments and blank lines, if/elif/else, for, while, match
// (an if/else chain on a value read once), return, pass and the rest.
import { safeName } from "../output.js";
import { GdscriptExpressions } from "./expressions.js";
import { comment, expressionComments, reassignedNames, type SyntaxNode, same } from "./syntax.js";

export abstract class GdscriptStatements extends GdscriptExpressions {
  block(body: SyntaxNode): string[] {
    this.scopes.push(new Map(this.scopes.at(-1)));
    const out: string[] = [];
    let previous: SyntaxNode | null = null;
    for (const stmt of body.namedChildren) {
      if (previous && stmt.startPosition.row > previous.endPosition.row + 1) out.push("");
      if (stmt.type === "comment") {
        if (
          previous &&
          previous.type !== "comment" &&
          stmt.startPosition.row === previous.endPosition.row &&
          out.length
        )
          out[out.length - 1] += ` ${comment(stmt)}`;
        else out.push(comment(stmt));
      } else {
        const lines = this.statement(stmt);
        out.push(...expressionComments(stmt), ...this.marks.takeComments(), ...lines);
      }
      previous = stmt;
    }
    this.scopes.pop();
    return out;
  }

  statement(node: SyntaxNode): string[] {
    const line = node.startPosition.row + 1;
    switch (node.type) {
      case "pass_statement":
        return [];
      case "region_start":
        return [`//#region${node.namedChildren[0] ? ` ${node.namedChildren[0].text.trim()}` : ""}`];
      case "region_end":
        return ["//#endregion"];
      case "expression_statement": {
        const text = this.expr(node.namedChildren[0]!, true);
        const dropped = /^\/\* (.*) \*\/ undefined$/.exec(text);
        return [dropped ? `// ${dropped[1]}` : `${text};`];
      }
      case "return_statement": {
        const value = node.namedChildren[0];
        return [value ? `return ${this.expr(value)};` : "return;"];
      }
      case "break_statement":
        return ["break;"];
      case "continue_statement":
        return ["continue;"];
      case "variable_statement":
      case "const_statement": {
        const name = node.childForFieldName("name")!.text;
        const value = node.childForFieldName("value");
        const st = this.declaredType(node);
        const keyword = node.type === "const_statement" || !this.reassigned.has(name) ? "const" : "let";
        const written = this.annotation(node);
        const untyped = !node.childForFieldName("type");
        // An empty Array literal gives TypeScript no element type: it holds Variants.
        const emptyArray = !written && value?.type === "array" && value.namedChildren.length === 0;
        const type =
          (value && value.type !== "null" ? written : this.nullable(written, node)) ||
          (emptyArray ? `${this.variantType()}[]` : untyped && keyword === "let" ? this.variantType() : "");
        const init = value
          ? ` = ${this.expr(value)}`
          : keyword === "const"
            ? " = null"
            : this.defaultFor(node);
        this.scopes.at(-1)!.set(name, untyped ? "unknown" : st);
        return [`${keyword} ${safeName(name)}${type}${init};`];
      }
      case "if_statement":
        return this.ifStatement(node);
      case "while_statement":
        return [
          `while (${this.condition(node.childForFieldName("condition")!)}) {`,
          ...this.block(node.childForFieldName("body")!),
          "}",
        ];
      case "for_statement":
        return this.forStatement(node);
      case "match_statement":
        return this.match(node);
      default:
        return [`${this.marks.mark(line, node.type, "a statement the tool does not translate")};`];
    }
  }

  ifStatement(node: SyntaxNode): string[] {
    // Conditions first: the comments of their marks go before the whole statement.
    const clauses = [
      {
        keyword: "if",
        condition: this.condition(node.childForFieldName("condition")!),
        body: node.childForFieldName("body")!,
      },
      ...node.childrenForFieldName("alternative").map((alt) =>
        alt.type === "elif_clause"
          ? {
              keyword: "} else if",
              condition: this.condition(alt.childForFieldName("condition")!),
              body: alt.childForFieldName("body")!,
            }
          : { keyword: "} else", condition: null, body: alt.childForFieldName("body")! },
      ),
    ];
    const out = this.marks.takeComments();
    for (const c of clauses)
      out.push(
        c.condition === null ? `${c.keyword} {` : `${c.keyword} (${c.condition}) {`,
        ...this.block(c.body),
      );
    out.push("}");
    return out;
  }

  forStatement(node: SyntaxNode): string[] {
    const variable = node.childForFieldName("left")!.text;
    const iterable = node.childForFieldName("right")!;
    const body = node.childForFieldName("body")!;
    const scope = new Map(this.scopes.at(-1));
    this.scopes.push(scope);
    let head: string;
    const rangeArgs =
      iterable.type === "call" && iterable.namedChildren[0]?.text === "range"
        ? iterable.childForFieldName("arguments")!.namedChildren
        : null;
    const simple = (n: SyntaxNode) =>
      n.type === "integer" || (n.type === "identifier" && !reassignedNames(body).has(n.text));
    const untouched = !reassignedNames(body).has(variable);
    if (rangeArgs && rangeArgs.length <= 2 && rangeArgs.every(simple) && untouched) {
      scope.set(variable, "int");
      const [from, to] =
        rangeArgs.length === 1 ? ["0", this.expr(rangeArgs[0]!)] : rangeArgs.map((a) => this.expr(a));
      head = `for (let ${variable} = ${from}; ${variable} < ${to}; ${variable}++) {`;
    } else {
      const t = this.typeOf(iterable);
      scope.set(variable, rangeArgs || t === "int" ? "int" : t === "string" ? "string" : "unknown");
      const source = t === "array" ? this.expr(iterable) : `${this.gd("iter")}(${this.expr(iterable)})`;
      head = `for (const ${variable} of ${source}) {`;
    }
    const lines = [...this.marks.takeComments(), head, ...this.block(body), "}"];
    this.scopes.pop();
    return lines;
  }

  /** match → an if/else chain on a value read once; patterns with bindings, arrays or dictionaries are marked. */
  match(node: SyntaxNode): string[] {
    const valueNode = node.childForFieldName("value")!;
    const line = node.startPosition.row + 1;
    const sections = node
      .childForFieldName("body")!
      .namedChildren.filter((s) => s.type === "pattern_section");
    const pre: string[] = [];
    let subject = this.expr(valueNode);
    if (!/^[\w.]+$/.test(subject)) {
      const temp = `match_${line}`;
      pre.push(`const ${temp} = ${subject};`);
      subject = temp;
    }
    // Patterns first: the comments of their marks go before the whole statement.
    const arms = sections.map((section) => {
      const patterns = section.namedChildren.filter(
        (c) => !same(c, section.childForFieldName("body")) && c.type !== "comment",
      );
      const tests: string[] = [];
      const bindings: string[] = [];
      let wildcard = false;
      for (const p of patterns) {
        if (p.type === "identifier" && p.text === "_") wildcard = true;
        else if (p.type === "pattern_binding" && patterns.length === 1) {
          // `var x:` matches anything and names it.
          wildcard = true;
          bindings.push(p.namedChildren[0]!.text);
        } else if (
          [
            "integer",
            "float",
            "string",
            "true",
            "false",
            "null",
            "identifier",
            "attribute",
            "unary_operator",
          ].includes(p.type)
        )
          tests.push(`${subject} === ${this.expr(p)}`);
        else
          tests.push(
            this.marks.mark(
              p.startPosition.row + 1,
              `match pattern ${p.text}`,
              "bindings inside, array and dictionary patterns are not translated",
            ),
          );
      }
      return { section, condition: wildcard ? null : tests.join(" || "), bindings };
    });
    const out: string[] = [...this.marks.takeComments(), ...pre];
    let first = true;
    for (const arm of arms) {
      this.scopes.push(new Map(this.scopes.at(-1)));
      for (const b of arm.bindings) this.scopes.at(-1)!.set(b, "unknown");
      const body = [
        ...arm.bindings.map((b) => `const ${safeName(b)} = ${subject};`),
        ...this.block(arm.section.childForFieldName("body")!),
      ];
      this.scopes.pop();
      if (arm.condition === null) {
        out.push(...(first ? ["{"] : ["} else {"]), ...body);
        first = false;
        break;
      }
      out.push(`${first ? "" : "} else "}if (${arm.condition}) {`, ...body);
      first = false;
    }
    if (!first) out.push("}");
    return out;
  }
}
