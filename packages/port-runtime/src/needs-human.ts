// What a marked place calls: the argument type `never` makes `tsc` fail on the line, and if the
// code runs anyway (a bundler that skips type checks) it stops there with the reason instead of
// doing something the original never did.

/** A place `wsport-port` could not translate exactly; a human replaces the call. */
export function needs_human(reason: never): never {
  throw new Error(`wsport-port: this place needs a human: ${String(reason)}`);
}
