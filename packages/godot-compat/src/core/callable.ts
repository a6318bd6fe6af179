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

/** A freed Godot Object (Object.free()) is no longer a valid target. */
const freed = (object: object): boolean => (object as { _freed?: boolean })._freed === true;

// A Callable is called like a function: this interface merges the call into the class's instances.
export interface Callable {
  // biome-ignore lint/style/useShorthandFunctionType: an interface merges with the class; a type alias cannot
  (...args: any[]): any;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the call signature is real: the constructor returns a function
export class Callable {
  // The state lives on the function the constructor returns (a class field would go to the discarded `this`).
  /** @internal */ declare _object: Target | null;
  /** @internal */ declare _method: string;
  /** @internal */ declare _fn: Fn | null;
  /** @internal */ declare _steps: readonly Step[];

  /** `Callable()` (null), `Callable(object, "method")`, or a Callable around a function or another Callable. */
  constructor(object: object | Fn | null = null, method?: string) {
    const self = ((...args: unknown[]) => self.call(...args)) as unknown as Callable;
    // Callables are functions: apply() and the like come from Function.prototype, call() and bind() are Godot's.
    if (Object.getPrototypeOf(Callable.prototype) !== Function.prototype) {
      Object.setPrototypeOf(Callable.prototype, Function.prototype);
    }
    Object.setPrototypeOf(self, new.target.prototype);
    self._object = null;
    self._method = "";
    self._fn = null;
    self._steps = [];
    if (object instanceof Callable) {
      self._object = object._object;
      self._method = object._method;
      self._fn = object._fn;
      self._steps = object._steps;
    } else if (typeof object === "function" && method === undefined) {
      self._fn = object as Fn;
      self._method = (object as Fn).name;
    } else if (object !== null && typeof method === "string") {
      self._object = object as unknown as Target;
      self._method = method;
    } else if (object !== null || method !== undefined) {
      printError(
        `Callable() needs an object and a method name, got ${describe(object)}, ${describe(method)}.`,
      );
    }
    // biome-ignore lint/correctness/noConstructorReturn: a Callable is the function itself, so that it can be called
    return self;
  }

  /** `Callable.create(variant, "method")`. */
  static create(variant: object, method: string): Callable {
    return new Callable(variant, method);
  }

  /** @internal A copy with one more bind or unbind. */
  _with(step: Step): Callable {
    const next = new Callable(this);
    next._steps = [...this._steps, step];
    return next;
  }

  /** Calls with `args`, then the bound arguments (each bind appends, each unbind drops the last ones). */
  call(...args: unknown[]): any {
    let list = args;
    for (let i = this._steps.length - 1; i >= 0; i--) {
      const step = this._steps[i]!;
      if ("bind" in step) list = [...list, ...step.bind];
      else list = list.slice(0, Math.max(0, list.length - step.unbind));
    }
    if (this._fn !== null) return this._fn(...list);
    const object = this._object;
    const method = object?.[this._method];
    if (object === null || freed(object) || typeof method !== "function") {
      const owner = object === null ? "null" : (object.constructor as { name?: string })?.name;
      printError(
        `Attempt to call function '${owner}::${this._method || "null"}' on ${object === null ? "a null instance" : "an invalid target"}.`,
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
    return this._rpc("rpc", args);
  }
  rpc_id(peer_id: number, ...args: unknown[]): any {
    return this._rpc("rpc_id", [peer_id, ...args]);
  }
  /** @internal */
  _rpc(kind: "rpc" | "rpc_id", args: unknown[]): any {
    const object = this._object;
    if (object === null || typeof object[kind] !== "function") {
      printError(`Callable.${kind}() needs a Callable of a Node's method.`);
      return 31; // ERR_INVALID_PARAMETER
    }
    if (kind === "rpc") return (object.rpc as Fn)(this._method, ...args);
    return (object.rpc_id as Fn)(args[0], this._method, ...args.slice(1));
  }

  /** A Callable that appends `args` to every call (Godot's order; JavaScript's bind prepends). */
  bind(...args: unknown[]): Callable {
    return this._with({ bind: args });
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
    return this._with({ unbind: argcount });
  }

  is_null(): boolean {
    return this._fn === null && this._object === null;
  }
  /** A function, or a bound or unbound Callable (Godot's custom callables). */
  is_custom(): boolean {
    return this._fn !== null || this._steps.length > 0;
  }
  /** An object and a method name, nothing bound. */
  is_standard(): boolean {
    return !this.is_custom() && this._object !== null;
  }
  /** Whether a call would reach a method: the object is alive and has it (a function is always valid). */
  is_valid(): boolean {
    if (this._fn !== null) return true;
    const object = this._object;
    return object !== null && !freed(object) && typeof object[this._method] === "function";
  }
  get_object(): object | null {
    return this._object;
  }
  get_object_id(): number {
    const object = this._object as { get_instance_id?: () => number } | null;
    return typeof object?.get_instance_id === "function" ? object.get_instance_id() : 0;
  }
  get_method(): string {
    return this._method;
  }
  /** The arguments a call takes: the target's, less those bound, plus those unbound. */
  get_argument_count(): number {
    const target = this._fn ?? (this._object?.[this._method] as Fn | undefined);
    const base = typeof target === "function" ? target.length : 0;
    return Math.max(0, base - this.get_bound_arguments_count() + this.get_unbound_arguments_count());
  }
  /** The arguments every call gets appended, in the order they arrive (an unbind inside a bind drops bound ones). */
  get_bound_arguments(): unknown[] {
    let bound: unknown[] = [];
    for (let i = this._steps.length - 1; i >= 0; i--) {
      const step = this._steps[i]!;
      if ("bind" in step) bound = [...bound, ...step.bind];
      else bound = bound.slice(0, Math.max(0, bound.length - step.unbind));
    }
    return bound;
  }
  get_bound_arguments_count(): number {
    return this.get_bound_arguments().length;
  }
  get_unbound_arguments_count(): number {
    return this._steps.reduce((n, step) => n + ("unbind" in step ? step.unbind : 0), 0);
  }
  /** A number that is the same for equal Callables. */
  hash(): number {
    const key = `${this.get_object_id()}:${this._method}:${this._steps.length}`;
    let h = 5381;
    for (let i = 0; i < key.length; i++) h = ((h * 33) ^ key.charCodeAt(i)) >>> 0;
    return h;
  }

  /** @internal Godot's ==: the same function, or the same object and method, with the same bindings. */
  _equals(other: unknown): boolean {
    if (!(other instanceof Callable)) return false;
    if (this._fn !== null || other._fn !== null)
      return this._fn === other._fn && this._steps === other._steps;
    return (
      this._object === other._object &&
      this._method === other._method &&
      this._steps.length === 0 &&
      other._steps.length === 0
    );
  }
}
