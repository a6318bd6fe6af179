// @GlobalScope helpers: error_string with Godot's texts, push_error / push_warning / print_verbose
// with Godot's prefixes and its argument joining (no separator).
import {
  Error as E,
  error_string,
  is_stdout_verbose,
  PackedByteArray,
  print_verbose,
  push_error,
  push_warning,
  set_stdout_verbose,
  str,
} from "@wsport/godot-compat";
import { afterEach, beforeEach, expect, it, type MockInstance, vi } from "vitest";

let errors: MockInstance;
let warnings: MockInstance;
let logs: MockInstance;
beforeEach(() => {
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
  warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
  logs = vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  set_stdout_verbose(false);
  vi.restoreAllMocks();
});

it("error_string has a text for every Error code and Godot's answer for anything else", () => {
  const texts = Object.values(E).map(error_string);
  expect(texts).toHaveLength(49);
  expect(new Set(texts).size).toBe(49);
  expect(error_string(E.OK)).toBe("OK");
  expect(error_string(E.FAILED)).toBe("Failed");
  expect(error_string(E.ERR_ALREADY_IN_USE)).toBe("Already in use");
  expect(error_string(E.ERR_INVALID_PARAMETER)).toBe("Invalid parameter");
  expect(error_string(E.ERR_CANT_CONNECT)).toBe("Can't connect");
  expect(error_string(E.ERR_FILE_BAD_DRIVE)).toBe("File: Bad drive");
  expect(error_string(E.ERR_PRINTER_ON_FIRE)).toBe("Printer on fire");
  for (const bad of [-1, 49, 1.5, Number.NaN, "1", null, undefined]) {
    expect(error_string(bad as number)).toBe("(invalid error code)");
  }
});

it("push_error and push_warning join their arguments without separators, with Godot's prefixes", () => {
  push_error("Failed to open socket: ", error_string(E.ERR_INVALID_PARAMETER));
  push_warning("code ", 1000, " clean ", true);
  expect(errors).toHaveBeenCalledWith("ERROR: Failed to open socket: Invalid parameter");
  expect(warnings).toHaveBeenCalledWith("WARNING: code 1000 clean true");
});

it("print_verbose prints only in verbose mode, as without Godot's --verbose", () => {
  print_verbose("WebSocketClient: ", "connect_to_url");
  expect(logs).not.toHaveBeenCalled();
  expect(is_stdout_verbose()).toBe(false);
  set_stdout_verbose(true);
  expect(is_stdout_verbose()).toBe(true);
  print_verbose("WebSocketClient: ", "connect_to_url");
  expect(logs).toHaveBeenCalledWith("WebSocketClient: connect_to_url");
});

it("bad input: no arguments and a non-boolean switch print an error and change nothing", () => {
  push_error();
  expect(errors).toHaveBeenLastCalledWith(
    'ERROR: Too few arguments for "push_error()" call. Expected at least 1 but received 0.',
  );
  set_stdout_verbose("yes" as unknown as boolean);
  expect(errors).toHaveBeenLastCalledWith(
    'ERROR: set_stdout_verbose() needs a boolean, got a string ("yes").',
  );
  expect(is_stdout_verbose()).toBe(false);
});

it("str writes values as GDScript's str() does for what scripts print", () => {
  expect(str("text")).toBe("text");
  expect(str(3)).toBe("3");
  expect(str(0.5)).toBe("0.5");
  expect(str(Number.POSITIVE_INFINITY)).toBe("inf");
  expect(str(Number.NaN)).toBe("nan");
  expect(str(false)).toBe("false");
  expect(str(null)).toBe("<null>");
  expect(str(["a", 1])).toBe('["a", 1]');
  expect(str(PackedByteArray.from([1, 2]))).toBe("[1, 2]");
});
