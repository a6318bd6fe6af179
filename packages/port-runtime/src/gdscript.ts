// The GDScript semantics JavaScript lacks, for translated scripts (`import { gd } from "@wsport/port-runtime"`):
// integer division, `%` formatting, typeof/is/in, truthiness, for-in over any container, `await`
// on a signal, scene-unique `%Name` paths, and the methods of String, Array and Dictionary, which
// a script calls on values whose type the translator cannot see (so the receiver decides here).

import {
  type Node,
  Signal,
  str,
  TYPE_ARRAY,
  TYPE_BOOL,
  TYPE_CALLABLE,
  TYPE_DICTIONARY,
  TYPE_FLOAT,
  TYPE_INT,
  TYPE_NIL,
  TYPE_OBJECT,
  TYPE_PACKED_BYTE_ARRAY,
  TYPE_STRING,
} from "@wsport/godot-compat";
import { Dictionary } from "./gd-dictionary.js";
import { call, isGodotDictionary } from "./gd-methods.js";
import type { Variant } from "./gd-variant.js";
import { padField } from "./pad.js";

export type { Variant } from "./gd-variant.js";
export { Dictionary };

/** GDScript's print(): the arguments as str() writes them, with no separator. */
export function print(...args: unknown[]): void {
  console.log(args.map((arg) => str(arg)).join(""));
}

/** A Dictionary literal `{ "a": 1, 2: "b" }`. */
export function dict(entries: Array<[unknown, unknown]> = []): Dictionary<Variant, Variant> {
  return new Dictionary(entries);
}

/** `a / b` on two ints: truncated toward zero, as GDScript's integer division. */
export function idiv(a: number, b: number): number {
  if (b === 0) throw new RangeError("Division by zero error in operator '/'.");
  return Math.trunc(a / b);
}

/** `a % b`: String formatting when `a` is a String, else the remainder (its sign is the dividend's, as in GDScript). */
export function mod(a: Variant, b: Variant): Variant {
  if (typeof a === "string") return format(a, b);
  if (b === 0) throw new RangeError("Division by zero error in operator '%'.");
  return a % b;
}

/** `1 << n`, `a >> n`, `&`, `|`, `^`, `~` on GDScript's 64-bit ints (JavaScript's are 32-bit). */
export function shl(a: number, b: number): number {
  return Number(BigInt.asIntN(64, BigInt(a) << BigInt(b)));
}
export function shr(a: number, b: number): number {
  return Number(BigInt.asIntN(64, BigInt(a) >> BigInt(b)));
}
export function band(a: number, b: number): number {
  return Number(BigInt.asIntN(64, BigInt(a) & BigInt(b)));
}
export function bor(a: number, b: number): number {
  return Number(BigInt.asIntN(64, BigInt(a) | BigInt(b)));
}
export function bxor(a: number, b: number): number {
  return Number(BigInt.asIntN(64, BigInt(a) ^ BigInt(b)));
}
export function bnot(a: number): number {
  return Number(BigInt.asIntN(64, ~BigInt(a)));
}

/** `"%s: %d" % [a, b]`: Godot's format placeholders (%s %d %i %f %x %X %o %c %%, width, `-`, `0`, `.n`). */
export function format(template: string, values: Variant): string {
  const args: unknown[] = Array.isArray(values) ? [...values] : [values];
  let used = 0;
  const out = template.replace(
    /%([-+0]*)(\d*|\*)(?:\.(\d+))?([sdifxXoc%v])/g,
    (_whole, flags, width, prec, kind) => {
      if (kind === "%") return "%";
      if (used >= args.length)
        throw new Error("String formatting error: not enough arguments for format string.");
      if (width === "*") width = String(args[used++]);
      const value = args[used++];
      let text: string;
      switch (kind) {
        case "s":
        case "v":
          text = str(value);
          break;
        case "d":
        case "i":
          text = String(Math.trunc(Number(value)));
          break;
        case "f":
          text = Number(value).toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case "x":
          text = Math.trunc(Number(value)).toString(16);
          break;
        case "X":
          text = Math.trunc(Number(value)).toString(16).toUpperCase();
          break;
        case "o":
          text = Math.trunc(Number(value)).toString(8);
          break;
        default:
          text = typeof value === "number" ? String.fromCodePoint(value) : String(value);
      }
      if (flags.includes("+") && typeof value === "number" && value >= 0 && kind !== "s") text = `+${text}`;
      return padField(text, Number(width || 0), flags, kind !== "s");
    },
  );
  if (used < args.length)
    throw new Error("String formatting error: not all arguments converted during string formatting.");
  return out;
}

