// Follows Godot's core/object/class_db.cpp (ADD_PROPERTY: a property with its setter and getter).
// Godot binds each property's setter and getter as methods too, and ported scripts use both spellings
// (`peer.inbound_buffer_size = n` and `peer.set_inbound_buffer_size(n)`). A class lists such properties
// once: its constructor calls `propertyMethodsOnPrototype(Class, names)`, and the first instance adds a
// `get_<name>` and a `set_<name>` to the prototype that read and write the property, so the property's
// own checks serve both spellings. As with constantsOnInstances, the first instance does it rather than
// the module's load, so the class keeps no load-time effect and bundlers drop it when it is unused. The
// class declares the methods for TypeScript in an interface of its name (declaration merging).

/** Adds each property's getter and setter methods to `cls`'s prototype (the first call does). */
export function propertyMethodsOnPrototype(cls: { prototype: object }, names: readonly string[]): void {
  const prototype = cls.prototype;
  if (names.length === 0 || Object.hasOwn(prototype, `get_${names[0]}`)) return;
  for (const name of names) {
    // Methods of an object literal, so each has its Godot name (in stack traces too).
    const methods = {
      [`get_${name}`](this: Record<string, unknown>): unknown {
        return this[name];
      },
      [`set_${name}`](this: Record<string, unknown>, value: unknown): void {
        this[name] = value;
      },
    };
    for (const [key, value] of Object.entries(methods)) {
      Object.defineProperty(prototype, key, { value, writable: true, configurable: true });
    }
  }
}
