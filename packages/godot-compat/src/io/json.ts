// Follows Godot's core/io/json.cpp.
// Godot's JSON: stringify and parse with Godot's rules, which are not JavaScript's. Every number parses as a
// float; a float stringifies with Godot's digits (0.0 as "0.0"); Dictionary keys are sorted unless
// sort_keys is false; anything JSON has no form for becomes its str() text in quotes. The parser takes
// trailing commas, reports the line of an error counting from 0, and gives null with a print from
// parse_string. from_native/to_native keep Godot types through JSON.
import { describe } from "@wsport/core/internal";
import {
  ERR_INVALID_PARAMETER,
  ERR_OUT_OF_MEMORY,
  ERR_PARSE_ERROR,
  type GodotError,
  OK,
} from "../core/error.js";
import { printError } from "../core/print.js";
import { dictionaryEntries, isDictionary } from "../variant/dictionary.js";
import { floatText, variantText } from "../variant/stringify.js";
import type { Variant } from "../variant/variant.js";
import { GodotFloat } from "../variant/variant-types.js";
import { jsonFromNative, jsonToNative } from "./json-native.js";

const MAX_DEPTH = 1024;

class ParseError {
  constructor(
    readonly message: string,
    readonly code: GodotError = ERR_PARSE_ERROR,
  ) {}
}

function escaped(text: string): string {
  const names: Record<string, string> = {
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    '"': '\\"',
  };
  return `"${text.replace(/[\\\b\f\n\r\t\v"]/g, (c) => names[c]!)}"`;
}

function stringifyValue(
  value: unknown,
  indent: string,
  level: number,
  sortKeys: boolean,
  seen: Set<object>,
  full: boolean,
): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number" || value instanceof GodotFloat) {
    const n = Number(value);
    if (n === 0) return value instanceof GodotFloat ? "0.0" : "0";
    if (full && !Number.isInteger(n)) return String(n);
    return floatText(n);
  }
  const newline = indent === "" ? "" : "\n";
  const pad = (n: number) => indent.repeat(n);
  const isList =
    Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof Uint8Array));
  const isMap = isDictionary(value);
  if (isList || isMap) {
    if (seen.has(value as object)) {
      printError("Converting circular structure to JSON.");
      return isList ? '"[...]"' : '"{...}"';
    }
    if (level > MAX_DEPTH) {
      printError("JSON structure is too deep. Bailing.");
      return "...";
    }
    seen.add(value as object);
    let out: string;
    if (isList) {
      const items = Array.from(
        value as ArrayLike<unknown>,
        (v) => pad(level + 1) + stringifyValue(v, indent, level + 1, sortKeys, seen, full),
      );
      out = items.length === 0 ? "[]" : `[${newline}${items.join(`,${newline}`)}${newline}${pad(level)}]`;
    } else {
      const entries: [string, unknown][] = dictionaryEntries(value as object).map(([k, v]) => [
        variantText(k),
        v,
      ]);
      if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const colon = indent === "" ? ":" : ": ";
      const items = entries.map(
        ([k, v]) =>
          `${pad(level + 1)}${escaped(k)}${colon}${stringifyValue(v, indent, level + 1, sortKeys, seen, full)}`,
      );
      out = `{${newline}${items.join(`,${newline}`)}${newline}${pad(level)}}`;
    }
    seen.delete(value as object);
    return out;
  }
  return escaped(variantText(value));
}

/** A recursive-descent reader of Godot's JSON dialect; `line` counts the newlines passed. */
class Reader {
  at = 0;
  line = 0;
  constructor(readonly text: string) {}

  value(depth: number): Variant {
    if (depth > MAX_DEPTH) throw new ParseError("JSON structure is too deep", ERR_OUT_OF_MEMORY);
    const token = this.token();
    if (token === "{") return this.object(depth + 1);
    if (token === "[") return this.array(depth + 1);
    if (typeof token === "string") {
      // Godot names the token as its tokenizer table does: "EOF", or the character in quotes.
      throw new ParseError(`Expected value, got '${token === "EOF" ? "EOF" : `'${token}'`}'`);
    }
    if (token.kind === "identifier") {
      if (token.text === "true") return true;
      if (token.text === "false") return false;
      if (token.text === "null") return null;
      throw new ParseError(`Expected 'true', 'false', or 'null', got '${token.text}'`);
    }
    return token.value;
  }

