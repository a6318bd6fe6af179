// Follows Godot's core/error/error_macros.h.
// Godot prints an error for every failed check (ERR_FAIL_*) and carries on; so do we.
import { ERR_INVALID_PARAMETER, type GodotError } from "./error.js";

export function printError(message: string): void {
  console.error(`ERROR: ${message}`);
}

/** A failed argument check: prints `message` and returns `code`. */
export function invalid(message: string, code: GodotError = ERR_INVALID_PARAMETER): GodotError {
  printError(message);
  return code;
}
