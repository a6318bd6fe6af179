// Godot 4's Signal: an object's named event that callables connect to. GDScript writes
// `multiplayer.peer_connected.connect(_on_peer_connected)`; here a callable is any function.
import { describe } from "@wsport/core";
import { type GodotError, OK } from "./error.js";
import { invalid, printError } from "./print.js";

// biome-ignore lint/suspicious/noExplicitAny: a callable takes whatever the signal emits
export type Callable = (...args: any[]) => unknown;

export class Signal<Args extends unknown[] = unknown[]> {
  readonly #name: string;
  #callables: Callable[] = [];

  constructor(name = "") {
    this.#name = String(name);
  }

  get_name(): string {
    return this.#name;
  }

  /** Connects a callable; connecting the same one twice is an error, as in Godot. */
  connect(callable: (...args: Args) => unknown, _flags = 0): GodotError {
    if (typeof callable !== "function") {
      return invalid(`Signal '${this.#name}': connect() needs a callable, got ${describe(callable)}.`);
    }
    if (this.#callables.includes(callable)) {
      return invalid(`Signal '${this.#name}' is already connected to given callable.`);
    }
    this.#callables.push(callable);
    return OK;
  }

  disconnect(callable: (...args: Args) => unknown): void {
    const index = this.#callables.indexOf(callable);
    if (index < 0) printError(`Attempt to disconnect a nonexistent connection from signal '${this.#name}'.`);
    else this.#callables.splice(index, 1);
  }

  is_connected(callable: (...args: Args) => unknown): boolean {
    return this.#callables.includes(callable);
  }

  /** The connected callables, in connection order. */
  get_connections(): Callable[] {
    return [...this.#callables];
  }

  /**
   * Calls every callable connected when the emission starts. A callable that throws is reported
   * and the others still run, as a failing GDScript call does not stop an emission.
   */
  emit(...args: Args): void {
    for (const callable of [...this.#callables]) {
      try {
        callable(...args);
      } catch (error) {
        printError(
          `Error calling from signal '${this.#name}': ${(error as { stack?: string }).stack ?? error}`,
        );
      }
    }
  }
}
