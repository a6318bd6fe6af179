// Error messages name what they got, so a wrong argument is found at once.

/** A short description of a value for error messages: "number 3", "null", "Uint8Array". */
export function describe(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return typeof value === "number" || typeof value === "boolean"
      ? `${typeof value} ${value}`
      : String(value === null ? null : typeof value);
  }
  return Array.isArray(value) ? "an array" : (value.constructor?.name ?? "an object");
}