  array(depth: number): Variant[] {
    const out: Variant[] = [];
    let needComma = false;
    while (this.at < this.text.length) {
      const token = this.peekPunct();
      if (token === "]") return this.skip(out);
      if (needComma) {
        if (token !== ",") throw new ParseError("Expected ','");
        this.token();
        needComma = false;
        continue;
      }
      out.push(this.value(depth));
      needComma = true;
    }
    throw new ParseError("Expected ']'");
  }

  object(depth: number): Record<string, Variant> {
    const out: Record<string, Variant> = {};
    let needComma = false;
    while (this.at < this.text.length) {
      const token = this.token();
      if (token === "}") return out;
      if (needComma) {
        if (token !== ",") throw new ParseError("Expected '}' or ','");
        needComma = false;
        continue;
      }
      if (typeof token === "string" || token.kind !== "string") throw new ParseError("Expected key");
      if (this.token() !== ":") throw new ParseError("Expected ':'");
      Object.defineProperty(out, token.value, {
        value: this.value(depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      needComma = true;
    }
    throw new ParseError("Expected '}'");
  }

  skip<T>(value: T): T {
    this.token();
    return value;
  }

  /** The next punctuation without taking it ("" when the next token is not punctuation). */
  peekPunct(): string {
    const { at, line } = this;
    const token = this.token();
    this.at = at;
    this.line = line;
    return typeof token === "string" ? token : "";
  }

  token():
    | string
    | { kind: "identifier"; text: string }
    | { kind: "number"; value: number }
    | { kind: "string"; value: string } {
    const text = this.text;
    for (;;) {
      const c = text[this.at];
      if (c === undefined) return "EOF";
      if (c === "\n") this.line++;
      if (c <= " ") {
        this.at++;
        continue;
      }
      if ("{}[]:,".includes(c)) {
        this.at++;
        return c;
      }
      if (c === '"') return { kind: "string", value: this.string() };
      if (c === "-" || (c >= "0" && c <= "9")) {
        const match = /^-?\d*(?:\.\d*)?(?:[eE][+-]?\d+)?/.exec(text.slice(this.at))![0];
        this.at += match.length;
        const n = Number.parseFloat(match);
        return { kind: "number", value: Number.isNaN(n) ? 0 : n };
      }
      if (/[A-Za-z]/.test(c)) {
        const word = /^[A-Za-z]+/.exec(text.slice(this.at))![0];
        this.at += word.length;
        return { kind: "identifier", text: word };
      }
      throw new ParseError("Unexpected character");
    }
  }

  string(): string {
    const text = this.text;
    let out = "";
    this.at++;
    for (;;) {
      const c = text[this.at];
      if (c === undefined) throw new ParseError("Unterminated string");
      if (c === '"') {
        this.at++;
        return out;
      }
      if (c === "\\") {
        const next = text[++this.at];
        if (next === undefined) throw new ParseError("Unterminated string");
        const simple: Record<string, string> = {
          b: "\b",
          t: "\t",
          n: "\n",
          f: "\f",
          r: "\r",
          '"': '"',
          "\\": "\\",
          "/": "/",
        };
        if (next in simple) out += simple[next];
        else if (next === "u") out += this.unicode();
        else throw new ParseError("Invalid escape sequence");
      } else {
        if (c === "\n") this.line++;
        out += c;
      }
      this.at++;
    }
  }

  /** \uXXXX (and a surrogate pair's \uXXXX\uXXXX); `at` is left on the last hex digit. */
  unicode(): string {
    const hex = (from: number) => {
      const digits = this.text.slice(from, from + 4);
      if (digits.length < 4) throw new ParseError("Unterminated string");
      if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw new ParseError("Malformed hex constant in string");
      return Number.parseInt(digits, 16);
    };
    const lead = hex(this.at + 1);
    this.at += 4;
    if ((lead & 0xfc00) === 0xdc00)
      throw new ParseError("Invalid UTF-16 sequence in string, unpaired trail surrogate");
    if ((lead & 0xfc00) !== 0xd800) return String.fromCharCode(lead);
    if (this.text[this.at + 1] !== "\\" || this.text[this.at + 2] !== "u")
      throw new ParseError("Invalid UTF-16 sequence in string, unpaired lead surrogate");
    const trail = hex(this.at + 3);
    if ((trail & 0xfc00) !== 0xdc00)
      throw new ParseError("Invalid UTF-16 sequence in string, unpaired lead surrogate");
    this.at += 6;
    return String.fromCharCode(lead, trail);
  }
}

// biome-ignore lint/suspicious/noShadowRestrictedNames: Godot calls this class JSON; importers choose to shadow
export class JSON {
  static new(): JSON {
    return new this();
  }

  #data: Variant = null;
  #text = "";
  #errorLine = 0;
  #errorMessage = "";

  /** Text for a value: `indent` per level (none: compact), keys sorted unless `sort_keys` is false. */
  static stringify(data: unknown, indent = "", sort_keys = true, full_precision = false): string {
    if (typeof indent !== "string") {
      printError(`JSON.stringify() needs a String indent, got ${describe(indent)}.`);
      return "";
    }
    return stringifyValue(data, indent, 0, sort_keys !== false, new Set(), full_precision === true);
  }

  /** The value `json_string` holds; null, with a print naming the line and the error, when it is not JSON. */
  static parse_string(json_string: string): Variant {
    const json = new JSON();
    if (json.parse(json_string) === OK) return json.get_data();
    printError(`Parse JSON failed. Error at line ${json.get_error_line()}: ${json.get_error_message()}`);
    return null;
  }

  /** A Variant as JSON-compatible data that keeps its Godot type ("i:1", {"type": "Vector2", "args": [1, 2]}). */
  static from_native(variant: unknown, full_objects = false): Variant {
    return jsonFromNative(variant, full_objects);
  }

  /** The Variant from_native's data stands for; null (with a print) when it is not such data. */
  static to_native(json: unknown, allow_objects = false): Variant {
    return jsonToNative(json, allow_objects);
  }

  /** Parses `json_text`: OK and get_data(), or ERR_PARSE_ERROR and get_error_line()/get_error_message(). */
  parse(json_text: string, keep_text = false): GodotError {
    if (typeof json_text !== "string") {
      printError(`JSON.parse() needs a String, got ${describe(json_text)}.`);
      return ERR_INVALID_PARAMETER;
    }
    const reader = new Reader(json_text);
    let error: GodotError = OK;
    try {
      if (json_text.length === 0) throw new ParseError("Unknown error getting token");
      const value = reader.value(0);
      if (reader.token() !== "EOF") {
        this.#data = null; // Godot resets its data only for this error; others leave the last data
        throw new ParseError("Expected 'EOF'");
      }
      this.#data = value;
      this.#errorLine = 0;
      this.#errorMessage = "";
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      error = e.code;
      this.#errorLine = reader.line;
      this.#errorMessage = e.message;
    }
    if (keep_text === true) this.#text = json_text;
    return error;
  }

  get data(): Variant {
    return this.#data;
  }
  set data(data: Variant) {
    this.set_data(data);
  }
  get_data(): Variant {
    return this.#data;
  }
  /** Sets the data (as a resource holds it); the kept text is cleared. */
  set_data(data: Variant): void {
    this.#data = data;
    this.#text = "";
  }
  /** The text the last parse(text, true) kept. */
  get_parsed_text(): string {
    return this.#text;
  }
  /** The line of the last parse error, counting from 0; 0 after a success. */
  get_error_line(): number {
    return this.#errorLine;
  }
  get_error_message(): string {
    return this.#errorMessage;
  }
}
