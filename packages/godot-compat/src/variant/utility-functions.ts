// Follows Godot's core/variant/variant_utility.cpp.
// The @GlobalScope utility functions beside the math (math-functions.ts): str and the print family
// (variadic, each argument written as str() writes it), typeof/type_string/type_convert, random numbers
// with Godot's generator, object validity by instance, and the Variant converters.
import { describe } from "@wsport/core/internal";
import { is_stdout_verbose } from "../core/global-scope.js";
import { GodotObject } from "../core/object.js";
import { printError } from "../core/print.js";
import { Pcg32 } from "./random.js";
import { variantText } from "./stringify.js";
import { TYPE_NAMES, variantType } from "./type-of.js";
import { bytes_to_var, var_to_bytes } from "./variant.js";
import * as T from "./variant-ids.js";
import { GodotFloat, NodePath, StringName, type Variant } from "./variant-types.js";

/** The arguments as one String, each as str() writes it: `str("a", 1, true)` is "a1true". */
export function str(arg1: unknown, ...args: unknown[]): string {
  return [arg1, ...args].map((a) => variantText(a)).join("");
}

function joined(name: string, args: unknown[]): string {
  // GDScript refuses the call at compile time; at run time Godot reports the missing argument.
  if (args.length === 0) return `Too few arguments for "${name}()" call. Expected at least 1 but received 0.`;
  return args.map((a) => variantText(a)).join("");
}

/** Prints the arguments joined without separators, and a newline. */
export function print(...args: unknown[]): void {
  console.log(args.map((a) => variantText(a)).join(""));
}
/** print with BBCode: the tags are dropped (a terminal shows no colours here). */
export function print_rich(...args: unknown[]): void {
  console.log(
    args
      .map((a) => variantText(a))
      .join("")
      .replace(/\[\/?[a-z_]+(?:=[^\]]*)?\]/gi, ""),
  );
}
/** Prints to standard error (no "ERROR:" prefix: that is push_error). */
export function printerr(...args: unknown[]): void {
  console.error(args.map((a) => variantText(a)).join(""));
}
/** The arguments separated by tabs. */
export function printt(...args: unknown[]): void {
  console.log(args.map((a) => variantText(a)).join("\t"));
}
/** The arguments separated by spaces. */
export function prints(...args: unknown[]): void {
  console.log(args.map((a) => variantText(a)).join(" "));
}
/** Without a newline (to standard output in Node; the console has no such thing, so a line there). */
export function printraw(...args: unknown[]): void {
  const text = args.map((a) => variantText(a)).join("");
  const stdout = (globalThis as { process?: { stdout?: { write(s: string): void } } }).process?.stdout;
  if (stdout) stdout.write(text);
  else console.log(text);
}
/** Prints the arguments joined without separators, only in verbose mode (Godot's `--verbose`). */
export function print_verbose(...args: unknown[]): void {
  if (is_stdout_verbose()) console.log(joined("print_verbose", args));
}
/** Prints "ERROR: " and the arguments joined without separators, as Godot's push_error does. */
export function push_error(...args: unknown[]): void {
  printError(joined("push_error", args));
}
/** Prints "WARNING: " and the arguments joined without separators, as Godot's push_warning does. */
export function push_warning(...args: unknown[]): void {
  console.warn(`WARNING: ${joined("push_warning", args)}`);
}

// --- types -------------------------------------------------------------------------------------

/** The TYPE_* id of a value (a whole JavaScript number is an int, any other number a float). */
export function typeof_(variable: unknown): number {
  return variantType(variable);
}
export { typeof_ as typeof };

/** A type's name ("int", "Vector2"), or "<invalid type>". */
export function type_string(type: number): string {
  return (Number.isInteger(type) && TYPE_NAMES[type]) || "<invalid type>";
}

/** The value converted to a type as Godot converts: numbers, bools, strings and names among each other. */
export function type_convert(variant: unknown, type: number): Variant {
  switch (type) {
    case T.TYPE_NIL:
      return null;
    case T.TYPE_BOOL:
      return typeof variant === "string"
        ? variant !== "" && variant !== "false" && variant !== "0"
        : Boolean(Number(variant) || (typeof variant === "object" && variant !== null));
    case T.TYPE_INT:
      return typeof variant === "string"
        ? Number.parseInt(variant, 10) || 0
        : Math.trunc(Number(variant) || 0);
    case T.TYPE_FLOAT:
      return new GodotFloat(
        typeof variant === "string" ? Number.parseFloat(variant) || 0 : Number(variant) || 0,
      );
    case T.TYPE_STRING:
      return variantText(variant);
    case T.TYPE_STRING_NAME:
      return new StringName(variantText(variant));
    case T.TYPE_NODE_PATH:
      return new NodePath(variantText(variant));
  }
  if (variantType(variant) === type) return variant as Variant;
  printError(`type_convert(): cannot convert ${describe(variant)} to ${type_string(type)}.`);
  return null;
}

