// Follows Godot's core/object/class_db.cpp (bind_constant).
// GDScript reads a class's constants through an instance as well (`socket.STATE_OPEN`), and ported
// scripts do. A class keeps its constants as `static readonly` members; this copies the UPPER_CASE
// ones onto its prototype, read-only, so both spellings give the same value. Every class does it the
// same way, right after its constants (the call is marked pure, so a bundle that never uses the class
// still drops it; a static block or a call after the class would keep it):
//   static readonly #constants = /* @__PURE__ */ constantsOnInstances(this);
// and declares them for TypeScript with `declare readonly NAME: typeof Class.NAME;` (emits nothing).
export function constantsOnInstances<C extends abstract new (...args: never[]) => unknown>(cls: C): C {
  for (const key of Object.getOwnPropertyNames(cls)) {
    const value: unknown = (cls as unknown as Record<string, unknown>)[key];
    if (/^[A-Z][A-Z0-9_]*$/.test(key) && typeof value === "number") {
      Object.defineProperty(cls.prototype, key, { value, enumerable: false, writable: false });
    }
  }
  return cls;
}
