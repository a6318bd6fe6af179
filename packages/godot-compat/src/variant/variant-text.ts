// Follows Godot's core/variant/variant_parser.cpp (VariantWriter, VariantParser).
// var_to_str and str_to_var: a Variant as the text Godot writes in .tscn and .cfg files ("Vector2(1, 2)",
// &"name", NodePath("a/b"), PackedByteArray(1, 2)), and back. Objects are not written.
import { describe } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { dictionaryEntries } from "./dictionary.js";
import { packedFromItems } from "./packed-from-items.js";
import { TYPE_NAMES, variantType } from "./type-of.js";
import * as T from "./variant-ids.js";
import { structOfType, structOfValue } from "./variant-structs.js";
import { GodotFloat, NodePath, StringName, type Variant } from "./variant-types.js";

function numberText(n: number, isFloat: boolean): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "inf_neg";
  return isFloat && Number.isInteger(n) ? `${n}.0` : String(n);
}

const quote = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** A value as Godot's text format; "" (with a print) for what it cannot write. */
export function var_to_str(variable: unknown): string {
  const text = write(variable, 0);
  if (text === null) printError(`var_to_str(): ${describe(variable)} cannot be written as text.`);
  return text ?? "";
}

function write(value: unknown, depth: number): string | null {
  if (depth > 1024) return null;
  const type = variantType(value);
  switch (type) {
    case T.TYPE_NIL:
      return "null";
    case T.TYPE_BOOL:
      return String(value);
    case T.TYPE_INT:
      return String(value);
    case T.TYPE_FLOAT:
      return numberText(Number(value), true);
    case T.TYPE_STRING:
      return quote(value as string);
    case T.TYPE_STRING_NAME:
      return `&${quote(String(value))}`;
    case T.TYPE_NODE_PATH:
      return `NodePath(${quote(String(value))})`;
    case T.TYPE_ARRAY: {
      const items = (value as unknown[]).map((v) => write(v, depth + 1));
      return items.includes(null) ? null : `[${items.join(", ")}]`;
    }
    case T.TYPE_DICTIONARY: {
      const entries = dictionaryEntries(value as object);
      if (entries.length === 0) return "{}";
      const items = entries.map(([k, v]) => {
        const key = write(k, depth + 1);
        const val = write(v, depth + 1);
        return key === null || val === null ? null : `${key}: ${val}`;
      });
      return items.includes(null) ? null : `{\n${items.join(",\n")}\n}`;
    }
    case T.TYPE_CALLABLE:
    case T.TYPE_SIGNAL:
    case T.TYPE_OBJECT:
      return null;
  }
  const struct = structOfValue(value as object);
  const name = TYPE_NAMES[type]!;
  if (struct !== undefined)
    return `${name}(${struct
      .flatten(value as never)
      .map((n) => numberText(n, false))
      .join(", ")})`;
  const items = Array.from(value as ArrayLike<unknown>).flatMap((item) => {
    if (typeof item === "string") return [quote(item)];
    const inner = typeof item === "object" && item !== null ? structOfValue(item) : undefined;
    return inner ? inner.flatten(item as never).map((n) => numberText(n, false)) : [String(item)];
  });
  return `${name}(${items.join(", ")})`;
}

class TextError {
  constructor(readonly message: string) {}
}

/** Reads Godot's text format back into a value; null (with a print) when it is not that format. */
export function str_to_var(string: string): Variant {
  if (typeof string !== "string") {
    printError(`str_to_var() needs a String, got ${describe(string)}.`);
    return null;
  }
  const reader = new TextReader(string);
  try {
    const value = reader.value(0);
    reader.end();
    return value;
  } catch (e) {
    if (!(e instanceof TextError)) throw e;
    printError(`str_to_var(): ${e.message} at position ${reader.at}.`);
    return null;
  }
}

class TextReader {
  at = 0;
  constructor(readonly text: string) {}

  #skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }
  #expect(char: string): void {
    this.#skip();
    if (this.text[this.at] !== char) throw new TextError(`Expected '${char}'`);
    this.at++;
  }
  #peek(): string | undefined {
    this.#skip();
    return this.text[this.at];
  }
  end(): void {
    if (this.#peek() !== undefined) throw new TextError("Expected the end of the text");
  }

  /** Comma-separated values up to `close`. */
  #list(close: string, depth: number): Variant[] {
    const items: Variant[] = [];
    while (this.#peek() !== close) {
      items.push(this.value(depth + 1));
      if (this.#peek() === ",") this.at++;
      else if (this.#peek() !== close) throw new TextError(`Expected ',' or '${close}'`);
    }
    this.at++;
    return items;
  }

  #string(): string {
    this.#expect('"');
    let out = "";
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined) throw new TextError("Unterminated string");
      if (c === '"') return out;
      if (c === "\\") {
        const next = this.text[this.at++];
        const escapes: Record<string, string> = {
          n: "\n",
          t: "\t",
          r: "\r",
          b: "\b",
          f: "\f",
          '"': '"',
          "\\": "\\",
        };
        if (next === undefined || !(next in escapes)) throw new TextError("Invalid escape in string");
        out += escapes[next];
      } else out += c;
    }
  }

  value(depth: number): Variant {
    if (depth > 1024) throw new TextError("Too deep");
    const c = this.#peek();
    if (c === undefined) throw new TextError("Expected a value");
    if (c === '"') return this.#string();
    if (c === "&") {
      this.at++;
      return new StringName(this.#string());
    }
    if (c === "^") {
      this.at++;
      return new NodePath(this.#string());
    }
    if (c === "[") {
      this.at++;
      return this.#list("]", depth);
    }
    if (c === "{") {
      this.at++;
      const pairs: [Variant, Variant][] = [];
      while (this.#peek() !== "}") {
        const key = this.value(depth + 1);
        this.#expect(":");
        pairs.push([key, this.value(depth + 1)]);
        if (this.#peek() === ",") this.at++;
        else if (this.#peek() !== "}") throw new TextError("Expected ',' or '}'");
      }
      this.at++;
      return pairs.every(([k]) => typeof k === "string")
        ? Object.fromEntries(pairs as [string, Variant][])
        : new Map(pairs);
    }
    const number = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      const n = Number(number[0]);
      return /[.eE]/.test(number[0]) && Number.isInteger(n) ? new GodotFloat(n) : n;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at))?.[0];
    if (word === undefined) throw new TextError(`Unexpected character '${c}'`);
    this.at += word.length;
    const constants: Record<string, Variant> = {
      null: null,
      true: true,
      false: false,
      inf: Number.POSITIVE_INFINITY,
      inf_neg: Number.NEGATIVE_INFINITY,
      nan: Number.NaN,
    };
    if (word in constants) return constants[word]!;
    this.#expect("(");
    const args = this.#list(")", depth);
    if (word === "NodePath") return new NodePath(String(args[0] ?? ""));
    if (word === "StringName") return new StringName(String(args[0] ?? ""));
    const packed = packedFromItems(word);
    if (packed !== undefined) return packed.build(args);
    const numbers = args.map(Number);
    const struct = structOfType(TYPE_NAMES.indexOf(word));
    if (struct === undefined) throw new TextError(`Unknown type '${word}'`);
    if (numbers.length !== struct.size) throw new TextError(`${word} takes ${struct.size} numbers`);
    return struct.build(numbers) as Variant;
  }
}
