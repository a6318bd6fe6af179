// Follows Godot's core/variant/callable.h (Signal), core/object/object.cpp (connect, emit_signal).
// Godot 4's Signal: an object's named event that callables connect to. GDScript writes
// `multiplayer.peer_connected.connect(_on_peer_connected)`; here a callable is any function, a
// Callable(object, "method") among them (two such Callables of the same method are the same connection).
import { describe } from "@wsport/core/internal";
import { Callable } from "./callable.js";
import { type GodotError, OK } from "./error.js";
import { invalid, printError } from "./print.js";

// biome-ignore lint/suspicious/noExplicitAny: a callable takes whatever the signal emits
type AnyFunction = (...args: any[]) => unknown;

/** One connection, as Signal.get_connections() and Object.get_signal_connection_list() give it. */
export interface Connection {
  signal: Signal;
  callable: AnyFunction;
  flags: number;
}

/** The object whose signal this is, if it can block its signals (Object.set_block_signals). */
interface SignalOwner {
  is_blocking_signals?(): boolean;
  get_instance_id?(): number;
}

/** The Object a Callable(object, "method") targets keeps its incoming connections (Object.get_incoming_connections). */
function incomingOf(callable: unknown): Connection[] | undefined {
  const target =
    callable instanceof Callable ? (callable.get_object() as { _incoming?: Connection[] } | null) : null;
  return Array.isArray(target?._incoming) ? target._incoming : undefined;
}

/** Object.ConnectFlags: DEFERRED calls after the current work (a microtask), ONE_SHOT disconnects on the first call. */
export const CONNECT_DEFERRED = 1;
/** Kept for ports; it only matters to Godot's editor. */
export const CONNECT_PERSIST = 2;
export const CONNECT_ONE_SHOT = 4;
/** Kept for ports; connecting twice is still an error here. */
export const CONNECT_REFERENCE_COUNTED = 8;
/** The emitting object is appended to the arguments. */
export const CONNECT_APPEND_SOURCE_OBJECT = 16;

export class Signal<Args extends unknown[] = unknown[]> {
  readonly #name: string;
  readonly #object: object | null;
  /** The connected callables with their flags, in connection order. */
  #connections = new Map<AnyFunction, number>();

  /** `Signal(object, "name")`, as Godot's; the package's classes make theirs with `new Signal("name")`. */
  constructor(object: object | string | null = null, signal?: string) {
    if (typeof object === "string" && signal === undefined) {
      this.#object = null;
      this.#name = object;
    } else {
      this.#object = typeof object === "object" ? object : null;
      this.#name = String(signal ?? "");
    }
  }

  /** No object and no name: Godot's `Signal()`. */
  is_null(): boolean {
    return this.#object === null && this.#name === "";
  }
  get_object(): object | null {
    return this.#object;
  }
  get_object_id(): number {
    const owner = this.#object as SignalOwner | null;
    return typeof owner?.get_instance_id === "function" ? owner.get_instance_id() : 0;
  }
  has_connections(): boolean {
    return this.#connections.size > 0;
  }

  /** The connected function, or an equal Callable already connected. */
  #find(callable: unknown): AnyFunction | undefined {
    if (this.#connections.has(callable as AnyFunction)) return callable as AnyFunction;
    if (!(callable instanceof Callable)) return undefined;
    for (const connected of this.#connections.keys()) if (callable._equals(connected)) return connected;
    return undefined;
  }

  get_name(): string {
    return this.#name;
  }

  /** Connects a callable; connecting the same one twice is an error, as in Godot. */
  connect(callable: (...args: Args) => unknown, flags = 0): GodotError {
    if (typeof callable !== "function") {
      return invalid(`Signal '${this.#name}': connect() needs a callable, got ${describe(callable)}.`);
    }
    if (!Number.isInteger(flags) || flags < 0 || flags > 31) {
      return invalid(`Signal '${this.#name}': invalid connect flags ${describe(flags)}.`);
    }
    if (this.#find(callable) !== undefined) {
      return invalid(`Signal '${this.#name}' is already connected to given callable.`);
    }
    this.#connections.set(callable, flags);
    incomingOf(callable)?.push({ signal: this as Signal, callable, flags });
    return OK;
  }

  disconnect(callable: (...args: Args) => unknown): void {
    const connected = this.#find(callable);
    const incoming = incomingOf(connected);
    incoming?.splice(
      incoming.findIndex((c) => c.signal === (this as Signal) && c.callable === connected),
      1,
    );
    if (connected === undefined || !this.#connections.delete(connected)) {
      printError(`Attempt to disconnect a nonexistent connection from signal '${this.#name}'.`);
    }
  }

  is_connected(callable: (...args: Args) => unknown): boolean {
    return this.#find(callable) !== undefined;
  }

  /** Each connection as Godot gives it, `{ signal, callable, flags }`, in connection order. */
  get_connections(): Connection[] {
    return [...this.#connections].map(([callable, flags]) => ({ signal: this as Signal, callable, flags }));
  }

  /**
   * Calls every callable connected when the emission starts. A callable that throws is reported
   * and the others still run, as a failing GDScript call does not stop an emission.
   */
  emit(...args: Args): void {
    if ((this.#object as SignalOwner | null)?.is_blocking_signals?.()) return;
    for (const [callable, flags] of [...this.#connections]) {
      if (flags & CONNECT_ONE_SHOT) this.#connections.delete(callable);
      if (flags & CONNECT_APPEND_SOURCE_OBJECT) args = [...args, this.#object] as unknown as Args;
      if (flags & CONNECT_DEFERRED) queueMicrotask(() => this.#call(callable, args));
      else this.#call(callable, args);
    }
  }

  #call(callable: AnyFunction, args: Args): void {
    try {
      callable(...args);
    } catch (error) {
      printError(
        `Error calling from signal '${this.#name}': ${(error as { stack?: string }).stack ?? error}`,
      );
    }
  }
}
