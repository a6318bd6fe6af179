// biome-ignore-all lint/suspicious/noExplicitAny: a Callable takes and returns whatever its target does
// Follows Godot's core/variant/callable.cpp and callable_bind.cpp.
// Godot 4's Callable: a method of an object (Callable(node, "method")) or a function, with arguments
// bound (appended, as Godot's bind does: JavaScript's bind prepends) or unbound (the last ones dropped).
// A Callable is itself a function, so it connects to signals and calls like one: `callable(1)` and
// `callable.call(1)` are the same call (call() here is Godot's, not JavaScript's).
import { describe } from "@wsport/core/internal";
import { callDeferred } from "./message-queue.js";
import { printError } from "./print.js";

type Fn = (...args: any[]) => unknown;
type Step = { bind: readonly unknown[] } | { unbind: number };

/** An object a standard Callable can name: anything with methods; a freed Godot object is not valid. */
interface Target {
  [method: string]: unknown;
}

/** Makes `new Callable()` give the function itself, so that its private fields are on the function. */
const FunctionObject = function (this: unknown, fn: Fn) {
  return fn;
} as unknown as new (
  fn: Fn,
) => object;
Object.setPrototypeOf(FunctionObject.prototype, Function.prototype);

/** A freed Godot Object (Object.free()) is no longer a valid target. */
const freed = (object: object): boolean => (object as { _freed?: boolean })._freed === true;

// A Callable is called like a function: this interface merges the call into the class's instances.
export interface Callable {
  // biome-ignore lint/style/useShorthandFunctionType: an interface merges with the class; a type alias cannot
  (...args: any[]): any;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the call signature is real: the constructor returns a function
export class Callable extends FunctionObject {
  #object: Target | null = null;
  #method = "";
  #fn: Fn | null = null;
  #steps: readonly Step[] = [];

  /** `Callable()` (null), `Callable(object, "method")`, or a Callable around a function or another Callable. */
  constructor(object: object | Fn | null = null, method?: string) {
    const call = (...args: unknown[]) => (call as unknown as Callable).call(...args);
    super(call);
    Object.setPrototypeOf(this, new.target.prototype);
    if (object instanceof Callable) {
      this.#object = object.#object;
      this.#method = object.#method;
      this.#fn = object.#fn;
      this.#steps = object.#steps;
    } else if (typeof object === "function" && method === undefined) {
      this.#fn = object as Fn;
      this.#method = (object as Fn).name;
    } else if (object !== null && typeof method === "string") {
      this.#object = object as unknown as Target;
      this.#method = method;
    } else if (object !== null || method !== undefined) {
      printError(
        `Callable() needs an object and a method name, got ${describe(object)}, ${describe(method)}.`,
      );
    }
  }

  /** `Callable.create(variant, "method")`. */
  static create(variant: object, method: string): Callable {
    return new Callable(variant, method);
  }

  #with(step: Step): Callable {
    const next = new Callable(this);
    next.#steps = [...this.#steps, step];
    return next;
  }

