// Lua's string patterns (string.find, match, gmatch, gsub): character classes %a %d %l %s %u %w %x
// %p %c %g and their capitals, sets [...] with ranges, the quantifiers * + - ?, anchors, captures
// (with position captures `()`), %b and %f, and back-references %1–%9. Indices are 0-based here;
// the string library turns them into Lua's 1-based ones.

export type Capture = string | number;

interface State {
  src: string;
  pat: string;
  level: number;
  capture: Array<{ start: number; len: number }>; // len -1: open, -2: position capture
}

const CAP_UNFINISHED = -1;
const CAP_POSITION = -2;

function classEnd(ms: State, p: number): number {
  const c = ms.pat[p++];
  if (c === "%") {
    if (p >= ms.pat.length) throw new Error("malformed pattern (ends with '%')");
    return p + 1;
  }
  if (c === "[") {
    if (ms.pat[p] === "^") p++;
    do {
      if (p >= ms.pat.length) throw new Error("malformed pattern (missing ']')");
      const cc = ms.pat[p++];
      if (cc === "%") p++;
    } while (ms.pat[p] !== "]");
    return p + 1;
  }
  return p;
}

function singleClass(c: string, cl: string): boolean {
  const code = c.charCodeAt(0);
  let res: boolean;
  switch (cl.toLowerCase()) {
    case "a":
      res = /[A-Za-z]/.test(c);
      break;
    case "c":
      res = code < 32 || code === 127;
      break;
    case "d":
      res = code >= 48 && code <= 57;
      break;
    case "g":
      res = code > 32 && code < 127;
      break;
    case "l":
      res = code >= 97 && code <= 122;
      break;
    case "p":
      res = /[!-/:-@[-`{-~]/.test(c);
      break;
    case "s":
      res = c === " " || (code >= 9 && code <= 13);
      break;
    case "u":
      res = code >= 65 && code <= 90;
      break;
    case "w":
      res = /[A-Za-z0-9]/.test(c);
      break;
    case "x":
      res = /[0-9A-Fa-f]/.test(c);
      break;
    default:
      return cl === c;
  }
  return cl === cl.toUpperCase() && /[A-Z]/.test(cl) ? !res : res;
}

function matchSet(ms: State, c: string, p: number, ep: number): boolean {
  let negate = false;
  p++; // skip [
  if (ms.pat[p] === "^") {
    negate = true;
    p++;
  }
  while (p < ep) {
    if (ms.pat[p] === "%") {
      p++;
      if (singleClass(c, ms.pat[p]!)) return !negate;
      p++;
    } else if (ms.pat[p + 1] === "-" && p + 2 < ep) {
      if (ms.pat[p]! <= c && c <= ms.pat[p + 2]!) return !negate;
      p += 3;
    } else {
      if (ms.pat[p] === c) return !negate;
      p++;
    }
  }
  return negate;
}

function singleMatch(ms: State, s: number, p: number, ep: number): boolean {
  if (s >= ms.src.length) return false;
  const c = ms.src[s]!;
  switch (ms.pat[p]) {
    case ".":
      return true;
    case "%":
      return singleClass(c, ms.pat[p + 1]!);
    case "[":
      return matchSet(ms, c, p, ep - 1);
    default:
      return ms.pat[p] === c;
  }
}

function doMatch(ms: State, s: number, p: number): number {
  while (p < ms.pat.length) {
    const pc = ms.pat[p];
    if (pc === "(") {
      if (ms.pat[p + 1] === ")") return startCapture(ms, s, p + 2, CAP_POSITION);
      return startCapture(ms, s, p + 1, CAP_UNFINISHED);
    }
    if (pc === ")") return endCapture(ms, s, p + 1);
    if (pc === "$" && p + 1 === ms.pat.length) return s === ms.src.length ? s : -1;
    if (pc === "%" && ms.pat[p + 1] === "b") {
      s = matchBalance(ms, s, p + 2);
      if (s === -1) return -1;
      p += 4;
      continue;
    }
    if (pc === "%" && ms.pat[p + 1] === "f") {
      p += 2;
      if (ms.pat[p] !== "[") throw new Error("missing '[' after '%f' in pattern");
      const ep = classEnd(ms, p);
      const prev = s === 0 ? "\0" : ms.src[s - 1]!;
      const cur = s < ms.src.length ? ms.src[s]! : "\0";
      if (!matchSet(ms, prev, p, ep - 1) && matchSet(ms, cur, p, ep - 1)) {
        p = ep;
        continue;
      }
      return -1;
    }
    if (pc === "%" && /[0-9]/.test(ms.pat[p + 1] ?? "")) {
      const l = Number(ms.pat[p + 1]) - 1;
      const cap = ms.capture[l];
      if (!cap || cap.len < 0) throw new Error(`invalid capture index %${l + 1}`);
      const text = ms.src.substr(cap.start, cap.len);
      if (ms.src.startsWith(text, s)) {
        s += text.length;
        p += 2;
        continue;
      }
      return -1;
    }
    const ep = classEnd(ms, p);
    const q = ms.pat[ep];
    if (q === "?") {
      if (singleMatch(ms, s, p, ep)) {
        const r = doMatch(ms, s + 1, ep + 1);
        if (r !== -1) return r;
      }
      p = ep + 1;
      continue;
    }
    if (q === "+") return singleMatch(ms, s, p, ep) ? maxExpand(ms, s + 1, p, ep) : -1;
    if (q === "*") return maxExpand(ms, s, p, ep);
    if (q === "-") return minExpand(ms, s, p, ep);
    if (!singleMatch(ms, s, p, ep)) return -1;
    s++;
    p = ep;
  }
  return s;
}

function maxExpand(ms: State, s: number, p: number, ep: number): number {
  let i = 0;
  while (singleMatch(ms, s + i, p, ep)) i++;
  for (; i >= 0; i--) {
    const r = doMatch(ms, s + i, ep + 1);
    if (r !== -1) return r;
  }
  return -1;
}

function minExpand(ms: State, s: number, p: number, ep: number): number {
  for (;;) {
    const r = doMatch(ms, s, ep + 1);
    if (r !== -1) return r;
    if (singleMatch(ms, s, p, ep)) s++;
    else return -1;
  }
}

function startCapture(ms: State, s: number, p: number, what: number): number {
  ms.capture[ms.level++] = { start: s, len: what };
  const r = doMatch(ms, s, p);
  if (r === -1) ms.level--;
  return r;
}

function endCapture(ms: State, s: number, p: number): number {
  let l = -1;
  for (let i = ms.level - 1; i >= 0; i--)
    if (ms.capture[i]!.len === CAP_UNFINISHED) {
      l = i;
      break;
    }
  if (l < 0) throw new Error("invalid pattern capture");
  ms.capture[l]!.len = s - ms.capture[l]!.start;
  const r = doMatch(ms, s, p);
  if (r === -1) ms.capture[l]!.len = CAP_UNFINISHED;
  return r;
}

function matchBalance(ms: State, s: number, p: number): number {
  const open = ms.pat[p];
  const close = ms.pat[p + 1];
  if (open === undefined || close === undefined) throw new Error("missing arguments to '%b'");
  if (ms.src[s] !== open) return -1;
  let depth = 1;
  for (let i = s + 1; i < ms.src.length; i++) {
    if (ms.src[i] === close) {
      if (--depth === 0) return i + 1;
    } else if (ms.src[i] === open) depth++;
  }
  return -1;
}

/** One match of `pat` in `src` from 0-based `init`: its 0-based start and end, and its captures. */
export function patternFind(
  src: string,
  pat: string,
  init: number,
): { start: number; end: number; captures: Capture[] } | null {
  const anchor = pat.startsWith("^");
  const body = anchor ? pat.slice(1) : pat;
  for (let s = init; s <= src.length; s++) {
    const ms: State = { src, pat: body, level: 0, capture: [] };
    const e = doMatch(ms, s, 0);
    if (e !== -1) {
      const captures = ms.capture
        .slice(0, ms.level)
        .map((c) => (c.len === CAP_POSITION ? c.start + 1 : src.substr(c.start, c.len)));
      return { start: s, end: e, captures };
    }
    if (anchor) break;
  }
  return null;
}
