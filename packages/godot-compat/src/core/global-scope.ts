// Follows Godot's core/variant/variant_utility.cpp.
// The @GlobalScope functions that networking scripts call beside the Error codes: error_string,
// push_error, push_warning and print_verbose, with Godot's texts and its way of joining arguments.
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

/** Prints "ERROR: " and the arguments joined without separators, as Godot's push_error does. */
export function push_error(...args: unknown[]): void {
  printError(joined("push_error", args));
}

/** Prints "WARNING: " and the arguments joined without separators, as Godot's push_warning does. */
export function push_warning(...args: unknown[]): void {
  console.warn(`WARNING: ${joined("push_warning", args)}`);
}

let verbose = false;

/** Prints the arguments joined without separators, only in verbose mode (Godot's `--verbose`). */
export function print_verbose(...args: unknown[]): void {
  if (verbose) console.log(joined("print_verbose", args));
}

/** Stands in for Godot's `--verbose` command-line switch: off until turned on here. */
export function set_stdout_verbose(enabled: boolean): void {
  if (typeof enabled === "boolean") verbose = enabled;
  else printError(`set_stdout_verbose() needs a boolean, got ${describe(enabled)}.`);
}

/** `OS.is_stdout_verbose()`: whether print_verbose prints. */
export function is_stdout_verbose(): boolean {
  return verbose;
}

function joined(name: string, args: unknown[]): string {
  if (args.length === 0) {
    // GDScript refuses the call at compile time; at run time Godot reports a missing argument.
    return `Too few arguments for "${name}()" call. Expected at least 1 but received 0.`;
  }
  return args.map(str).join("");
}

/** GDScript's str() for what scripts print: strings as they are, numbers, booleans, null and arrays. */
export function str(value: unknown): string {
  return stringify(value, false);
}

function stringify(value: unknown, nested: boolean): string {
  if (typeof value === "string") return nested ? JSON.stringify(value) : value;
  if (typeof value === "number") return numberText(value);
  if (value === null || value === undefined) return "<null>";
  if (value instanceof Uint8Array || Array.isArray(value)) {
    return `[${Array.from(value as ArrayLike<unknown>, (v) => stringify(v, true)).join(", ")}]`;
  }
  return String(value);
}

/** Godot writes "inf" and "nan"; JavaScript has one number type, so a whole float prints as an integer. */
function numberText(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  return String(n);
}