/** GDScript's typeof(): a TYPE_* constant. Whole numbers are TYPE_INT, as godot-compat's Variant encoding counts them. */
export function typeof_(value: Variant): number {
  if (value === null || value === undefined) return TYPE_NIL;
  if (typeof value === "boolean") return TYPE_BOOL;
  if (typeof value === "number") return Number.isInteger(value) ? TYPE_INT : TYPE_FLOAT;
  if (typeof value === "string") return TYPE_STRING;
  if (typeof value === "function") return TYPE_CALLABLE;
  if (Array.isArray(value)) return TYPE_ARRAY;
  if (value instanceof Dictionary || isGodotDictionary(value)) return TYPE_DICTIONARY;
  if (value instanceof Uint8Array) return TYPE_PACKED_BYTE_ARRAY;
  return TYPE_OBJECT;
}

/** `x is int`, `x is String` … for Godot's built-in types (classes use instanceof). */
export function is(value: Variant, type: number): boolean {
  return typeof_(value) === type;
}

/** `value as SomeClass`: the value when it is one, else null (as GDScript's `as` on objects). */
export function as_<T>(value: Variant, type: abstract new (...args: never[]) => T): T | null {
  return value instanceof type ? value : null;
}

/** `value as Dictionary`, `value as Array`: the value when it is one, else Godot's error. */
export function as_type(value: Variant, type: number): Variant {
  if (typeof_(value) === type) return value;
  throw new TypeError(
    `Invalid cast: could not convert value to '${type === TYPE_DICTIONARY ? "Dictionary" : "Array"}'.`,
  );
}

/** GDScript's truthiness: null, false, 0, 0.0, "" and empty containers are false. */
export function truthy(value: Variant): boolean {
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length > 0;
  if (value instanceof Dictionary) return !value.is_empty();
  if (isGodotDictionary(value)) return call(value, "size") !== 0;
  return Boolean(value);
}

/** `a in b`: an element of an Array, a key of a Dictionary, a substring of a String. */
export function has(container: Variant, value: Variant): boolean {
  if (typeof container === "string") return container.includes(value);
  if (Array.isArray(container) || container instanceof Uint8Array)
    return (container as ArrayLike<unknown> & { includes(v: unknown): boolean }).includes(value);
  if (container instanceof Dictionary) return container.has(value);
  if (isGodotDictionary(container)) return call(container, "has", value);
  if (container !== null && typeof container === "object") return value in container;
  throw new TypeError(`Invalid operands for operator "in": ${str(container)} is not a container.`);
}

/** `for x in value`: an int counts up from 0, a Dictionary gives its keys, a String its characters. */
export function iter(value: Variant): Iterable<Variant> {
  if (typeof value === "number") return range(value);
  if (isGodotDictionary(value)) return call(value, "keys");
  if (value !== null && typeof value === "object" && Symbol.iterator in value)
    return value as Iterable<Variant>;
  if (typeof value === "string") return [...value];
  throw new TypeError(`Unable to iterate on object of type ${str(value)}.`);
}

/** range(end), range(begin, end), range(begin, end, step) as an Array, as GDScript's. */
export function range(a: number, b?: number, step = 1): number[] {
  const [from, to] = b === undefined ? [0, a] : [a, b];
  if (step === 0) throw new RangeError("range(): step argument is zero!");
  const out: number[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) out.push(i);
  return out;
}

/** len() of a String, Array, Dictionary or PackedByteArray. */
export function len(value: Variant): number {
  if (typeof value === "string" || Array.isArray(value) || value instanceof Uint8Array) return value.length;
  if (value instanceof Dictionary) return value.size();
  throw new TypeError(`len(): argument of type ${typeof value} has no length.`);
}

/** `await x`: a Signal waits for its next emission (its arguments: none, one, or an Array); anything else is itself. */
export function wait(value: Variant): Promise<Variant> {
  if (value instanceof Signal) {
    return new Promise((resolve) => {
      const once = (...args: unknown[]) => {
        value.disconnect(once);
        resolve(args.length === 0 ? null : args.length === 1 ? args[0] : args);
      };
      value.connect(once);
    });
  }
  return Promise.resolve(value);
}

/** `$Path/To`, `%Unique` and `%Unique/Child`: get_node with scene-unique names found under the scene's root. */
export function get_node(self: Node, path: string): Variant {
  if (!path.startsWith("%")) return self.get_node(path);
  const [unique, ...rest] = path.slice(1).split("/");
  let root: Node = self;
  while (root.get_parent() !== null && root.get_parent()?.get_parent() !== null) root = root.get_parent()!;
  const found = find(root, unique!);
  if (found === null) return self.get_node(path); // Godot's "Node not found" error, and null
  return rest.length ? found.get_node(rest.join("/")) : found;
}

