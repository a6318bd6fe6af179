// Defold calls a script's lifecycle functions with the script instance as `self`, and an extension
// call made during one of them (websocket.connect) knows which instance made it. runScript plays the
// engine's part: it owns one `self`, calls the functions with it, and marks it as the running script.

/** The action table Defold passes to on_input (the fields a script usually reads). */
export interface InputAction {
  value?: number;
  pressed?: boolean;
  released?: boolean;
  repeated?: boolean;
  x?: number;
  y?: number;
  screen_x?: number;
  screen_y?: number;
  dx?: number;
  dy?: number;
  text?: string;
}

/** The lifecycle functions a Defold script (or gui_script) may define; each gets the instance first. */
export interface ScriptFunctions<S extends object> {
  init?(self: S): void;
  final?(self: S): void;
  update?(self: S, dt: number): void;
  fixed_update?(self: S, dt: number): void;
  on_message?(self: S, message_id: string, message: unknown, sender?: unknown): void;
  /** Returns true when it consumed the input. */
  on_input?(self: S, action_id: string | undefined, action: InputAction): unknown;
  on_reload?(self: S): void;
}

/** One running instance of a script: each method calls the script's function of that name, if it has one. */
export interface ScriptInstance<S extends object> {
  readonly self: S;
  init(): void;
  final(): void;
  update(dt: number): void;
  fixed_update(dt: number): void;
  on_message(message_id: string, message?: unknown, sender?: unknown): void;
  on_input(action_id: string | undefined, action: InputAction): boolean;
  on_reload(): void;
}

const NAMES = ["init", "final", "update", "fixed_update", "on_message", "on_input", "on_reload"] as const;

let running: object | undefined;

/** The `self` of the script whose function is running now (undefined outside any). */
export function runningScript(): object | undefined {
  return running;
}

/**
 * Calls `fn` with `thisArg` and up to four arguments as script `self` would: extension calls made
 * inside it belong to that instance. The arguments are passed, not closed over or spread: the socket
 * callback runs once per message, and a closure (or a rest array) per call was an allocation per message.
 */
export function asScript<T>(
  self: object | undefined,
  // biome-ignore lint/suspicious/noExplicitAny: any function of up to four arguments, whatever its `this`
  fn: (this: any, a: never, b: never, c: never, d: never) => T,
  thisArg: unknown,
  a?: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
): T {
  const outer = running;
  running = self;
  try {
    return (fn as (this: unknown, a: unknown, b: unknown, c: unknown, d: unknown) => T).call(
      thisArg,
      a,
      b,
      c,
      d,
    );
  } finally {
    running = outer;
  }
}

/**
 * Starts a script instance: `self` (a new empty table unless given) is passed to every lifecycle call,
 * and a `websocket.connect` made during one of them hands that `self` to its callback, as Defold does.
 */
export function runScript<S extends object = Record<string, unknown>>(
  script: ScriptFunctions<S>,
  self: S = {} as S,
): ScriptInstance<S> {
  if (typeof script !== "object" || script === null) {
    throw new TypeError(`runScript() needs the script's functions (an object), got ${typeof script}`);
  }
  if (typeof self !== "object" || self === null) {
    throw new TypeError(`runScript() needs an object as self, got ${self === null ? "null" : typeof self}`);
  }
  for (const name of NAMES) {
    const fn: unknown = script[name];
    if (fn !== undefined && typeof fn !== "function") {
      throw new TypeError(`runScript(): '${name}' must be a function, got ${typeof fn}`);
    }
  }
  const call = (name: (typeof NAMES)[number], a?: unknown, b?: unknown, c?: unknown): unknown => {
    const fn = script[name] as ((self: S, ...rest: unknown[]) => unknown) | undefined;
    return fn === undefined ? undefined : asScript(self, fn, script, self, a, b, c);
  };
  return {
    self,
    init: () => void call("init"),
    final: () => void call("final"),
    update: (dt) => void call("update", dt),
    fixed_update: (dt) => void call("fixed_update", dt),
    on_message: (message_id, message = {}, sender) => void call("on_message", message_id, message, sender),
    on_input: (action_id, action) => call("on_input", action_id, action) === true,
    on_reload: () => void call("on_reload"),
  };
}
