// GDScript's Variant: a value whose type the script does not declare.

/** A GDScript value whose type the script does not declare (Variant). */
// biome-ignore lint/suspicious/noExplicitAny: GDScript's Variant is dynamically typed
export type Variant = any;