function find(node: Node, name: string): Node | null {
  for (const child of node.get_children()) {
    if (child.name === name) return child;
    const deeper = find(child, name);
    if (deeper) return deeper;
  }
  return null;
}

/** `callable.bind(a, b)`: GDScript appends bound arguments after the call's own (JavaScript's bind prepends). */
export function bind<A extends unknown[]>(callable: (...args: Variant[]) => Variant, ...bound: A) {
  return (...args: Variant[]) => callable(...args, ...bound);
}

/** GDScript's int(): truncates toward zero; a String is parsed as Godot does (leading digits). */
/** GDScript's `char(code)`: the one-character String of a Unicode code point. */
export function char(code: Variant): string {
  if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) return String.fromCodePoint(code);
  console.error(
    `ERROR: char(): ${String(code)} is not a Unicode code point (an integer from 0 to 0x10FFFF).`,
  );
  return "";
}

export function int(value: Variant): number {
  if (typeof value === "string") return Math.trunc(Number.parseFloat(value) || 0);
  if (typeof value === "boolean") return value ? 1 : 0;
  return Math.trunc(Number(value));
}

/** GDScript's float(): a String is parsed, a bool is 0.0 or 1.0. */
export function float(value: Variant): number {
  if (typeof value === "string") return Number.parseFloat(value) || 0;
  return Number(value);
}

export * from "./gd-methods.js";
export { str };

/** `a[k]`: an Array or String (negative indices from the end), a Dictionary's key, an object's property. */
export function index(target: Variant, key: Variant): Variant {
  if (Array.isArray(target) || typeof target === "string" || target instanceof Uint8Array) {
    const i = key < 0 ? target.length + key : key;
    if (!Number.isInteger(i) || i < 0 || i >= target.length)
      throw new RangeError(
        `Out of bounds get index '${key}' (on base: '${typeof target === "string" ? "String" : "Array"}')`,
      );
    return target[i];
  }
  if (target instanceof Dictionary || isGodotDictionary(target)) {
    if (!call(target, "has", key))
      throw new RangeError(
        `Invalid access to property or key '${str(key)}' on a base object of type 'Dictionary'.`,
      );
    return call(target, "get", key);
  }
  if (target === null || target === undefined)
    throw new TypeError(`Invalid access to property or key '${str(key)}' on a base object of type 'Nil'.`);
  return target[key];
}

/** `a[k] = v`, with the same rules as index(). */
export function set_index(target: Variant, key: Variant, value: Variant): void {
  if (Array.isArray(target) || target instanceof Uint8Array) {
    const i = key < 0 ? target.length + key : key;
    if (!Number.isInteger(i) || i < 0 || i >= target.length)
      throw new RangeError(`Out of bounds set index '${key}' (on base: 'Array')`);
    target[i] = value;
  } else if (target instanceof Dictionary || target instanceof Map) target.set(key, value);
  else if (target === null || target === undefined)
    throw new TypeError(
      `Invalid assignment of property or key '${str(key)}' on a base object of type 'Nil'.`,
    );
  else target[key] = value;
}

/**
 * GDScript's RefCounted (and Object): a script with no `extends`. The collector frees it. As with
 * godot-compat's Node, its script methods are bound to it, as `signal.connect(_on_done)` expects.
 */
export class RefCounted {
  constructor() {
    for (
      let proto = Object.getPrototypeOf(this);
      proto && proto !== RefCounted.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
        if (key === "constructor" || typeof descriptor.value !== "function" || Object.hasOwn(this, key))
          continue;
        Object.defineProperty(this, key, {
          value: descriptor.value.bind(this),
          writable: true,
          configurable: true,
        });
      }
    }
  }
}

const stopped = new WeakMap<Node, unknown>();

/**
 * Node.set_process(false) / (true): godot-compat's SceneTree calls a node's `_process` when it has
 * one, so stopping takes it away from the node and starting gives it back.
 */
export function set_process(node: Node, enabled: boolean): void {
  const own = node as unknown as { _process?: unknown };
  if (!enabled && !stopped.has(node)) {
    stopped.set(node, own._process);
    Object.defineProperty(node, "_process", { value: undefined, writable: true, configurable: true });
  } else if (enabled && stopped.has(node)) {
    Object.defineProperty(node, "_process", { value: stopped.get(node), writable: true, configurable: true });
    stopped.delete(node);
  }
}

/** Node.is_processing(): false after set_process(false) (Godot also says false for a node with no _process; this does not). */
export function is_processing(node: Node): boolean {
  return !stopped.has(node);
}
