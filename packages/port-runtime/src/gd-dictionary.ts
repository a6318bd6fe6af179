// GDScript's Dictionary: keys of any type, kept apart by type (1 and "1" are two keys) and in
// insertion order, which a plain object cannot do and a Map does.
import { str } from "@wsport/godot-compat";

/** Names JavaScript itself and its tools look for on any object (await, JSON, test matchers): never keys. */
const PROBED = new Set(["then", "toJSON", "asymmetricMatch", "nodeType", "tagName", "_isMockFunction"]);

/** A GDScript Dictionary with Godot's method names. */
export class Dictionary<K = unknown, V = unknown> {
  /** GDScript reads a String key as a property too: `data.type` is `data["type"]`. */
  [key: string]: unknown;

  readonly #map: Map<K, V>;

  constructor(entries: Iterable<readonly [K, V]> = []) {
    this.#map = new Map(entries);
    // `d.key` and `d.key = v` on a key that is not one of the methods: the key, as in GDScript.
    // biome-ignore lint/correctness/noConstructorReturn: the Proxy is the Dictionary
    return new Proxy(this, {
      get(target, property, receiver) {
        if (
          typeof property === "symbol" ||
          property in target ||
          PROBED.has(property) ||
          property.startsWith("$$")
        ) {
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
        if (!target.#map.has(property as K))
          throw new RangeError(
            `Invalid access to property or key '${property}' on a base object of type 'Dictionary'.`,
          );
        return target.#map.get(property as K);
      },
      set(target, property, value) {
        if (typeof property === "symbol" || property in target) return Reflect.set(target, property, value);
        target.#map.set(property as K, value as V);
        return true;
      },
    });
  }

  get(key: K, fallback: V | null = null): V | null {
    return this.#map.has(key) ? (this.#map.get(key) as V) : fallback;
  }
  set(key: K, value: V): void {
    this.#map.set(key, value);
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  has_all(keys: K[]): boolean {
    return keys.every((k) => this.#map.has(k));
  }
  erase(key: K): boolean {
    return this.#map.delete(key);
  }
  keys(): K[] {
    return [...this.#map.keys()];
  }
  values(): V[] {
    return [...this.#map.values()];
  }
  size(): number {
    return this.#map.size;
  }
  is_empty(): boolean {
    return this.#map.size === 0;
  }
  clear(): void {
    this.#map.clear();
  }
  /** `other` may be a Dictionary of godot-compat's too (a plain object or a Map). */
  merge(other: Dictionary<K, V> | Map<K, V> | Record<string, V>, overwrite = false): void {
    const entries =
      other instanceof Dictionary || other instanceof Map ? other.entries() : Object.entries(other);
    for (const [k, v] of entries as Iterable<[K, V]>) if (overwrite || !this.#map.has(k)) this.#map.set(k, v);
  }
  duplicate(): Dictionary<K, V> {
    return new Dictionary(this.#map);
  }
  [Symbol.iterator](): Iterator<K> {
    return this.#map.keys();
  }
  entries(): IterableIterator<[K, V]> {
    return this.#map.entries();
  }
  /** How godot-compat knows this is a Dictionary: put_var, rpc arguments, JSON.stringify and str() read its entries. */
  [Symbol.for("wsport.dictionary.entries")](): IterableIterator<[K, V]> {
    return this.#map.entries();
  }
  /** What str() and print() show: `{ "a": 1, 2: "b" }`. */
  toString(): string {
    if (this.#map.size === 0) return "{  }";
    const quoted = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : str(v));
    return `{ ${[...this.#map].map(([k, v]) => `${quoted(k)}: ${quoted(v)}`).join(", ")} }`;
  }
}