  /** Calls with `args`, then the bound arguments (each bind appends, each unbind drops the last ones). */
  call(...args: unknown[]): any {
    let list = args;
    for (let i = this.#steps.length - 1; i >= 0; i--) {
      const step = this.#steps[i]!;
      if ("bind" in step) list = [...list, ...step.bind];
      else list = list.slice(0, Math.max(0, list.length - step.unbind));
    }
    if (this.#fn !== null) return this.#fn(...list);
    const object = this.#object;
    const method = object?.[this.#method];
    if (object === null || freed(object) || typeof method !== "function") {
      const owner = object === null ? "null" : (object.constructor as { name?: string })?.name;
      printError(
        `Attempt to call function '${owner}::${this.#method || "null"}' on ${object === null ? "a null instance" : "an invalid target"}.`,
      );
      return null;
    }
    return (method as Fn).apply(object, list);
  }
  callv(arguments_: unknown[]): any {
    if (!Array.isArray(arguments_)) {
      printError(`callv() needs an Array, got ${describe(arguments_)}.`);
      return null;
    }
    return this.call(...arguments_);
  }
  /** Calls after the current work (see message-queue.ts). */
  call_deferred(...args: unknown[]): void {
    callDeferred(() => this.call(...args));
  }
  /** The same call on every peer: the target must be a Node with this method as an RPC. */
  rpc(...args: unknown[]): any {
    return this.#rpc("rpc", args);
  }
  rpc_id(peer_id: number, ...args: unknown[]): any {
    return this.#rpc("rpc_id", [peer_id, ...args]);
  }
  #rpc(kind: "rpc" | "rpc_id", args: unknown[]): any {
    const object = this.#object;
    if (object === null || typeof object[kind] !== "function") {
      printError(`Callable.${kind}() needs a Callable of a Node's method.`);
      return 31; // ERR_INVALID_PARAMETER
    }
    if (kind === "rpc") return (object.rpc as Fn)(this.#method, ...args);
    return (object.rpc_id as Fn)(args[0], this.#method, ...args.slice(1));
  }

  /** A Callable that appends `args` to every call (Godot's order; JavaScript's bind prepends). */
  bind(...args: unknown[]): Callable {
    return this.#with({ bind: args });
  }
  bindv(arguments_: unknown[]): Callable {
    if (!Array.isArray(arguments_)) {
      printError(`bindv() needs an Array, got ${describe(arguments_)}.`);
      return new Callable(this);
    }
    return this.bind(...arguments_);
  }
  /** A Callable that drops the last `argcount` arguments of every call. */
  unbind(argcount: number): Callable {
    if (!Number.isInteger(argcount) || argcount <= 0) {
      printError("Amount of unbind() arguments must be 1 or greater.");
      return new Callable(this);
    }
    return this.#with({ unbind: argcount });
  }

  is_null(): boolean {
    return this.#fn === null && this.#object === null;
  }
  /** A function, or a bound or unbound Callable (Godot's custom callables). */
  is_custom(): boolean {
    return this.#fn !== null || this.#steps.length > 0;
  }
  /** An object and a method name, nothing bound. */
  is_standard(): boolean {
    return !this.is_custom() && this.#object !== null;
  }
  /** Whether a call would reach a method: the object is alive and has it (a function is always valid). */
  is_valid(): boolean {
    if (this.#fn !== null) return true;
    const object = this.#object;
    return object !== null && !freed(object) && typeof object[this.#method] === "function";
  }
  get_object(): object | null {
    return this.#object;
  }
  get_object_id(): number {
    const object = this.#object as { get_instance_id?: () => number } | null;
    return typeof object?.get_instance_id === "function" ? object.get_instance_id() : 0;
  }
  get_method(): string {
    return this.#method;
  }
  /** The arguments a call takes: the target's, less those bound, plus those unbound. */
  get_argument_count(): number {
    const target = this.#fn ?? (this.#object?.[this.#method] as Fn | undefined);
    const base = typeof target === "function" ? target.length : 0;
    return Math.max(0, base - this.get_bound_arguments_count() + this.get_unbound_arguments_count());
  }
  /** The arguments every call gets appended, in the order they arrive (an unbind inside a bind drops bound ones). */
  get_bound_arguments(): unknown[] {
    let bound: unknown[] = [];
    for (let i = this.#steps.length - 1; i >= 0; i--) {
      const step = this.#steps[i]!;
      if ("bind" in step) bound = [...bound, ...step.bind];
      else bound = bound.slice(0, Math.max(0, bound.length - step.unbind));
    }
    return bound;
  }
  get_bound_arguments_count(): number {
    return this.get_bound_arguments().length;
  }
  get_unbound_arguments_count(): number {
    return this.#steps.reduce((n, step) => n + ("unbind" in step ? step.unbind : 0), 0);
  }
  /** A number that is the same for equal Callables. */
  hash(): number {
    const key = `${this.get_object_id()}:${this.#method}:${this.#steps.length}`;
    let h = 5381;
    for (let i = 0; i < key.length; i++) h = ((h * 33) ^ key.charCodeAt(i)) >>> 0;
    return h;
  }

  /** @internal Godot's ==: the same function, or the same object and method, with the same bindings. */
  _equals(other: unknown): boolean {
    if (!(other instanceof Callable)) return false;
    if (this.#fn !== null || other.#fn !== null)
      return this.#fn === other.#fn && this.#steps === other.#steps;
    return (
      this.#object === other.#object &&
      this.#method === other.#method &&
      this.#steps.length === 0 &&
      other.#steps.length === 0
    );
  }
}
