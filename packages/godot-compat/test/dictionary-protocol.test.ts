// A Dictionary class of another package (@wsport/port-runtime's) is a Dictionary here when it gives its
// entries under Symbol.for("wsport.dictionary.entries"): the codec (put_var, rpc arguments), JSON,
// str() and typeof() read it as they read a plain object or a Map. Runs in Node and the browsers.
import {
  bytes_to_var,
  JSON as GodotJSON,
  str,
  TYPE_DICTIONARY,
  TYPE_OBJECT,
  typeof as typeOf,
  var_to_bytes,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";

/** The smallest such class: keys of any type, in insertion order. */
class OtherDictionary {
  readonly #map: Map<unknown, unknown>;
  constructor(entries: Array<[unknown, unknown]>) {
    this.#map = new Map(entries);
  }
  [Symbol.for("wsport.dictionary.entries")]() {
    return this.#map.entries();
  }
}

describe("the Dictionary protocol", () => {
  const other = new OtherDictionary([
    ["type", 1],
    [2, "two"],
  ]);

  it("encodes as a Dictionary, keys keeping their types, and decodes as a Map", () => {
    expect([...var_to_bytes(other)]).toEqual([
      ...var_to_bytes(
        new Map<unknown, unknown>([
          ["type", 1],
          [2, "two"],
        ]),
      ),
    ]);
    expect(bytes_to_var(var_to_bytes(other))).toEqual(
      new Map<unknown, unknown>([
        ["type", 1],
        [2, "two"],
      ]),
    );
  });

  it("is a Dictionary to JSON.stringify, str() and typeof()", () => {
    expect(
      GodotJSON.stringify(
        new OtherDictionary([
          ["type", 1],
          ["data", [1, 2]],
        ]),
      ),
    ).toBe('{"data":[1,2],"type":1}'); // sort_keys is true by default, as in Godot
    expect(str(other)).toBe('{ "type": 1, 2: "two" }');
    expect(typeOf(other)).toBe(TYPE_DICTIONARY);
  });

  it("an object without the method stays an object: not encodable, not a Dictionary", () => {
    class Plain {
      type = 1;
    }
    expect(typeOf(new Plain())).toBe(TYPE_OBJECT);
    const notCallable = { [Symbol.for("wsport.dictionary.entries")]: 5 };
    expect(typeOf(Object.setPrototypeOf(notCallable, Plain.prototype))).toBe(TYPE_OBJECT);
  });
});
