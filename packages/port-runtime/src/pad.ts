// The field padding shared by GDScript's `%` formatting and Lua's string.format: a width, `-` to
// pad on the right, `0` to pad numbers with zeros after their sign.

export function padField(text: string, width: number, flags: string, numeric: boolean): string {
  if (text.length >= width) return text;
  if (flags.includes("-")) return text.padEnd(width);
  if (flags.includes("0") && numeric) {
    const sign = /^[-+ ]/.test(text) ? text[0]! : "";
    return sign + text.slice(sign.length).padStart(width - sign.length, "0");
  }
  return text.padStart(width);
}
