// Lua's coroutines over JavaScript generators. A translated coroutine body is a generator function:
// `coroutine.yield(a)` is `yield lua.ret(a)`, and a function that yields is called with `yield*`
// from the one that calls it. resume() runs the body up to its next yield and returns what it yielded,
// synchronously, as Lua's does (async functions could not: their next step runs later).
import { all, LuaError, type LuaMulti, LuaThread, type LuaValue, ret } from "./lua-core.js";

/** What coroutine.status() says. */
export type Status = "suspended" | "running" | "normal" | "dead";

/** A coroutine: the body, and once started the generator that holds its place. */
export class Coroutine extends LuaThread {
  status: Status = "suspended";
  generator: Generator<LuaValue, LuaValue, LuaValue> | undefined;
  readonly #id = (nextId++).toString(16).padStart(8, "0");
  constructor(readonly body: (...args: LuaValue[]) => LuaValue) {
    super();
  }
  /** What tostring() and print() show, as Lua's `thread: 0x…`. */
  override toString(): string {
    return `thread: 0x${this.#id}`;
  }
}

let nextId = 0x77770000;
const runningStack: Coroutine[] = [];

function isGenerator(value: LuaValue): value is Generator {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof value.next === "function" &&
    typeof value.throw === "function"
  );
}

export function create(body: LuaValue): Coroutine {
  if (typeof body !== "function")
    throw new TypeError(`bad argument #1 to 'create' (function expected, got ${typeof body})`);
  return new Coroutine(body);
}

/** true and what the body yielded (or returned); false and the error when it failed or cannot run. */
export function resume(co: LuaValue, ...args: LuaValue[]): LuaMulti {
  if (!(co instanceof Coroutine)) throw new TypeError("bad argument #1 to 'resume' (coroutine expected)");
  if (co.status === "dead") return ret(false, "cannot resume dead coroutine");
  if (co.status !== "suspended") return ret(false, "cannot resume non-suspended coroutine");
  const outer = runningStack.at(-1);
  if (outer) outer.status = "normal";
  runningStack.push(co);
  co.status = "running";
  try {
    let step: IteratorResult<LuaValue, LuaValue>;
    if (co.generator === undefined) {
      const result = co.body(...args);
      if (!isGenerator(result)) {
        co.status = "dead"; // a body that never yields: it ran to its end
        return ret(true, ...all(result));
      }
      co.generator = result;
      step = co.generator.next();
    } else step = co.generator.next(ret(...args));
    co.status = step.done ? "dead" : "suspended";
    return ret(true, ...all(step.value));
  } catch (error) {
    co.status = "dead";
    return ret(
      false,
      error instanceof LuaError ? error.value : error instanceof Error ? error.message : error,
    );
  } finally {
    runningStack.pop();
    if (outer) outer.status = "running";
  }
}

/** A function that resumes a new coroutine each call and returns what it yields; an error is raised again. */
export function wrap(body: LuaValue): (...args: LuaValue[]) => LuaMulti {
  const co = create(body);
  return (...args) => {
    const [ok, ...rest] = resume(co, ...args);
    if (!ok) throw new LuaError(rest[0]);
    return ret(...rest);
  };
}

export function status(co: LuaValue): Status {
  if (!(co instanceof Coroutine)) throw new TypeError("bad argument #1 to 'status' (coroutine expected)");
  return co.status;
}

/** The running coroutine, and whether it is the main one (there is none: true). */
export function running(): LuaMulti {
  const co = runningStack.at(-1);
  return ret(co, co === undefined);
}

export function isyieldable(): boolean {
  return runningStack.length > 0;
}
