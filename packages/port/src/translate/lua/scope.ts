// What the Lua translator knows while it writes: the imports and marks so far, and what a first pass
// over the chunk found (globals, engine objects, the file's functions and which return several values
// or yield, names that only hold numbers). The layers build on it: operators.ts, calls.ts,
// expressions.ts, statements.ts, translate.ts.
import type * as L from "luaparse";
import { Imports, Marks, RUNTIME } from "../output.js";
import { BASE_FUNCTIONS, LIBRARIES } from "./names.js";
import { calleeName, type Expr, returnsSeveral, type Stmt } from "./syntax.js";

export interface LuaOptions {
  baseName: string;
  extension: string;
  engineModule: string;
}

export interface FunctionInfo {
  /** May return several values (a `return a, b`, `return ...` or `return f()`). */
  multi: boolean;
}

export abstract class LuaScope {
  readonly imports = new Imports();
  readonly marks = new Marks(this.imports);
  readonly engineNames = new Map<string, "class" | "value">();
  readonly comments: L.Comment[];
  /** Globals the script assigns (module-level variables). */
  readonly globals = new Set<string>();
  /** Names bound to engine or compat objects (their methods are JavaScript methods). */
  readonly engineObjects = new Set<string>();
  /** Local and global functions declared in this file, by name. */
  readonly functions = new Map<string, FunctionInfo>();
  /** `T.f` and `T:f` declared in this file: whether each may return several values. */
  readonly memberMulti = new Map<string, boolean>();
  /** Names assigned more than once (they are `let`). */
  readonly reassigned = new Set<string>();
  /** Functions that yield (directly, or by calling one that does): generator functions. */
  readonly generators = new Set<L.FunctionDeclaration>();
  /** Their names (`f`, `T.f`), for calls to them. */
  readonly yielding = new Set<string>();
  /** Whether the function being written is a generator. */
  inGenerator = false;
  /** The statements after the one being written, in its block (a local assigned there is `let`). */
  following: Stmt[] = [];
  /** Names that only ever hold numbers (their `+` is JavaScript's). */
  readonly numeric = new Set<string>();
  /** Names imported from modules (`require`, compat globals). */
  readonly importedNames = new Set<string>();
  readonly exports: string[] = [];
  /** `function T.f` at the top of the chunk: named exports when T is the module's table. */
  readonly memberFunctions: Array<{ table: string; name: string }> = [];
  /** Names used as function parameters anywhere (never engine objects, whatever else shares the name). */
  readonly parameters = new Set<string>();
  vararg: string | null = null;
  moduleReturn: string | null = null;

  constructor(
    readonly chunk: L.Chunk,
    readonly source: string,
    readonly options: LuaOptions,
  ) {
    this.comments = [...(chunk.comments ?? [])] as L.Comment[];
  }

  // --- analysis -----------------------------------------------------------------------------------

