// Lua's string coercion, as `sendText(...)` / `sendBinary(...)` apply it to every argument.
import { describe, encodeUtf8 } from "@wsport/core/internal";

/** A message part: a string (UTF-8 on the wire), a number (formatted as Lua would) or raw bytes. */
export type Part = string | number | Uint8Array;

/**
 * A number as Lua 5.4's `tostring` writes it. JavaScript has no separate integer type, so every
 * safe integer is written as a Lua integer ("1", never "1.0"); the rest follow Lua's "%.14g".
 */
export function luaNumber(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  const [digits = "", power = "0"] = n.toExponential(13).split("e"); // 14 significant digits
  const exponent = Number(power);
  const text =
    exponent < -4 || exponent >= 14
      ? `${trimZeros(digits)}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`
      : trimZeros(n.toFixed(13 - exponent));
  return /^-?\d+$/.test(text) ? `${text}.0` : text; // Lua marks a float that looks whole with ".0"
}

function trimZeros(fixed: string): string {
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/**
 * Joins the parts with no separator. Strings and numbers alone stay a string (the common case, no
 * copy); as soon as one part is bytes, everything is joined byte by byte into one Uint8Array.
 */
export function joinParts(method: string, parts: readonly unknown[]): string | Uint8Array {
  // One string or one byte array, the usual send: no array of pieces, no copy.
  const only = parts.length === 1 ? parts[0] : undefined;
  if (typeof only === "string" || only instanceof Uint8Array) return only;
  const pieces = parts.map((part, i): string | Uint8Array => {
    if (typeof part === "string" || part instanceof Uint8Array) return part;
    if (typeof part === "number") return luaNumber(part);
    throw new TypeError(
      `bad argument #${i + 1} to '${method}' (string, number or Uint8Array expected, got ${describe(part)})`,
    );
  });
  if (pieces.every((piece) => typeof piece === "string")) return pieces.join("");
  const chunks = pieces.map((piece) => (typeof piece === "string" ? encodeUtf8(piece) : piece));
  const joined = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
