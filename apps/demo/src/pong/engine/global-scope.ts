// The @GlobalScope functions the pong scripts call that @wsport/godot-compat does not provide
// (it has only what networking code needs): print, randf, clampf.
export function print(...args: unknown[]): void {
  console.log(args.map(String).join(""));
}

/** A random float in [0, 1]. */
export function randf(): number {
  return Math.random();
}

export function clampf(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
