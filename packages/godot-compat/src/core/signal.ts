// Follows Godot's core/variant/callable.h (Signal), core/object/object.cpp (connect, emit_signal).
// Godot 4's Signal: an object's named event that callables connect to. GDScript writes
// `multiplayer.peer_connected.connect(_on_peer_connected)`; here a callable is any function.
import { describe } from "@wsport/core/internal";
import { type GodotError, OK } from "./error.js";
import { invalid, printError } from "./print.js";

// biome-ignore lint/suspicious/noExplicitAny: a callable takes whatever the signal emits
export type Callable = (...args: any[]) => unknown;

/** Object.ConnectFlags: DEFERRED calls after the current work (a microtask), ONE_SHOT disconnects on the first call. */
export const CONNECT_DEFERRED = 1;
/** Kept for ports; it only matters to Godot's editor. */
export const CONNECT_PERSIST = 2;
export const CONNECT_ONE_SHOT = 4;
/** Kept for ports; connecting twice is still an error here. */
export const CONNECT_REFERENCE_COUNTED = 8;

export class Signal<Args extends unknown[] = unknown[]> {
  readonly #name: string;
  /** The connected callables with their flags, in connection order. */
  #connections = new Map<Callable, number>();

  constructor(name = "") {
    this.#name = String(name);
  }

  get_name(): string {
    return this.#name;
  }

  /** Connects a callable; connecting the same one twice is an error, as in Godot. */
  connect(callable: (...args: Args) => unknown, flags = 0): GodotError {
    if (typeof callable !== "function") {
      return invalid(`Signal '${this.#name}': connect() needs a callable, got ${describe(callable)}.`);
    }
    if (!Number.isInteger(flags) || flags < 0 || flags > 15) {
      return invalid(`Signal '${this.#name}': invalid connect flags ${describe(flags)}.`);
    }
    if (this.#connections.has(callable)) {
      return invalid(`Signal '${this.#name}' is already connected to given callable.`);
    }
    this.#connections.set(callable, flags);
    return OK;
  }

  disconnect(callable: (...args: Args) => unknown): void {
    if (!this.#connections.delete(callable)) {
      printError(`Attempt to disconnect a nonexistent connection from signal '${this.#name}'.`);
    }
  }

  is_connected(callable: (...args: Args) => unknown): boolean {
    return this.#connections.has(callable);
  }

  /** The connected callables, in connection order. */
  get_connections(): Callable[] {
    return [...this.#connections.keys()];
  }

  /**
   * Calls every callable connected when the emission starts. A callable that throws is reported
   * and the others still run, as a failing GDScript call does not stop an emission.
   */
  emit(...args: Args): void {
    for (const [callable, flags] of [...this.#connections]) {
      if (flags & CONNECT_ONE_SHOT) this.#connections.delete(callable);
      if (flags & CONNECT_DEFERRED) queueMicrotask(() => this.#call(callable, args));
      else this.#call(callable, args);
    }
  }

  #call(callable: Callable, args: Args): void {
    try {
      callable(...args);
    } catch (error) {
      printError(
        `Error calling from signal '${this.#name}': ${(error as { stack?: string }).stack ?? error}`,
      );
    }
  }
}
