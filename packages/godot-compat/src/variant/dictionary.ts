// Follows Godot's core/variant/dictionary.cpp (what a Dictionary is, for the codec, JSON and str()).
// A Dictionary here is a plain object (String keys) or a Map (any keys), as get_var and JSON.parse_string
// give them, or an object of another package that gives its entries under DICTIONARY_ENTRIES:
// @wsport/port-runtime's Dictionary does, so a ported script's `{ "type": 1 }` is sent, stringified
// and printed as a Dictionary.

/** The method an object defines to be a Dictionary: it returns the [key, value] entries, in order. */
export const DICTIONARY_ENTRIES = Symbol.for("wsport.dictionary.entries");

type EntriesMethod = () => Iterable<[unknown, unknown]>;

/** A plain object, a Map, or an object with a DICTIONARY_ENTRIES method. */
export function isDictionary(value: unknown): value is Map<unknown, unknown> | Record<string, unknown> {
  if (value instanceof Map) return true;
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || typeof entriesMethod(value) === "function";
}

/** A Dictionary's [key, value] entries, in its order. */
export function dictionaryEntries(value: object): Array<[unknown, unknown]> {
  if (value instanceof Map) return [...value];
  const entries = entriesMethod(value);
  return typeof entries === "function" ? [...entries.call(value)] : Object.entries(value);
}

function entriesMethod(value: object): EntriesMethod | undefined {
  return (value as { [DICTIONARY_ENTRIES]?: EntriesMethod })[DICTIONARY_ENTRIES];
}
