// Follows Godot's core/variant/variant.cpp (Variant::stringify) and core/string/ustring.cpp (String::num).
// A Variant as text, as GDScript's str() and print() write it: strings inside containers quoted, floats
// with Godot's digits, vectors in parentheses, dictionaries as "{ key: value }".
import { dictionaryEntries, isDictionary } from "./dictionary.js";
import { structOfValue } from "./variant-structs.js";
import { GodotFloat, NodePath, StringName } from "./variant-types.js";

/**
 * Godot's digits for a float: `decimals` after the point (at most 16; by default 14 less the digits before
 * it, as String::num and JSON.stringify choose), trailing zeros dropped; "inf", "-inf", "nan".
 */
export function floatText(n: number, decimals?: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  if (Number.isInteger(n)) return String(n);
  const places = decimals ?? Math.max(1, 14 - Math.floor(Math.log10(Math.abs(n))));
  const fixed = n.toFixed(Math.min(places, 16));
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

/** A number as Godot prints it: an integer as is (JavaScript cannot tell 1 from 1.0), a GodotFloat with its ".0". */
function numberText(n: number, isFloat: boolean): string {
  const text = floatText(n);
  return isFloat && Number.isInteger(n) ? `${text}.0` : text;
}

/** String::c_escape, for strings shown inside containers. */
function quoted(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the bell character is one of the escapes
  const escaped = text.replace(/[\\"\n\t\r\f\b\v\x07]/g, (c) => {
    const names: Record<string, string> = {
      "\n": "n",
      "\t": "t",
      "\r": "r",
      "\f": "f",
      "\b": "b",
      "\v": "v",
      "\x07": "a",
    };
    return `\\${names[c] ?? c}`;
  });
  return `"${escaped}"`;
}

/** The text of one value; `nested` quotes strings, as Godot does inside arrays and dictionaries. */
export function variantText(value: unknown, nested = false, depth = 0): string {
  if (depth > 1024) return "[...]";
  if (typeof value === "string") return nested ? quoted(value) : value;
  if (typeof value === "number") return numberText(value, false);
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "<null>";
  if (value instanceof GodotFloat) return numberText(value.value, true);
  if (value instanceof StringName) return nested ? `&${quoted(String(value))}` : String(value);
  if (value instanceof NodePath) return nested ? `^${quoted(String(value))}` : String(value);
  if (typeof value === "function") return value.name ? `${value.name}` : "Callable";
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const items = Array.from(value as unknown as ArrayLike<unknown>, (v) => variantText(v, true, depth + 1));
    return `[${items.join(", ")}]`;
  }
  const struct = structOfValue(value as object);
  if (struct !== undefined) {
    const numbers = struct.flatten(value as never).map((n) => numberText(n, struct.kind !== "int"));
    return `(${numbers.join(", ")})`;
  }
  if (isDictionary(value)) {
    const entries = dictionaryEntries(value);
    const pairs = entries.map(
      ([k, v]) => `${variantText(k, true, depth + 1)}: ${variantText(v, true, depth + 1)}`,
    );
    return `{ ${pairs.join(", ")} }`;
  }
  return String(value);
}
