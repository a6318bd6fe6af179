// Handshake headers: the "Name: value\r\n" block some engines take, and checks for header records.
import { describe } from "./describe.js";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[\r\n\0]/;

/**
 * Parses a header block such as "X-Token: abc\r\nX-Team: red\r\n" into [name, value] pairs, in
 * order. Lines may end in \r\n or \n; a final line ending is optional. An empty line inside the
 * block, a line without a colon or a name that is not an HTTP token is a SyntaxError.
 */
export function parseHeaderBlock(block: unknown): Array<[string, string]> {
  if (typeof block !== "string") throw new TypeError(`Header block must be a string, got ${typeof block}`);
  const lines = block.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line, index) => {
    if (line === "") throw new SyntaxError(`Header block has an empty line (line ${index + 1})`);
    const colon = line.indexOf(":");
    if (colon <= 0) throw new SyntaxError(`Header line ${index + 1} ('${line}') is not 'Name: value'`);
    const name = line.slice(0, colon).trim();
    if (!TOKEN.test(name))
      throw new SyntaxError(`Header name '${name}' on line ${index + 1} is not a valid token`);
    const value = line.slice(colon + 1).trim();
    if (BAD_VALUE.test(value)) throw new SyntaxError(`Header '${name}' has a control character in its value`);
    return [name, value];
  });
}

/** Throws unless `headers` is a plain record of valid header names to string values. */
export function assertHeaders(headers: unknown): asserts headers is Record<string, string> {
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw new TypeError(`headers must be an object of name → value, got ${describe(headers)}`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw new SyntaxError(`Header name '${name}' is not a valid token`);
    if (typeof value !== "string")
      throw new TypeError(`Header '${name}' must be a string, got ${describe(value)}`);
    if (BAD_VALUE.test(value)) throw new SyntaxError(`Header '${name}' has a control character in its value`);
  }
}

/** True when `name` may be a subprotocol or header name (an HTTP token). */
export function isToken(name: string): boolean {
  return TOKEN.test(name);
}
