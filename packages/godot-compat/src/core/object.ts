// Follows Godot's core/object/object.cpp.
// Godot's Object, the base of Node and SceneTree: an instance id, signals reached by name (connect,
// emit_signal, has_signal, user signals), properties and methods reached by name (set, get, call, callv,
// has_method), metadata, deferred calls, and free(). A script's signals are its Signal fields
// (`readonly hit = new Signal(this, "hit")`), its properties its fields and accessors.
import { describe } from "@wsport/core/internal";
import { Callable } from "./callable.js";
import { constantsOnInstances } from "./class-constants.js";
import { ERR_INVALID_PARAMETER, ERR_UNAVAILABLE, type GodotError } from "./error.js";
import { callDeferred } from "./message-queue.js";
import { invalid, printError } from "./print.js";
import { type Connection, Signal } from "./signal.js";

// biome-ignore lint/suspicious/noExplicitAny: a method takes whatever its caller passes
type AnyFunction = (...args: any[]) => unknown;

let lastId = 24_000_000_000;
/** The script's notification handler; read by a computed name so that the build never renames it. */
const NOTIFICATION_HOOK = "_notification";

export class GodotObject {
  static readonly NOTIFICATION_POSTINITIALIZE = 0;
  static readonly NOTIFICATION_PREDELETE = 1;
  static readonly NOTIFICATION_EXTENSION_RELOADED = 2;
  static readonly CONNECT_DEFERRED = 1;
  static readonly CONNECT_PERSIST = 2;
  static readonly CONNECT_ONE_SHOT = 4;
  static readonly CONNECT_REFERENCE_COUNTED = 8;
  static readonly CONNECT_APPEND_SOURCE_OBJECT = 16;
  declare readonly NOTIFICATION_POSTINITIALIZE: 0;
  declare readonly NOTIFICATION_PREDELETE: 1;
  declare readonly NOTIFICATION_EXTENSION_RELOADED: 2;
  declare readonly CONNECT_DEFERRED: 1;
  declare readonly CONNECT_PERSIST: 2;
  declare readonly CONNECT_ONE_SHOT: 4;
  declare readonly CONNECT_REFERENCE_COUNTED: 8;
  declare readonly CONNECT_APPEND_SOURCE_OBJECT: 16;

  /** Live objects by instance id (weakly: an object nobody holds can still be collected). */
  static #byId: Map<number, WeakRef<GodotObject>> | null = null;

  /** @internal The live object with this id, or null. */
  static _fromId(id: number): GodotObject | null {
    const object = GodotObject.#byId?.get(id)?.deref() ?? null;
    return object === null || object._freed ? null : object;
  }

  /** @internal Every live object (not freed, not collected). */
  static _live(): GodotObject[] {
    const out: GodotObject[] = [];
    for (const ref of GodotObject.#byId?.values() ?? []) {
      const object = ref.deref();
      if (object !== undefined && !object._freed) out.push(object);
    }
    return out;
  }

  readonly script_changed = new Signal<[]>(this, "script_changed");
  readonly property_list_changed = new Signal<[]>(this, "property_list_changed");

  readonly #id = ++lastId;
  #meta = new Map<string, unknown>();
  #userSignals = new Set<string>();
  #blocking = false;
  #translate = true;
  #domain = "";
  #cancelFree = false;
  /** @internal Set once free() has run: the object is no longer valid (is_instance_valid is false). */
  _freed = false;
  /** @internal Set by queue_free() until the frame frees it. */
  _queuedForDeletion = false;

  constructor() {
    // On the first instance rather than at load, so that a bundle which never makes one can drop the class.
    if (!Object.hasOwn(GodotObject.prototype, "CONNECT_DEFERRED")) constantsOnInstances(GodotObject);
    GodotObject.#byId ??= new Map();
    GodotObject.#byId.set(this.#id, new WeakRef(this));
  }

  // --- identity ------------------------------------------------------------------------------

  get_instance_id(): number {
    return this.#id;
  }
  /** The nearest of Godot's classes ("Node" for a script extending Node): each of Godot's classes answers its name. */
  get_class(): string {
    return "Object";
  }
  /** Whether the object is of that Godot class or inherits it (each of Godot's classes adds its name). */
  is_class(class_: string): boolean {
    return class_ === "Object";
  }
  /** "<Node#24000000001>", as Godot prints an object. */
  to_string(): string {
    return `<${this.get_class()}#${this.#id}>`;
  }
  toString(): string {
    return this.to_string();
  }

  // --- properties by name --------------------------------------------------------------------

