// Error messages name what they got, so a wrong argument is found at once.

/** A short description of a value for error messages: "a number (3)", "null", "an object". */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "string")
    return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return `a ${value.constructor.name} of ${value.length} bytes`;
  return typeof value === "object"
    ? `an object (${value.constructor?.name ?? "Object"})`
    : `a ${typeof value}`;
}
