// Follows Godot's core/variant/variant_utility.cpp.
// error_string with Godot's texts, and the verbose switch print_verbose reads (variant/utility-functions.ts
// has the printing functions, which write Variants).
import { describe } from "@wsport/core/internal";
import { printError } from "./print.js";

/** Godot's name for each Error code, by number (core/error/error_list.cpp). */
const ERROR_NAMES: readonly string[] = [
  "OK",
  "Failed",
  "Unavailable",
  "Unconfigured",
  "Unauthorized",
  "Parameter out of range",
  "Out of memory",
  "File not found",
  "File: Bad drive",
  "File: Bad path",
  "File: Permission denied",
  "File already in use",
  "Can't open file",
  "Can't write file",
  "Can't read file",
  "File unrecognized",
  "File corrupt",
  "Missing dependencies for file",
  "End of file",
  "Can't open",
  "Can't create",
  "Query failed",
  "Already in use",
  "Locked",
  "Timeout",
  "Can't connect",
  "Can't resolve",
  "Connection error",
  "Can't acquire resource",
  "Can't fork",
  "Invalid data",
  "Invalid parameter",
  "Already exists",
  "Does not exist",
  "Can't read database",
  "Can't write database",
  "Compilation failed",
  "Method not found",
  "Link failed",
  "Script failed",
  "Cyclic link detected",
  "Invalid declaration",
  "Duplicate symbol",
  "Parse error",
  "Busy",
  "Skip",
  "Help",
  "Bug",
  "Printer on fire",
];

/** Godot's text for an Error code; "(invalid error code)" for anything that is not one. */
export function error_string(error: number): string {
  return (Number.isInteger(error) && ERROR_NAMES[error]) || "(invalid error code)";
}

let verbose = false;

/** Stands in for Godot's `--verbose` command-line switch: off until turned on here. */
export function set_stdout_verbose(enabled: boolean): void {
  if (typeof enabled === "boolean") verbose = enabled;
  else printError(`set_stdout_verbose() needs a boolean, got ${describe(enabled)}.`);
}

/** `OS.is_stdout_verbose()`: whether print_verbose prints. */
export function is_stdout_verbose(): boolean {
  return verbose;
}