/** Whether two values are the same: the same object, or equal plain values. */
export function is_same(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (a === 0 && b === 0);
}

// --- objects -----------------------------------------------------------------------------------

/** Whether `instance` is an object that has not been freed (a freed Node, for one, is not). */
export function is_instance_valid(instance: unknown): boolean {
  if (typeof instance !== "object" || instance === null) return false;
  return !(instance instanceof GodotObject) || !instance._freed;
}
/** The live Object with this instance id, or null. */
export function instance_from_id(instance_id: number): GodotObject | null {
  return GodotObject._fromId(instance_id);
}
export function is_instance_id_valid(id: number): boolean {
  return GodotObject._fromId(id) !== null;
}

/** Godot's WeakRef: get_ref() gives the object while it lives (and is not freed), then null. */
export class GodotWeakRef {
  readonly #ref: WeakRef<object>;
  constructor(object: object) {
    this.#ref = new WeakRef(object);
  }
  get_ref(): object | null {
    const object = this.#ref.deref();
    return object === undefined || !is_instance_valid(object) ? null : object;
  }
}
/** A weak reference to an object; null (with a print) for anything else. */
export function weakref(obj: object): GodotWeakRef | null {
  if (typeof obj !== "object" || obj === null) {
    printError(`weakref(): Argument "obj" must be an Object, got ${describe(obj)}.`);
    return null;
  }
  return new GodotWeakRef(obj);
}

let lastRid = 0;
/** A new unique id for a RID. */
export function rid_allocate_id(): number {
  return ++lastRid;
}

/** A hash of a value: equal values give equal hashes (the numbers are this port's, not Godot's). */
export function hash(variable: unknown): number {
  const text = `${variantType(variable)}:${variantText(variable, true)}`;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

// --- random numbers: Godot's PCG32, seeded at random at startup ----------------------------------

const generator = /* @__PURE__ */ new Pcg32(0n);
let seeded = false;
function rng(): Pcg32 {
  if (!seeded) randomize();
  return generator;
}

/** Seeds the generator from the clock and the system's randomness (Godot does it at startup). */
export function randomize(): void {
  const bits = new Uint32Array(2);
  globalThis.crypto.getRandomValues(bits);
  generator.seed((BigInt(bits[0]!) << 32n) | BigInt(bits[1]! ^ (Date.now() >>> 0)));
  seeded = true;
}
/** Makes the random numbers repeatable: the same seed gives the same sequence as in Godot. */
export function seed(base: number | bigint): void {
  if (typeof base !== "number" && typeof base !== "bigint") {
    printError(`seed() needs an int, got ${describe(base)}.`);
    return;
  }
  generator.seed(BigInt(typeof base === "number" ? Math.trunc(base) : base));
  seeded = true;
}
/** A random 32-bit unsigned integer. */
export function randi(): number {
  return rng().next();
}
/** A random float from 0 to 1. */
export function randf(): number {
  return rng().randf();
}
/** A random integer from `from` to `to`, both included (either order). */
export function randi_range(from: number, to: number): number {
  if (!Number.isInteger(from) || !Number.isInteger(to)) {
    printError(`randi_range() needs two ints, got ${describe(from)}, ${describe(to)}.`);
    return 0;
  }
  if (from === to) return from;
  const [low, high] = from < to ? [from, to] : [to, from];
  const span = high - low + 1;
  return span >= 0x100000000 ? low + rng().next() : low + rng().bounded(span);
}
export function randf_range(from: number, to: number): number {
  return randf() * (to - from) + from;
}
/** A normally distributed random number (Box-Muller, as Godot). */
export function randfn(mean: number, deviation: number): number {
  let u = randf();
  if (u < 0.00001) u += 0.00001;
  return mean + deviation * (Math.cos(Math.PI * 2 * randf()) * Math.sqrt(-2 * Math.log(u)));
}
/** `[value, next_seed]`: a random number from a seed, and the seed for the next call. */
export function rand_from_seed(seed_: number | bigint): [number, bigint] {
  const local = new Pcg32(BigInt(typeof seed_ === "number" ? Math.trunc(seed_) : seed_));
  const value = local.next();
  return [value, BigInt.asIntN(64, local.state)];
}

// --- Variants in bytes (objects are never encoded here) --------------------------------------------

/** var_to_bytes: an Object cannot be encoded, with or without this function's name. */
export const var_to_bytes_with_objects = (variable: unknown) => var_to_bytes(variable);
export const bytes_to_var_with_objects = (bytes: Uint8Array) => bytes_to_var(bytes);
