// string.pack and string.unpack (Lua 5.3) for the formats network code uses: `<` `>` `=` endianness,
// b B h H i[n] I[n] l L j J T integers, f d n floats, s[n] and z strings, x padding. Packed data is
// bytes (a Uint8Array), which the compat packages send as a binary message.
import { type LuaValue, ret } from "./lua-core.js";

interface Item {
  kind: "int" | "uint" | "float" | "string" | "zstring" | "pad";
  size: number;
}

function parse(format: string): { little: boolean; items: Item[] } {
  let little = true;
  const items: Item[] = [];
  const re = /([<>=!])|([bBhHlLjJTfdnxz])|([iIs])(\d*)|(\s)|(.)/g;
  for (const m of format.matchAll(re)) {
    if (m[1]) {
      if (m[1] === "!")
        throw new Error("string.pack: '!' (alignment) is not supported by wsport-port's runtime");
      little = m[1] !== ">";
    } else if (m[2]) {
      const c = m[2];
      const sizes: Record<string, number> = {
        b: 1,
        B: 1,
        h: 2,
        H: 2,
        l: 8,
        L: 8,
        j: 8,
        J: 8,
        T: 8,
        f: 4,
        d: 8,
        n: 8,
        x: 1,
        z: 0,
      };
      const kind = "fdn".includes(c)
        ? "float"
        : c === "x"
          ? "pad"
          : c === "z"
            ? "zstring"
            : c === c.toUpperCase()
              ? "uint"
              : "int";
      items.push({ kind, size: sizes[c]! });
    } else if (m[3]) {
      const size = m[4] ? Number(m[4]) : m[3] === "s" ? 8 : 4;
      if (size < 1 || size > 8) throw new RangeError(`integral size (${size}) out of limits [1,8]`);
      items.push({ kind: m[3] === "s" ? "string" : m[3] === "I" ? "uint" : "int", size });
    } else if (m[6]) throw new Error(`invalid format option '${m[6]}'`);
  }
  return { little, items };
}

function intBytes(value: bigint, size: number, little: boolean): number[] {
  const out: number[] = [];
  let v = BigInt.asUintN(size * 8, value);
  for (let i = 0; i < size; i++) {
    out.push(Number(v & 0xffn));
    v >>= 8n;
  }
  return little ? out : out.reverse();
}

/** string.pack(fmt, v1, v2, …): the values as bytes. */
export function pack(format: string, ...values: LuaValue[]): Uint8Array {
  const { little, items } = parse(format);
  const out: number[] = [];
  let n = 0;
  for (const item of items) {
    if (item.kind === "pad") {
      out.push(0);
      continue;
    }
    const v = values[n++];
    if (v === undefined) throw new TypeError(`bad argument #${n + 1} to 'pack' (no value)`);
    if (item.kind === "int" || item.kind === "uint") {
      if (typeof v !== "number" || !Number.isInteger(v))
        throw new TypeError(`bad argument #${n + 1} to 'pack' (number has no integer representation)`);
      out.push(...intBytes(BigInt(v), item.size, little));
    } else if (item.kind === "float") {
      const view = new DataView(new ArrayBuffer(item.size));
      if (item.size === 4) view.setFloat32(0, v, little);
      else view.setFloat64(0, v, little);
      out.push(...new Uint8Array(view.buffer));
    } else {
      const bytes = typeof v === "string" ? new TextEncoder().encode(v) : (v as Uint8Array);
      if (item.kind === "string") out.push(...intBytes(BigInt(bytes.length), item.size, little), ...bytes);
      else out.push(...bytes, 0);
    }
  }
  return Uint8Array.from(out);
}

/** string.unpack(fmt, data, pos): the values, then the position after them (1-based). */
export function unpack(format: string, data: Uint8Array | string, pos = 1) {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const { little, items } = parse(format);
  const values: LuaValue[] = [];
  let at = pos - 1;
  const take = (size: number) => {
    if (at + size > bytes.length) throw new RangeError("bad argument #2 to 'unpack' (data string too short)");
    const slice = bytes.subarray(at, at + size);
    at += size;
    return little ? [...slice] : [...slice].reverse();
  };
  for (const item of items) {
    if (item.kind === "pad") at += 1;
    else if (item.kind === "int" || item.kind === "uint") {
      let v = 0n;
      for (const [i, b] of take(item.size).entries()) v |= BigInt(b) << BigInt(8 * i);
      values.push(Number(item.kind === "int" ? BigInt.asIntN(item.size * 8, v) : v));
    } else if (item.kind === "float") {
      const view = new DataView(Uint8Array.from(take(item.size)).buffer);
      values.push(item.size === 4 ? view.getFloat32(0, true) : view.getFloat64(0, true));
    } else if (item.kind === "string") {
      let length = 0n;
      for (const [i, b] of take(item.size).entries()) length |= BigInt(b) << BigInt(8 * i);
      values.push(new TextDecoder().decode(bytes.subarray(at, at + Number(length))));
      at += Number(length);
    } else {
      const end = bytes.indexOf(0, at);
      if (end < 0) throw new RangeError("unfinished string for format 'z'");
      values.push(new TextDecoder().decode(bytes.subarray(at, end)));
      at = end + 1;
    }
  }
  return ret(...values, at + 1);
}
