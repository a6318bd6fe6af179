// Follows Godot's core/core_bind.cpp (Marshalls).
// Godot's Marshalls: Variants, bytes and UTF-8 text as base64 (RFC 4648, with padding). GDScript calls it
// as a singleton (`Marshalls.raw_to_base64(bytes)`), so each method is also static here.
import { decodeUtf8, describe, encodeUtf8 } from "@wsport/core/internal";
import { printError } from "../core/print.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import { bytesToVar, encodeVar, type Variant } from "../variant/variant.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : "=";
  }
  return out;
}

/** The bytes base64 text stands for (line breaks and spaces skipped, as mbedTLS does), or null when it is not base64. */
function fromBase64(text: unknown): Uint8Array | null {
  if (typeof text !== "string") return null;
  const clean = text.replace(/[\r\n ]/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const digits = clean.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const c of digits) {
    value = (value << 6) | ALPHABET.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

function refused(caller: string, text: unknown): null {
  printError(`${caller}: ${describe(text)} is not base64 text.`);
  return null;
}

export class Marshalls {
  static new(): Marshalls {
    return new this();
  }

  /** The Variant in Godot's binary format (var_to_bytes), as base64; "" when it cannot be encoded. */
  variant_to_base64(variant: unknown, _full_objects = false): string {
    const encoded = encodeVar(variant, "variant_to_base64()");
    return typeof encoded === "number" ? "" : toBase64(encoded);
  }
  /** The Variant base64 text holds; null (with a print) when it is not base64 or not a Variant. */
  base64_to_variant(base64_str: string, allow_objects = false): Variant {
    const bytes = fromBase64(base64_str);
    if (bytes === null) return refused("base64_to_variant()", base64_str);
    const value = bytesToVar(bytes, allow_objects);
    if (value === null) printError("base64_to_variant(): Error when trying to decode Variant.");
    return value;
  }
  /** Bytes as base64; an empty array gives "" with a print, as in Godot. */
  raw_to_base64(array: Uint8Array): string {
    if (!(array instanceof Uint8Array)) {
      printError(`raw_to_base64() needs a PackedByteArray, got ${describe(array)}.`);
      return "";
    }
    if (array.length === 0) printError('raw_to_base64(): Condition "ret.is_empty()" is true.');
    return toBase64(array);
  }
  /** The bytes base64 text stands for; an empty array (with a print) when it is not base64. */
  base64_to_raw(base64_str: string): PackedByteArray {
    const bytes = fromBase64(base64_str);
    if (bytes === null) refused("base64_to_raw()", base64_str);
    return bytes === null ? new PackedByteArray(0) : new PackedByteArray(bytes);
  }
  /** Text as UTF-8, as base64. */
  utf8_to_base64(utf8_str: string): string {
    if (typeof utf8_str !== "string") {
      printError(`utf8_to_base64() needs a String, got ${describe(utf8_str)}.`);
      return "";
    }
    return toBase64(encodeUtf8(utf8_str));
  }
  /** The UTF-8 text base64 stands for; "" (with a print) when it is not base64. */
  base64_to_utf8(base64_str: string): string {
    const bytes = fromBase64(base64_str);
    return bytes === null ? (refused("base64_to_utf8()", base64_str) ?? "") : decodeUtf8(bytes);
  }

  // GDScript calls Marshalls as a singleton: Marshalls.raw_to_base64(bytes).
  static variant_to_base64(variant: unknown, full_objects = false): string {
    return singleton.variant_to_base64(variant, full_objects);
  }
  static base64_to_variant(base64_str: string, allow_objects = false): Variant {
    return singleton.base64_to_variant(base64_str, allow_objects);
  }
  static raw_to_base64(array: Uint8Array): string {
    return singleton.raw_to_base64(array);
  }
  static base64_to_raw(base64_str: string): PackedByteArray {
    return singleton.base64_to_raw(base64_str);
  }
  static utf8_to_base64(utf8_str: string): string {
    return singleton.utf8_to_base64(utf8_str);
  }
  static base64_to_utf8(base64_str: string): string {
    return singleton.base64_to_utf8(base64_str);
  }
}

const singleton = /* @__PURE__ */ new Marshalls();
