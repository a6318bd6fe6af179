// GDScript's type names in TypeScript, and the small static types the translator tracks to choose
// an exact translation (integer or float division, string formatting or remainder, truthiness).

/** What the translator knows of an expression's type; "unknown" when GDScript would decide at run time. */
export type StaticType =
  | "int"
  | "float"
  | "bool"
  | "string"
  | "array"
  | "dict"
  | "null"
  | "unknown"
  | { class: string };

/** GDScript's built-in value types and their TYPE_* constants (for `is` and typeof). */
export const BUILTIN_TYPE_IDS: Record<string, string> = {
  int: "TYPE_INT",
  float: "TYPE_FLOAT",
  bool: "TYPE_BOOL",
  String: "TYPE_STRING",
  StringName: "TYPE_STRING_NAME",
  NodePath: "TYPE_NODE_PATH",
  Array: "TYPE_ARRAY",
  Dictionary: "TYPE_DICTIONARY",
  PackedByteArray: "TYPE_PACKED_BYTE_ARRAY",
  Callable: "TYPE_CALLABLE",
};

/** The static type a GDScript type name declares. */
export function staticTypeOf(name: string): StaticType {
  if (/^Array\s*\[/.test(name)) return "array";
  if (/^Dictionary\s*\[/.test(name)) return "dict";
  switch (name) {
    case "int":
      return "int";
    case "float":
      return "float";
    case "bool":
      return "bool";
    case "String":
    case "StringName":
    case "NodePath":
      return "string";
    case "Array":
    case "PackedStringArray":
    case "PackedInt32Array":
    case "PackedInt64Array":
    case "PackedFloat32Array":
    case "PackedFloat64Array":
      return "array";
    case "Dictionary":
      return "dict";
    case "Variant":
    case "":
      return "unknown";
    default:
      return { class: name };
  }
}

export const isNumber = (t: StaticType) => t === "int" || t === "float";
