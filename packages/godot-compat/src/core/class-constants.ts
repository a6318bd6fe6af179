// Follows Godot's core/object/class_db.cpp (bind_constant).
// GDScript reads a class's constants through an instance as well (`socket.STATE_OPEN`), and ported
// scripts do. A class keeps its constants as `static readonly` members; its constructor calls
// `constantsOnInstances(Class)`, and the first instance copies the UPPER_CASE ones onto the prototype,
// read-only, so both spellings give the same value. The class declares them for TypeScript with
// `declare readonly NAME: typeof Class.NAME;` (a declaration emits nothing). Copying on the first
// instance rather than when the module loads (a static field or block, or a call after the class)
// keeps the class free of load-time effects, so every bundler drops a class a program never uses.

/** Classes whose constants are on their prototype already. */
const copied = new WeakSet<object>();

export function constantsOnInstances(cls: abstract new (...args: never[]) => unknown): void {
  if (copied.has(cls)) return;
  copied.add(cls);
  for (const key of Object.getOwnPropertyNames(cls)) {
    const value: unknown = (cls as unknown as Record<string, unknown>)[key];
    if (/^[A-Z][A-Z0-9_]*$/.test(key) && typeof value === "number") {
      Object.defineProperty(cls.prototype, key, { value, enumerable: false, writable: false });
    }
  }
}
