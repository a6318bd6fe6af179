// Lua's string library with Lua patterns. Positions are 1-based and negative ones count from the
// end, as in Lua. Strings are JavaScript strings: lengths and positions count UTF-16 units, which
// are Lua's bytes for ASCII text.

import { type LuaValue, len as luaLen, ret, tostring } from "./lua-core.js";
import { patternFind } from "./lua-pattern.js";
import { padField } from "./pad.js";

/** Lua's rule for a start position: negative from the end, 0 as 1. */
function startAt(s: string, i: number): number {
  if (i > 0) return i;
  if (i === 0) return 1;
  return Math.max(1, s.length + i + 1);
}

export const len = (s: string) => luaLen(s);
export const upper = (s: string) => s.toUpperCase();
export const lower = (s: string) => s.toLowerCase();
export const reverse = (s: string) => [...s].reverse().join("");
export const rep = (s: string, n: number, sep = "") => (n <= 0 ? "" : Array(n).fill(s).join(sep));

export function sub(s: string, i = 1, j = -1): string {
  const from = startAt(s, i);
  const to = j < 0 ? s.length + j + 1 : Math.min(j, s.length);
  return from > to ? "" : s.slice(from - 1, to);
}

export function byte(s: string, i = 1, j = i) {
  const from = startAt(s, i);
  const to = j < 0 ? s.length + j + 1 : Math.min(j, s.length);
  const out = ret();
  for (let k = from; k <= to; k++) out.push(s.charCodeAt(k - 1));
  return out;
}

export const char = (...codes: number[]) => String.fromCharCode(...codes);

/** string.find: plain or pattern; returns start, end (1-based) and the captures, or nil. */
export function find(s: string, pattern: string, init = 1, plain = false) {
  const from = startAt(s, init) - 1;
  if (from > s.length) return ret(undefined);
  if (plain || !/[\^$*+?.()[\]%-]/.test(pattern)) {
    const at = s.indexOf(pattern, from);
    return at < 0 ? ret(undefined) : ret(at + 1, at + pattern.length);
  }
  const m = patternFind(s, pattern, from);
  return m ? ret(m.start + 1, m.end, ...m.captures) : ret(undefined);
}

/** string.match: the captures (or the whole match), or nil. */
export function match(s: string, pattern: string, init = 1) {
  const m = patternFind(s, pattern, startAt(s, init) - 1);
  if (!m) return ret(undefined);
  return m.captures.length ? ret(...m.captures) : ret(s.slice(m.start, m.end));
}

/** string.gmatch: an iterator over the matches (for `for a, b in string.gmatch(…)`). */
export function gmatch(s: string, pattern: string) {
  let at = 0;
  return () => {
    while (at <= s.length) {
      const m = patternFind(s, pattern, at);
      if (!m) break;
      at = m.end > m.start ? m.end : m.end + 1;
      return m.captures.length ? ret(...m.captures) : ret(s.slice(m.start, m.end));
    }
    at = s.length + 1;
    return ret(undefined);
  };
}

/** string.gsub: the replacement a string (with %0–%9), a table or a function; returns the result and the count. */
export function gsub(s: string, pattern: string, repl: LuaValue, max = Number.POSITIVE_INFINITY) {
  let out = "";
  let at = 0;
  let count = 0;
  const anchored = pattern.startsWith("^");
  while (count < max) {
    const m = patternFind(s, pattern, at);
    if (!m || (anchored && m.start !== at)) break;
    out += s.slice(at, m.start);
    const whole = s.slice(m.start, m.end);
    const first = m.captures.length ? m.captures[0] : whole;
    let value: LuaValue;
    if (typeof repl === "string")
      value = repl.replace(/%([0-9%])/g, (_x, d: string) =>
        d === "%" ? "%" : tostring(d === "0" ? whole : (m.captures[Number(d) - 1] ?? whole)),
      );
    else if (typeof repl === "function") value = firstOf(repl(...(m.captures.length ? m.captures : [whole])));
    else value = repl[first as string];
    out += value === undefined || value === null || value === false ? whole : tostring(value);
    count++;
    if (m.end > m.start) at = m.end;
    else {
      if (m.start < s.length) out += s[m.start];
      at = m.start + 1;
    }
    if (at > s.length || anchored) break;
  }
  out += s.slice(at);
  return ret(out, count);
}

function firstOf(v: LuaValue): LuaValue {
  return Array.isArray(v) ? v[0] : v;
}

/** string.format: %d %i %u %c %x %X %o %e %E %f %g %G %q %s %a %%, with flags, width and precision. */
export function format(fmt: string, ...args: LuaValue[]): string {
  let n = 0;
  return fmt.replace(
    /%([-+ #0]*)(\d*)(?:\.(\d*))?([diucxXoeEfgGqsa%])/g,
    (_w, flags: string, width: string, prec: string | undefined, kind: string) => {
      if (kind === "%") return "%";
      const arg = args[n++];
      if (arg === undefined && kind !== "s" && kind !== "q")
        throw new TypeError(`bad argument #${n + 1} to 'format' (number expected, got no value)`);
      let text: string;
      const num = () => {
        const v = typeof arg === "string" ? Number(arg) : arg;
        if (typeof v !== "number" || Number.isNaN(v))
          throw new TypeError(`bad argument #${n + 1} to 'format' (number expected, got ${typeof arg})`);
        return v;
      };
      switch (kind) {
        case "d":
        case "i":
        case "u": {
          const v = num();
          if (!Number.isInteger(v))
            throw new TypeError(`bad argument #${n + 1} to 'format' (number has no integer representation)`);
          text = String(Math.abs(v));
          if (prec !== undefined) text = text.padStart(Number(prec), "0");
          text = (v < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "") + text;
          break;
        }
        case "c":
          text = String.fromCharCode(num());
          break;
        case "x":
        case "X":
        case "o":
          text = Math.trunc(num()).toString(kind === "o" ? 8 : 16);
          if (kind === "X") text = text.toUpperCase();
          break;
        case "e":
        case "E":
          text = num()
            .toExponential(prec === undefined ? 6 : Number(prec || 0))
            .replace(/e([+-])(\d)$/, "e$10$2");
          if (kind === "E") text = text.toUpperCase();
          break;
        case "f": {
          const v = num();
          text = v.toFixed(prec === undefined ? 6 : Number(prec || 0));
          if (v >= 0 && flags.includes("+")) text = `+${text}`;
          break;
        }
        case "g":
        case "G": {
          const v = num();
          const p = prec === undefined ? 6 : Math.max(1, Number(prec || 0));
          text = Number(v.toPrecision(p)).toString();
          if (Math.abs(v) >= 10 ** p || (v !== 0 && Math.abs(v) < 1e-4))
            text = v
              .toExponential(p - 1)
              .replace(/\.?0+e/, "e")
              .replace(/e([+-])(\d)$/, "e$10$2");
          if (kind === "G") text = text.toUpperCase();
          break;
        }
        case "q":
          text = `"${String(arg).replace(/[\\"\n\r\0]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\0" ? "\\0" : `\\${c}`))}"`;
          break;
        case "a":
          throw new Error("string.format: %a is not supported by wsport-port's runtime");
        default:
          text = tostring(arg);
          if (prec !== undefined) text = text.slice(0, Number(prec));
      }
      return padField(text, Number(width || 0), flags, kind !== "s");
    },
  );
}
export { pack, unpack } from "./lua-pack.js";