  #hasProperty(name: string): boolean {
    if (typeof name !== "string" || name.startsWith("_") || name.startsWith("#")) return false;
    if (!(name in this)) return false;
    const value = (this as unknown as Record<string, unknown>)[name];
    return typeof value !== "function" && !(value instanceof Signal) && !/^[A-Z][A-Z0-9_]*$/.test(name);
  }
  /** Sets a property by name; an unknown name does nothing, as in Godot. */
  set(property: string, value: unknown): void {
    if (this.#hasProperty(property)) (this as unknown as Record<string, unknown>)[property] = value;
  }
  /** A property by name (a method name gives its Callable, a signal name its Signal); null when unknown. */
  get(property: string): unknown {
    if (typeof property !== "string" || property.startsWith("_")) return null;
    const value = (this as unknown as Record<string, unknown>)[property];
    if (typeof value === "function") return new Callable(this, property);
    return property in this ? value : null;
  }
  /** `set_indexed("position:x", 1)`: a property path with ":" between the steps. */
  set_indexed(property_path: string, value: unknown): void {
    const steps = String(property_path).split(":");
    const last = steps.pop()!;
    let target: unknown = this;
    for (const step of steps) target = (target as Record<string, unknown> | null)?.[step];
    if (steps.length === 0) this.set(last, value);
    else if (typeof target === "object" && target !== null && last in target)
      (target as Record<string, unknown>)[last] = value;
  }
  get_indexed(property_path: string): unknown {
    const steps = String(property_path).split(":");
    let value: unknown = this.get(steps.shift()!);
    for (const step of steps)
      value =
        typeof value === "object" && value !== null
          ? ((value as Record<string, unknown>)[step] ?? null)
          : null;
    return value;
  }
  /** The script's properties: its fields and accessors (not methods, signals or constants). */
  get_property_list(): Array<{ name: string }> {
    const names = new Set<string>();
    for (
      let proto: object | null = this;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const name of Object.getOwnPropertyNames(proto)) if (this.#hasProperty(name)) names.add(name);
    }
    return [...names].map((name) => ({ name }));
  }
  /** The methods, by name, along the class chain. */
  get_method_list(): Array<{ name: string; args_count: number }> {
    const seen = new Map<string, number>();
    for (
      let proto = Object.getPrototypeOf(this);
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
        if (name !== "constructor" && typeof d.value === "function" && !seen.has(name))
          seen.set(name, d.value.length);
      }
    }
    return [...seen].map(([name, args_count]) => ({ name, args_count }));
  }
  /** No property has an editor default to revert to here. */
  property_can_revert(_property: string): boolean {
    return false;
  }
  property_get_revert(_property: string): unknown {
    return null;
  }
  notify_property_list_changed(): void {
    this.property_list_changed.emit();
  }
  /** Sends a notification: the script's `_notification(what)` gets it. */
  notification(what: number, _reversed = false): void {
    const hook = (this as unknown as Record<string, unknown>)[NOTIFICATION_HOOK];
    if (typeof hook === "function") hook.call(this, what);
  }

  // --- methods by name -----------------------------------------------------------------------

  has_method(method: string): boolean {
    return (
      typeof method === "string" && typeof (this as unknown as Record<string, unknown>)[method] === "function"
    );
  }
  /** The arguments the method takes (JavaScript counts those before the first default). */
  get_method_argument_count(method: string): number {
    const fn = (this as unknown as Record<string, unknown>)[method];
    if (typeof fn === "function") return fn.length;
    printError(`Method '${String(method)}' not found in ${this.get_class()}.`);
    return 0;
  }
  call(method: string, ...args: unknown[]): unknown {
    const fn = (this as unknown as Record<string, unknown>)[method];
    if (typeof fn !== "function") {
      printError(`Invalid call. Nonexistent function '${String(method)}' in base '${this.get_class()}'.`);
      return null;
    }
    return (fn as AnyFunction).apply(this, args);
  }
  callv(method: string, arg_array: unknown[]): unknown {
    if (!Array.isArray(arg_array)) {
      printError(`callv() needs an Array of arguments, got ${describe(arg_array)}.`);
      return null;
    }
    return this.call(method, ...arg_array);
  }
  /** Calls after the current work (see core/message-queue.ts). */
  call_deferred(method: string, ...args: unknown[]): null {
    callDeferred(() => {
      if (!this._freed) this.call(method, ...args);
    });
    return null;
  }
  set_deferred(property: string, value: unknown): void {
    callDeferred(() => {
      if (!this._freed) this.set(property, value);
    });
  }

  // --- signals by name -----------------------------------------------------------------------

  #signal(name: string): Signal | null {
    const value = typeof name === "string" ? (this as unknown as Record<string, unknown>)[name] : undefined;
    return value instanceof Signal ? value : null;
  }
  has_signal(signal: string): boolean {
    return this.#signal(signal) !== null;
  }
  /** Every signal, as `{ name }`. */
  get_signal_list(): Array<{ name: string }> {
    return Object.keys(this)
      .filter((key) => this.#signal(key) !== null)
      .map((name) => ({ name }));
  }
  get_signal_connection_list(signal: string): Connection[] {
    return this.#signal(signal)?.get_connections() ?? [];
  }
  /** The connections whose Callable is one of this object's methods (Callable(object, "method")). */
  get_incoming_connections(): Connection[] {
    return this._incoming.slice();
  }
  /** @internal Kept by Signal.connect/disconnect for get_incoming_connections(). */
  _incoming: Connection[] = [];

  emit_signal(signal: string, ...args: unknown[]): GodotError {
    const found = this.#signal(signal);
    if (found === null) {
      return invalid(`Can't emit non-existing signal "${String(signal)}".`, ERR_UNAVAILABLE);
    }
    found.emit(...args);
    return 0;
  }
  connect(signal: string, callable: AnyFunction, flags = 0): GodotError {
    const found = this.#signal(signal);
    if (found === null) {
      return invalid(
        `In Object of type '${this.get_class()}': Attempt to connect nonexistent signal '${String(signal)}'.`,
        ERR_INVALID_PARAMETER,
      );
    }
    return found.connect(callable, flags);
  }
  disconnect(signal: string, callable: AnyFunction): void {
    const found = this.#signal(signal);
    if (found === null) printError(`Attempt to disconnect a nonexistent signal '${String(signal)}'.`);
    else found.disconnect(callable);
  }
  is_connected(signal: string, callable: AnyFunction): boolean {
    return this.#signal(signal)?.is_connected(callable) ?? false;
  }
  has_connections(signal: string): boolean {
    return this.#signal(signal)?.has_connections() ?? false;
  }
  /** Adds a signal by name (GDScript's add_user_signal); it is then a Signal field like the others. */
  add_user_signal(signal: string, _arguments: unknown[] = []): void {
    if (typeof signal !== "string" || signal === "" || signal in this) {
      printError(`add_user_signal(): ${describe(signal)} is not a new signal name.`);
      return;
    }
    Object.defineProperty(this, signal, {
      value: new Signal(this, signal),
      configurable: true,
      enumerable: true,
    });
    this.#userSignals.add(signal);
  }
  has_user_signal(signal: string): boolean {
    return this.#userSignals.has(signal);
  }
  remove_user_signal(signal: string): void {
    if (!this.#userSignals.delete(signal)) {
      printError(`remove_user_signal(): no user signal ${describe(signal)}.`);
      return;
    }
    delete (this as unknown as Record<string, unknown>)[signal];
  }
  set_block_signals(enable: boolean): void {
    this.#blocking = enable === true;
  }
  is_blocking_signals(): boolean {
    return this.#blocking;
  }

  // --- metadata ------------------------------------------------------------------------------

  /** Stores a value under a name; null removes it. */
  set_meta(name: string, value: unknown): void {
    if (typeof name !== "string" || name === "") {
      printError(`set_meta() needs a name, got ${describe(name)}.`);
      return;
    }
    if (value === null || value === undefined) this.#meta.delete(name);
    else this.#meta.set(name, value);
  }
  /** The value stored under `name`; `default_` when there is none (with an error print when no default is given). */
  get_meta(name: string, ...default_: [unknown?]): unknown {
    if (this.#meta.has(name)) return this.#meta.get(name);
    if (default_.length === 0) {
      printError(`The object does not have any 'meta' values with the key '${String(name)}'.`);
    }
    return default_[0] ?? null;
  }
  has_meta(name: string): boolean {
    return this.#meta.has(name);
  }
  remove_meta(name: string): void {
    this.#meta.delete(name);
  }
  get_meta_list(): string[] {
    return [...this.#meta.keys()];
  }

  // --- translation (no translations are loaded: a message is its own translation) ------------

  set_message_translation(enable: boolean): void {
    this.#translate = enable === true;
  }
  can_translate_messages(): boolean {
    return this.#translate;
  }
  tr(message: string, _context = ""): string {
    return String(message);
  }
  /** `message` when n is 1, else `plural_message` (English plural rules, as with no translation loaded). */
  tr_n(message: string, plural_message: string, n: number, _context = ""): string {
    return n === 1 ? String(message) : String(plural_message);
  }
  get_translation_domain(): string {
    return this.#domain;
  }
  set_translation_domain(domain: string): void {
    this.#domain = String(domain);
  }

  // --- lifetime ------------------------------------------------------------------------------

  /** Whether queue_free() was called and the frame has not freed the object yet. */
  is_queued_for_deletion(): boolean {
    return this._queuedForDeletion;
  }
  /** Called from `_notification(NOTIFICATION_PREDELETE)`, keeps free() from freeing the object. */
  cancel_free(): void {
    this.#cancelFree = true;
  }
  /** Frees the object now: it gets NOTIFICATION_PREDELETE, then is no longer valid. */
  free(): void {
    if (this._freed) {
      printError("Object was already freed.");
      return;
    }
    this.#cancelFree = false;
    this.notification(GodotObject.NOTIFICATION_PREDELETE);
    if (this.#cancelFree) return;
    this._freed = true;
    this._queuedForDeletion = false;
    GodotObject.#byId?.delete(this.#id);
  }
}
