// The value of a Lua string literal: "…" and '…' with Lua's escapes, and long brackets [[…]], [==[…]==].

export function decodeLuaString(raw: string): string {
  const long = /^\[(=*)\[([\s\S]*)\]\1\]$/.exec(raw);
  if (long) return long[2]!.replace(/^\r?\n/, "");
  const body = raw.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|\d{1,3}|z\s*|\r\n|[\s\S])/g, (_m, e: string) => {
    if (e[0] === "x") return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (e[0] === "u") return String.fromCodePoint(Number.parseInt(e.slice(2, -1), 16));
    if (/^\d/.test(e)) return String.fromCharCode(Number(e));
    if (e[0] === "z") return "";
    const simple: Record<string, string> = {
      n: "\n",
      t: "\t",
      r: "\r",
      a: "\x07",
      b: "\b",
      f: "\f",
      v: "\v",
      "\n": "\n",
      "\r\n": "\n",
    };
    return simple[e] ?? e;
  });
}