  /** One pass over the whole chunk: globals, functions, reassigned and numeric names, engine objects. */
  analyse(): void {
    const assignments = new Map<string, Expr[]>();
    const note = (name: string, value: Expr | undefined) => {
      const list = assignments.get(name) ?? [];
      if (list.length > 0) this.reassigned.add(name);
      list.push(value ?? ({ type: "NilLiteral", value: null, raw: "nil" } as L.NilLiteral));
      assignments.set(name, list);
    };
    const visit = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      const n = node as { type?: string } & Record<string, unknown>;
      switch (n.type) {
        case "LocalStatement": {
          const s = n as unknown as L.LocalStatement;
          for (const [i, v] of s.variables.entries()) note(v.name, s.init[i]);
          break;
        }
        case "AssignmentStatement": {
          const s = n as unknown as L.AssignmentStatement;
          for (const [i, v] of s.variables.entries()) {
            if (v.type === "Identifier") {
              if (!v.isLocal) this.globals.add(v.name);
              note(v.name, s.init[i]);
              this.reassigned.add(v.name);
            }
          }
          break;
        }
        case "FunctionDeclaration": {
          const f = n as unknown as L.FunctionDeclaration;
          for (const p of f.parameters) if (p.type === "Identifier") this.parameters.add(p.name);
          const dotted = f.identifier ? calleeName(f.identifier as Expr) : null;
          if (f.identifier?.type === "MemberExpression" && f.identifier.base.type === "Identifier")
            this.memberMulti.set(
              `${f.identifier.base.name}.${f.identifier.identifier.name}`,
              returnsSeveral(f.body),
            );
          if (dotted && f.identifier?.type === "Identifier") {
            this.functions.set(f.identifier.name, { multi: returnsSeveral(f.body) });
            if (!f.isLocal) this.globals.add(f.identifier.name);
          }
          break;
        }
        case "ForNumericStatement": {
          const f = n as unknown as L.ForNumericStatement;
          this.numeric.add(f.variable.name);
          break;
        }
      }
      for (const value of Object.values(n)) {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === "object" && "type" in value) visit(value);
      }
    };
    visit(this.chunk);
    this.findGenerators();
    // Engine objects: every assignment is a call on an engine or compat name (or a require of one).
    for (let pass = 0; pass < 3; pass++)
      for (const [name, values] of assignments)
        if (values.every((v) => v.type === "NilLiteral" || this.isEngineValue(v)))
          this.engineObjects.add(name);
    // Numeric names: every assignment is a numeric expression, given the others (optimistic fixpoint).
    const candidates = new Set([...assignments.keys()].filter((n) => !this.functions.has(n)));
    for (const n of candidates) this.numeric.add(n);
    for (let changed = true; changed; ) {
      changed = false;
      for (const n of [...this.numeric]) {
        const values = assignments.get(n);
        if (values && !values.every((v) => this.isNumeric(v))) {
          this.numeric.delete(n);
          changed = true;
        }
      }
    }
  }

  /**
   * Coroutines: a function whose body calls coroutine.yield is a generator, and so is one that calls
   * a generator by name, up to the functions handed to coroutine.create or wrap.
   */
  findGenerators(): void {
    const functions: Array<{
      node: L.FunctionDeclaration;
      name: string | null;
      yields: boolean;
      calls: Set<string>;
    }> = [];
    const collect = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      const n = node as { type?: string } & Record<string, unknown>;
      if (n.type === "FunctionDeclaration") {
        const f = n as unknown as L.FunctionDeclaration;
        const calls = new Set<string>();
        let yields = false;
        const scan = (inner: unknown): void => {
          if (!inner || typeof inner !== "object") return;
          const m = inner as { type?: string } & Record<string, unknown>;
          if (m.type === "FunctionDeclaration") return; // its own entry
          if (
            m.type === "CallExpression" ||
            m.type === "StringCallExpression" ||
            m.type === "TableCallExpression"
          ) {
            const base = (m as unknown as L.CallExpression).base;
            const called =
              calleeName(base) ?? (base.type === "MemberExpression" ? `:${base.identifier.name}` : null);
            if (called === "coroutine.yield") yields = true;
            else if (called) calls.add(called);
          }
          for (const v of Object.values(m)) (Array.isArray(v) ? v : [v]).forEach(scan);
        };
        f.body.forEach(scan);
        const id = f.identifier;
        const name = id
          ? (calleeName(id as Expr) ??
            (id.type === "MemberExpression" ? `${calleeName(id.base)}.${id.identifier.name}` : null))
          : null;
        functions.push({ node: f, name, yields, calls });
      }
      for (const v of Object.values(n)) (Array.isArray(v) ? v : [v]).forEach(collect);
    };
    collect(this.chunk);
    const method = (name: string) => name.slice(name.lastIndexOf(".") + 1);
    for (let changed = true; changed; ) {
      changed = false;
      for (const f of functions) {
        if (this.generators.has(f.node)) continue;
        const callsYielding = [...f.calls].some((c) =>
          c.startsWith(":") ? [...this.yielding].some((y) => `:${method(y)}` === c) : this.yielding.has(c),
        );
        if (f.yields || callsYielding) {
          this.generators.add(f.node);
          if (f.name) this.yielding.add(f.name.replace(":", "."));
          changed = true;
        }
      }
    }
  }

  /** Whether a call runs a function of this file that yields (its name, or a method of that name). */
  callsGenerator(base: Expr): boolean {
    if (base.type === "MemberExpression" && base.indexer === ":")
      return [...this.yielding].some((y) => y.endsWith(`.${base.identifier.name}`));
    const name = calleeName(base);
    return name !== null && this.yielding.has(name);
  }

  isEngineValue(e: Expr): boolean {
    if (e.type === "CallExpression" && e.base.type === "Identifier" && e.base.name === "require") return true;
    if (e.type === "Identifier") return this.engineObjects.has(e.name);
    const isCall =
      e.type === "CallExpression" || e.type === "TableCallExpression" || e.type === "StringCallExpression";
    let root: Expr = e;
    while ("base" in root && root.base) root = root.base as Expr;
    if (!isCall || root.type !== "Identifier") return false;
    return (
      (!root.isLocal && this.isEngineName(root.name) && !this.functions.has(root.name)) ||
      this.engineObjects.has(root.name)
    );
  }

  /** Whether `e` is rooted in an engine or compat object (its methods take no self): the root's name, else null. */
  engineRoot(e: Expr): string | null {
    let root: Expr = e;
    while (
      root.type === "MemberExpression" ||
      root.type === "IndexExpression" ||
      root.type === "CallExpression" ||
      root.type === "TableCallExpression" ||
      root.type === "StringCallExpression"
    )
      root = root.base;
    if (root.type !== "Identifier") return null;
    if (this.engineObjects.has(root.name) && (!root.isLocal || !this.isParameter(root.name)))
      return root.name;
    if (!root.isLocal && this.isEngineName(root.name) && !this.functions.has(root.name)) return root.name;
    return null;
  }

  isParameter(name: string): boolean {
    return this.parameters.has(name);
  }

  /** A global the script never assigns and the runtime does not provide: the engine's. */
  isEngineName(name: string): boolean {
    return !this.globals.has(name) && !BASE_FUNCTIONS.has(name) && !LIBRARIES.has(name) && name !== "require";
  }

  isNumeric(e: Expr): boolean {
    switch (e.type) {
      case "NumericLiteral":
        return true;
      case "Identifier":
        return this.numeric.has(e.name);
      case "BinaryExpression":
        if (["+", "-", "*", "/", "//", "%", "^"].includes(e.operator))
          return this.isNumeric(e.left) && this.isNumeric(e.right);
        return ["&", "|", "~", "<<", ">>"].includes(e.operator);
      case "UnaryExpression":
        return e.operator === "#" || (e.operator === "-" && this.isNumeric(e.argument));
      case "CallExpression": {
        const name = calleeName(e.base);
        return (
          !!name &&
          /^math\.(floor|ceil|abs|max|min|sqrt|random|fmod|huge|pi)$|^os\.(time|clock)$|^string\.len$/.test(
            name,
          )
        );
      }
      case "MemberExpression": {
        const name = calleeName(e);
        return name === "math.pi" || name === "math.huge";
      }
      default:
        return false;
    }
  }

  isBoolean(e: Expr): boolean {
    if (e.type === "BooleanLiteral") return true;
    if (e.type === "UnaryExpression") return e.operator === "not";
    if (e.type === "BinaryExpression") return ["==", "~=", "<", ">", "<=", ">="].includes(e.operator);
    if (e.type === "LogicalExpression") return this.isBoolean(e.left) && this.isBoolean(e.right);
    return false;
  }

  isString(e: Expr): boolean {
    if (e.type === "StringLiteral") return true;
    if (e.type === "BinaryExpression") return e.operator === "..";
    if (e.type === "CallExpression") {
      const name = calleeName(e.base);
      return name === "tostring" || /^string\.(sub|upper|lower|rep|format|reverse|char)$/.test(name ?? "");
    }
    return false;
  }

  rt(name: string): string {
    this.imports.value(RUNTIME, "lua");
    return `lua.${name}`;
  }
}
