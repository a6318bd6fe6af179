// Engine Lua (Defold, Solar2D, Aseprite) to TypeScript over luaparse's syntax tree. Lua's meaning
// is kept through the runtime (`lua.*`, @wsport/port-runtime) wherever JavaScript's differs:
// truthiness, `..`, `#`, `%`, `+` on strings, multiple results, method calls, tables at 1 … n.
// Names, comments and blank lines are kept; what has no exact translation is a marked place.
import type * as L from "luaparse";
import { Imports, Marks, RUNTIME, safeName } from "../output.js";
import { decodeLuaString } from "./strings.js";
import "./luaparse-fields.js";

type Expr = L.Expression;
type Stmt = L.Statement;

const DEFOLD = "@wsport/defold-compat";
const CORONA = "@wsport/corona-compat";
const ASEPRITE = "@wsport/aseprite-compat";

/** Lua's base functions the runtime provides as lua.<name>. */
const BASE_FUNCTIONS = new Set([
  "print",
  "tostring",
  "tonumber",
  "type",
  "pairs",
  "ipairs",
  "next",
  "select",
  "error",
  "assert",
  "pcall",
  "setmetatable",
  "getmetatable",
  "rawget",
  "rawset",
  "unpack",
]);
/** The standard libraries the runtime provides as lua.<library>. */
const LIBRARIES = new Set(["string", "table", "math", "os", "coroutine"]);
/** Calls whose results may be several (the others give one value). */
const MULTI_RESULTS = new Set([
  "select",
  "pcall",
  "unpack",
  "next",
  "assert",
  "string.find",
  "string.match",
  "string.gsub",
  "string.byte",
  "table.unpack",
  "string.unpack",
  "coroutine.resume",
  "coroutine.running",
]);
/** Defold's script callbacks: exported for runScript. */
const DEFOLD_CALLBACKS = new Set([
  "init",
  "final",
  "update",
  "fixed_update",
  "on_message",
  "on_input",
  "on_reload",
]);
/** The globals the compat packages provide. */
const COMPAT_GLOBALS: Record<string, string> = {
  websocket: DEFOLD,
  WebSocket: ASEPRITE,
  WebSocketMessageType: ASEPRITE,
  MessageType: ASEPRITE,
};

export interface LuaOptions {
  baseName: string;
  extension: string;
  engineModule: string;
}

interface FunctionInfo {
  /** May return several values (a `return a, b`, `return ...` or `return f()`). */
  multi: boolean;
}

export function translateLua(chunk: L.Chunk, source: string, options: LuaOptions) {
  return new LuaTranslator(chunk, source, options).run();
}

class LuaTranslator {
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

  run() {
    this.analyse();
    const body = this.block(this.chunk.body, true);
    body.push(...this.commentsBefore(Number.POSITIVE_INFINITY));
    const globals = [...this.globals].filter((g) => !this.functions.has(g) && !this.importedNames.has(g));
    const declarations = globals.length
      ? [`let ${globals.map((g) => `${g}: LuaValue`).join(", ")};`, ""]
      : [];
    if (globals.length) this.imports.type(RUNTIME, "LuaValue");
    const tail = this.exports.length ? ["", ...this.exports] : [];
    const code = [this.imports.render(), "", ...declarations, ...body, ...tail, ""].join("\n");
    return { code, marks: this.marks, engineNames: this.engineNames };
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

  // --- comments and blocks ---------------------------------------------------------------------------

  /** Comments that start before `offset`, as TypeScript comments. */
  commentsBefore(offset: number): string[] {
    const out: string[] = [];
    while (this.comments.length && this.comments[0]!.range![0] < offset) {
      const c = this.comments.shift()!;
      out.push(...luaComment(c));
    }
    return out;
  }

  /** A comment that starts on the line where `node` ends, put at the end of its last output line. */
  trailingComment(node: L.Node): string {
    const c = this.comments[0];
    if (c && c.loc!.start.line === node.loc!.end.line && !c.raw.startsWith("--[")) {
      this.comments.shift();
      return ` //${c.value}`;
    }
    return "";
  }

  block(statements: Stmt[], top = false): string[] {
    const out: string[] = [];
    let previousEnd: number | null = null;
    const saved = this.following;
    const declared = new Set<string>();
    for (const [index, stmt] of statements.entries()) {
      this.following = statements.slice(index + 1);
      // Comments above the statement, and the blank lines around them, as in the source.
      let last = previousEnd;
      while (this.comments.length && this.comments[0]!.range![0] < stmt.range![0]) {
        const c = this.comments.shift()!;
        if (last !== null && c.loc!.start.line > last + 1) out.push("");
        out.push(...luaComment(c));
        last = c.loc!.end.line;
      }
      if (last !== null && stmt.loc!.start.line > last + 1) out.push("");
      const again =
        stmt.type === "LocalStatement" ? stmt.variables.find((v) => declared.has(v.name)) : undefined;
      if (stmt.type === "LocalStatement") for (const v of stmt.variables) declared.add(v.name);
      const lines = again
        ? [
            `${this.marks.mark(stmt.loc!.start.line, `local ${again.name} declared again in the same block`, "TypeScript cannot redeclare it; rename one")};`,
          ]
        : this.statement(stmt, top);
      // Comments inside an expression (a table constructor's lines) go above their statement.
      const inner = this.commentsBefore(stmt.range![1]);
      out.push(...inner, ...this.marks.takeComments(), ...lines);
      const trailing = this.trailingComment(stmt);
      if (trailing && out.length) out[out.length - 1] += trailing;
      previousEnd = stmt.loc!.end.line;
    }
    this.following = saved;
    return out;
  }

  // --- statements ------------------------------------------------------------------------------------

  statement(s: Stmt, top: boolean): string[] {
    const line = s.loc!.start.line;
    switch (s.type) {
      case "LocalStatement":
        return this.local(s);
      case "AssignmentStatement":
        return this.assign(s);
      case "CallStatement":
        return [`${this.call(s.expression as L.CallExpression, "statement")};`];
      case "FunctionDeclaration":
        return this.functionDeclaration(s, top);
      case "ReturnStatement":
        return this.returnStatement(s, top);
      case "IfStatement": {
        const out: string[] = [];
        s.clauses.forEach((c, i) => {
          if (c.type === "ElseClause") out.push("} else {");
          else out.push(`${i === 0 ? "" : "} else "}if (${this.condition(c.condition)}) {`);
          out.push(...this.block(c.body));
        });
        out.push("}");
        return out;
      }
      case "WhileStatement":
        return [`while (${this.condition(s.condition)}) {`, ...this.block(s.body), "}"];
      case "RepeatStatement": {
        const declared = new Set(
          s.body.flatMap((b) => (b.type === "LocalStatement" ? b.variables.map((v) => v.name) : [])),
        );
        if (usesNames(s.condition, declared))
          return [
            `${this.marks.mark(line, "repeat … until on a local of its body", "JavaScript's do … while cannot see the body's locals")};`,
          ];
        return ["do {", ...this.block(s.body), `} while (!(${this.condition(s.condition)}));`];
      }
      case "DoStatement":
        return ["{", ...this.block(s.body), "}"];
      case "BreakStatement":
        return ["break;"];
      case "ForNumericStatement":
        return this.forNumeric(s);
      case "ForGenericStatement":
        return this.forGeneric(s);
      case "GotoStatement":
      case "LabelStatement":
        return [
          `${this.marks.mark(line, s.type === "GotoStatement" ? `goto ${s.label.name}` : `::${s.label.name}::`, "JavaScript has no goto")};`,
        ];
      default:
        return [`${this.marks.mark(line, (s as L.Node).type, "a statement the tool does not translate")};`];
    }
  }

  local(s: L.LocalStatement): string[] {
    const line = s.loc!.start.line;
    // local x = require("…") → an import
    if (s.variables.length === 1 && s.init.length === 1) {
      const init = s.init[0]!;
      const req = requireName(init);
      if (req !== null) return this.require(s.variables[0]!.name, req, line);
    }
    const type = this.luaValueType();
    const keyword = s.variables.some((v) => this.following.some((f) => assignsName([f], v.name)))
      ? "let"
      : "const";
    if (s.init.length === 0)
      return [`let ${s.variables.map((v) => `${safeName(v.name)}${type}`).join(", ")};`];
    if (s.variables.length === 1 && s.init.length === 1)
      return [`${keyword} ${safeName(s.variables[0]!.name)}${type} = ${this.expr(s.init[0]!)};`];
    const declared = new Set(s.variables.map((v) => v.name));
    const last = s.init.at(-1)!;
    if (
      s.init.length === s.variables.length &&
      !this.mayBeMulti(last) &&
      !s.init.some((e) => usesNames(e, declared))
    )
      return s.variables.map((v, i) => `${keyword} ${safeName(v.name)}${type} = ${this.expr(s.init[i]!)};`);
    const names = s.variables.map((v) => safeName(v.name)).join(", ");
    return [
      `${keyword} [${names}]${type.replace(/^: (.*)$/, ": $1[]")} = ${this.valuesOf(s.init, s.variables.length)};`,
    ];
  }

  luaValueType(): string {
    this.imports.type(RUNTIME, "LuaValue");
    return ": LuaValue";
  }

  require(local: string, module: string, line: number): string[] {
    this.importedNames.add(local);
    this.engineObjects.add(local);
    if (module === "plugin.websockets") {
      this.imports.default(CORONA, local);
      return [];
    }
    if (/^[\w.]+$/.test(module) && !module.includes(".")) {
      // A Solar2D or engine library (json, socket, widget …): from the engine module.
      this.engineNames.set(module, "value");
      if (local === module) this.imports.value(this.options.engineModule, module);
      else return [`const ${local} = ${this.imports.value(this.options.engineModule, module)};`];
      return [];
    }
    if (/^[\w.]+$/.test(module)) {
      this.imports.default(`./${module.replace(/\./g, "/")}.js`, local);
      return [];
    }
    return [
      `const ${local} = ${this.marks.mark(line, `require(${JSON.stringify(module)})`, "not a module path the tool can import")};`,
    ];
  }

  /** The values of an expression list, as an array of exactly `count` (a trailing call spreads its results). */
  valuesOf(list: Expr[], count: number): string {
    return `${this.rt("values")}(${[String(count), ...this.list(list)].join(", ")})`;
  }

  /** An expression list: each value once, the last one's results spread when it is a call or `...`. */
  list(list: Expr[]): string[] {
    return list.map((e, i) => {
      if (i === list.length - 1 && e.type === "VarargLiteral") return `...${this.vararg ?? "args"}`;
      if (i === list.length - 1 && this.mayBeMulti(e)) return `...${this.rt("all")}(${this.callText(e)})`;
      return this.expr(e);
    });
  }

  assign(s: L.AssignmentStatement): string[] {
    if (s.variables.length === 1 && s.init.length === 1) {
      const target = s.variables[0]!;
      const value = s.init[0]!;
      if (target.type === "MemberExpression" && value.type === "FunctionDeclaration")
        return [`${this.expr(target)} = ${this.rt("fn")}(${this.functionExpr(value, null)});`];
      return [`${this.target(target)} = ${this.expr(value)};`];
    }
    const targets = s.variables.map((v) => this.target(v)).join(", ");
    return [`[${targets}] = ${this.valuesOf(s.init, s.variables.length)};`];
  }

  target(e: Expr): string {
    if (e.type === "Identifier") return safeName(e.name);
    return this.expr(e);
  }

  functionDeclaration(f: L.FunctionDeclaration, top: boolean): string[] {
    const id = f.identifier;
    if (id === null) return [`${this.functionExpr(f, null)};`];
    if (id.type === "Identifier") {
      const exported =
        top &&
        !f.isLocal &&
        DEFOLD_CALLBACKS.has(id.name) &&
        [".script", ".gui_script", ".render_script"].includes(this.options.extension);
      return [`${exported ? "export " : ""}${this.functionExpr(f, id.name)}`];
    }
    // function M.f(…) / function M:f(…): a function stored in a table (self first for `:`).
    const member = id as L.MemberExpression;
    const name = member.identifier.name;
    const target = `${this.primary(member.base)}.${name}`;
    if (top && member.base.type === "Identifier")
      this.memberFunctions.push({ table: member.base.name, name });
    return [
      `${target} = ${this.rt("fn")}(${this.functionExpr(f, name, (id as L.MemberExpression).indexer === ":")});`,
    ];
  }

  functionExpr(f: L.FunctionDeclaration, name: string | null, method = false): string {
    const saved = this.vararg;
    const savedGenerator = this.inGenerator;
    const params = f.parameters.map((p) =>
      p.type === "VarargLiteral" ? "...args: LuaValue[]" : `${safeName(p.name)}: LuaValue`,
    );
    if (method) params.unshift("self: LuaValue");
    this.imports.type(RUNTIME, "LuaValue");
    this.vararg = f.parameters.some((p) => p.type === "VarargLiteral") ? "args" : null;
    this.inGenerator = this.generators.has(f);
    const body = this.block(f.body);
    body.push(...this.commentsBefore(f.range![1]));
    this.vararg = saved;
    this.inGenerator = savedGenerator;
    if (this.generators.has(f)) {
      // Said in the output: the function changed kind.
      const note =
        "// wsport-port: a coroutine's code: a generator function (coroutine.yield is `yield`, calls to it `yield*`)";
      return `${note}\nfunction*${name ? ` ${safeName(name)}` : ""}(${params.join(", ")}): Generator<LuaValue, LuaValue, LuaValue> {\n${body.join("\n")}\n}`;
    }
    // An anonymous function never uses `this`: an arrow function is the same.
    if (!name) return `(${params.join(", ")}) => {\n${body.join("\n")}\n}`;
    return `function ${safeName(name)}(${params.join(", ")}) {\n${body.join("\n")}\n}`;
  }

  returnStatement(s: L.ReturnStatement, top: boolean): string[] {
    const line = s.loc!.start.line;
    if (top) {
      if (s.arguments.length === 1 && s.arguments[0]!.type === "Identifier") {
        const name = s.arguments[0]!.name;
        this.moduleReturn = name;
        this.exports.push(`export default ${name};`);
        const names = new Set<string>();
        for (const f of this.memberFunctions)
          if (
            f.table === name &&
            !names.has(f.name) &&
            !this.globals.has(f.name) &&
            !this.functions.has(f.name) &&
            f.name === safeName(f.name)
          ) {
            names.add(f.name);
            this.exports.push(`export const ${f.name} = ${name}.${f.name};`);
          }
        return [];
      }
      return [
        `${this.marks.mark(line, "return at the top of the chunk", "a module returns one table to become a default export")};`,
      ];
    }
    if (s.arguments.length === 0) return ["return;"];
    if (s.arguments.length === 1) {
      const a = s.arguments[0]!;
      if (a.type === "VarargLiteral") return [`return ${this.rt("ret")}(...${this.vararg ?? "args"});`];
      return [`return ${this.mayBeMulti(a) ? this.callText(a) : this.expr(a)};`];
    }
    return [`return ${this.rt("ret")}(${this.list(s.arguments).join(", ")});`];
  }

  forNumeric(s: L.ForNumericStatement): string[] {
    const v = safeName(s.variable.name);
    const assigned = assignsName(s.body, s.variable.name);
    const fixed = (e: Expr | null) =>
      e === null ||
      e.type === "NumericLiteral" ||
      (e.type === "UnaryExpression" && e.operator === "-" && e.argument.type === "NumericLiteral") ||
      (e.type === "Identifier" && !this.reassigned.has(e.name));
    const stepText = s.step ? this.expr(s.step) : "1";
    const negative = s.step && s.step.type === "UnaryExpression" && s.step.operator === "-";
    if (
      !assigned &&
      fixed(s.start) &&
      fixed(s.end) &&
      (s.step === null || s.step.type === "NumericLiteral" || negative)
    ) {
      const update = stepText === "1" ? `${v}++` : stepText === "-1" ? `${v}--` : `${v} += ${stepText}`;
      return [
        `for (let ${v} = ${this.expr(s.start)}; ${v} ${negative ? ">=" : "<="} ${this.expr(s.end)}; ${update}) {`,
        ...this.block(s.body),
        "}",
      ];
    }
    const args = [this.expr(s.start), this.expr(s.end), ...(s.step ? [stepText] : [])];
    return [`for (const ${v} of ${this.rt("range")}(${args.join(", ")})) {`, ...this.block(s.body), "}"];
  }

  forGeneric(s: L.ForGenericStatement): string[] {
    const names = s.variables.map((v) => safeName(v.name));
    const it = s.iterators;
    if (it.length === 1 && it[0]!.type === "CallExpression" && it[0]!.base.type === "Identifier") {
      const fn = it[0]!.base.name;
      if ((fn === "pairs" || fn === "ipairs") && !this.globals.has(fn) && it[0]!.arguments.length === 1) {
        const pattern = names.length === 1 ? `[${names[0]}]` : `[${names.slice(0, 2).join(", ")}]`;
        if (names.length > 2)
          return [
            `${this.marks.mark(s.loc!.start.line, `for with ${names.length} names over ${fn}`, "pairs and ipairs give two values")};`,
          ];
        return [
          `for (const ${pattern} of ${this.rt(fn)}(${this.expr(it[0]!.arguments[0]!)})) {`,
          ...this.block(s.body),
          "}",
        ];
      }
    }
    return [
      `for (const [${names.join(", ")}] of ${this.rt("iterate")}(${this.list(it).join(", ")})) {`,
      ...this.block(s.body),
      "}",
    ];
  }

  // --- expressions ----------------------------------------------------------------------------------

  rt(name: string): string {
    this.imports.value(RUNTIME, "lua");
    return `lua.${name}`;
  }

  condition(e: Expr): string {
    return this.isBoolean(e) ? this.expr(e) : `${this.rt("truthy")}(${this.expr(e)})`;
  }

  /** Whether a call may give several results (only known single-result callees do not). */
  mayBeMulti(e: Expr): boolean {
    if (e.type === "VarargLiteral") return true;
    if (e.type !== "CallExpression" && e.type !== "TableCallExpression" && e.type !== "StringCallExpression")
      return false;
    if (this.inParens(e)) return false;
    const base = e.base;
    const name = calleeName(base);
    if (name && MULTI_RESULTS.has(name)) return true;
    if (name && this.memberMulti.has(name)) return this.memberMulti.get(name)!;
    if (base.type === "MemberExpression" && base.indexer === ":" && base.base.type === "Identifier") {
      // obj:f() where only one table of this file defines f: its declaration says.
      const defs = [...this.memberMulti].filter(([k]) => k.endsWith(`.${base.identifier.name}`));
      if (defs.length === 1 && this.engineRoot(base.base) === null) return defs[0]![1];
    }
    if (base.type === "Identifier") {
      const fn = this.functions.get(base.name);
      if (fn) return fn.multi;
      if (BASE_FUNCTIONS.has(base.name)) return false;
      if (base.name === "require") return false;
      if ((!base.isLocal && this.isEngineName(base.name)) || this.importedNames.has(base.name)) return false;
      return true;
    }
    if (base.type === "MemberExpression" && base.indexer === ":")
      return !this.isString(base.base) && this.engineRoot(base.base) === null;
    const root = rootName(base);
    if (root && LIBRARIES.has(root) && !this.globals.has(root)) return false;
    if (this.engineRoot(base) !== null) return false;
    return true;
  }

  /** `(f())` keeps one result: the source has parentheses right around the call. */
  inParens(e: Expr): boolean {
    const [start, end] = e.range!;
    let i = start - 1;
    while (i >= 0 && /\s/.test(this.source[i]!)) i--;
    let j = end;
    while (j < this.source.length && /\s/.test(this.source[j]!)) j++;
    if (this.source[i] !== "(" || this.source[j] !== ")") return false;
    let k = i - 1;
    while (k >= 0 && /\s/.test(this.source[k]!)) k--;
    return !/[\w\])"'}]/.test(this.source[k] ?? "");
  }

  /** A call's text as is (all its results). */
  callText(e: Expr): string {
    if (e.type === "VarargLiteral") return `${this.rt("ret")}(...${this.vararg ?? "args"})`;
    return this.call(e as L.CallExpression, "multi");
  }

  expr(e: Expr): string {
    const line = e.loc!.start.line;
    switch (e.type) {
      case "NilLiteral":
        return "undefined";
      case "BooleanLiteral":
        return String(e.value);
      case "NumericLiteral":
        return numberText(e.raw);
      case "StringLiteral":
        return JSON.stringify(decodeLuaString(e.raw));
      case "VarargLiteral":
        return `${this.vararg ?? "args"}[0]`;
      case "Identifier":
        return this.identifier(e);
      case "FunctionDeclaration":
        return this.functionExpr(e, null);
      case "TableConstructorExpression":
        return this.table(e);
      case "UnaryExpression":
        return this.unary(e);
      case "BinaryExpression":
        return this.binary(e);
      case "LogicalExpression":
        return this.logical(e);
      case "MemberExpression":
        if (e.indexer === ":")
          return this.marks.mark(line, "method reference without a call", "not valid Lua");
        return `${this.primary(e.base)}.${e.identifier.name}`;
      case "IndexExpression":
        return `${this.primary(e.base)}[${this.expr(e.index)}]`;
      case "CallExpression":
      case "TableCallExpression":
      case "StringCallExpression":
        return this.call(e, "single");
      default:
        return this.marks.mark(line, (e as L.Node).type, "an expression the tool does not translate");
    }
  }

  /** An expression as the base of `.x`, `[k]` or a call: parenthesized when it is an operation. */
  primary(e: Expr): string {
    const text = this.expr(e);
    return [
      "BinaryExpression",
      "LogicalExpression",
      "UnaryExpression",
      "FunctionDeclaration",
      "StringLiteral",
      "NumericLiteral",
      "TableConstructorExpression",
    ].includes(e.type)
      ? `(${text})`
      : text;
  }

  identifier(e: L.Identifier): string {
    const name = e.name;
    if (e.isLocal || this.globals.has(name) || this.importedNames.has(name)) return safeName(name);
    if (BASE_FUNCTIONS.has(name) || LIBRARIES.has(name)) return this.rt(name);
    if (name === "_G")
      return this.marks.mark(e.loc!.start.line, "_G", "the global table has no JavaScript counterpart");
    if (COMPAT_GLOBALS[name]) {
      this.importedNames.add(name);
      return this.imports.value(COMPAT_GLOBALS[name]!, name);
    }
    this.engineNames.set(name, "value");
    return this.imports.value(this.options.engineModule, name);
  }

  table(e: L.TableConstructorExpression): string {
    const line = e.loc!.start.line;
    if (
      e.fields.length === 1 &&
      e.fields[0]!.type === "TableValue" &&
      e.fields[0]!.value.type === "VarargLiteral"
    )
      return `${this.rt("list")}(${this.vararg ?? "args"})`;
    let position = 0;
    const parts = e.fields.map((f, i) => {
      if (f.type === "TableKeyString") {
        const value = this.fieldValue(f.value);
        return value === f.key.name ? value : `${f.key.name}: ${value}`;
      }
      if (f.type === "TableValue") {
        position++;
        if (i === e.fields.length - 1 && this.mayBeMulti(f.value))
          return `...${this.marks.mark(line, "a call's results at the end of a table constructor", "write out the items it adds")}`;
        return `${position}: ${this.fieldValue(f.value)}`;
      }
      const key = f.key;
      if (key.type === "StringLiteral")
        return `${JSON.stringify(decodeLuaString(key.raw))}: ${this.fieldValue(f.value)}`;
      if (key.type === "NumericLiteral") return `${numberText(key.raw)}: ${this.fieldValue(f.value)}`;
      return `[${this.tableKey(key)}]: ${this.fieldValue(f.value)}`;
    });
    return parts.length ? `{ ${parts.join(", ")} }` : "{}";
  }

  tableKey(key: Expr): string {
    if (
      key.type === "BooleanLiteral" ||
      key.type === "TableConstructorExpression" ||
      key.type === "FunctionDeclaration"
    )
      return this.marks.mark(
        key.loc!.start.line,
        `table key ${key.type}`,
        "a JavaScript object's keys are strings",
      );
    return this.expr(key);
  }

  /** A table field's value; a function stored in a table is marked as Lua's, for `obj:method()`. */
  fieldValue(v: Expr): string {
    if (v.type === "FunctionDeclaration") return `${this.rt("fn")}(${this.functionExpr(v, null)})`;
    if (v.type === "Identifier" && this.functions.has(v.name)) return `${this.rt("fn")}(${safeName(v.name)})`;
    return this.expr(v);
  }

  unary(e: L.UnaryExpression): string {
    const arg = e.argument;
    switch (e.operator) {
      case "not":
        return this.isBoolean(arg) ? `!${this.wrapped(arg)}` : `!${this.rt("truthy")}(${this.expr(arg)})`;
      case "#":
        return `${this.rt("len")}(${this.expr(arg)})`;
      case "-":
        return `-${this.wrapped(arg)}`;
      default:
        return `${this.rt("bnot")}(${this.expr(arg)})`;
    }
  }

  wrapped(e: Expr): string {
    const text = this.expr(e);
    return ["BinaryExpression", "LogicalExpression", "UnaryExpression"].includes(e.type) &&
      !text.startsWith("lua.")
      ? `(${text})`
      : text;
  }

  binary(e: L.BinaryExpression): string {
    const l = () => this.wrapped(e.left);
    const r = () => this.wrapped(e.right);
    const line = e.loc!.start.line;
    switch (e.operator) {
      case "..": {
        const parts: Expr[] = [];
        const flatten = (x: Expr) => {
          if (x.type === "BinaryExpression" && x.operator === "..") {
            flatten(x.left);
            flatten(x.right);
          } else parts.push(x);
        };
        flatten(e);
        if (parts.every((p) => p.type === "StringLiteral"))
          return JSON.stringify(parts.map((p) => decodeLuaString((p as L.StringLiteral).raw)).join(""));
        return `${this.rt("concat")}(${parts.map((p) => this.expr(p)).join(", ")})`;
      }
      case "==":
        return `${l()} === ${r()}`;
      case "~=":
        return `${l()} !== ${r()}`;
      case "<":
      case ">":
      case "<=":
      case ">=":
        return `${l()} ${e.operator} ${r()}`;
      case "+":
        return this.isNumeric(e.left) && this.isNumeric(e.right)
          ? `${l()} + ${r()}`
          : `${this.rt("add")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "-":
      case "*":
      case "/":
        return `${l()} ${e.operator} ${r()}`;
      case "^":
        return `${l()} ** ${r()}`;
      case "//":
        return `Math.floor(${l()} / ${r()})`;
      case "%":
        return `${this.rt("mod")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "&":
        return `${this.rt("band")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "|":
        return `${this.rt("bor")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "~":
        return `${this.rt("bxor")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case "<<":
        return `${this.rt("shl")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      case ">>":
        return `${this.rt("shr")}(${this.expr(e.left)}, ${this.expr(e.right)})`;
      default:
        return this.marks.mark(line, `operator ${e.operator}`, "not a Lua operator the tool knows");
    }
  }

  logical(e: L.LogicalExpression): string {
    const js = e.operator === "and" ? "&&" : "||";
    // With a boolean on the left, JavaScript's && and || give Lua's value.
    if (this.isBoolean(e.left)) return `${this.wrapped(e.left)} ${js} ${this.wrapped(e.right)}`;
    const pure = isPure(e.right);
    const fn = e.operator === "and" ? (pure ? "and" : "andElse") : pure ? "or" : "orElse";
    const right = pure ? this.expr(e.right) : `() => ${this.expr(e.right)}`;
    return `${this.rt(fn)}(${this.expr(e.left)}, ${right})`;
  }

  call(
    e: L.CallExpression | L.TableCallExpression | L.StringCallExpression,
    context: "single" | "multi" | "statement",
  ): string {
    const line = e.loc!.start.line;
    const args: Expr[] =
      e.type === "CallExpression"
        ? e.arguments
        : e.type === "TableCallExpression"
          ? [e.arguments as Expr]
          : [e.argument as Expr];
    const base = e.base;
    // A function of one parameter takes the first of several results (TypeScript would refuse the spread).
    const single =
      base.type === "Identifier" && !base.isLocal && ["tostring", "type", "getmetatable"].includes(base.name);
    const argText = () => (single && args.length === 1 ? this.expr(args[0]!) : this.list(args).join(", "));
    let text: string;
    const name = calleeName(base);
    if (base.type === "Identifier" && base.name === "require" && !base.isLocal) {
      return this.marks.mark(
        line,
        "require outside `local x = require(…)`",
        "imports are module-level in TypeScript",
      );
    }
    if (
      name === "select" &&
      args[0]?.type === "StringLiteral" &&
      decodeLuaString(args[0].raw) === "#" &&
      args[1]?.type === "VarargLiteral"
    )
      return `${this.vararg ?? "args"}.length`;
    if (name === "coroutine.yield") {
      if (!this.inGenerator)
        return this.marks.mark(
          line,
          "coroutine.yield outside a function",
          "only a function can be a coroutine's body",
        );
      const yielded = `yield ${this.rt("ret")}(${argText()})`;
      if (context === "statement") return yielded;
      return context === "single" ? `${this.rt("first")}(${yielded})` : `(${yielded})`;
    }
    if (base.type === "MemberExpression" && base.indexer === ":") {
      const receiver = base.base;
      const method = base.identifier.name;
      const root = this.engineRoot(receiver);
      if (this.isString(receiver))
        text = `${this.rt("string")}.${method}(${[this.expr(receiver), ...this.list(args)].join(", ")})`;
      else if (root) text = `${this.primary(receiver)}.${method}(${argText()})`;
      else
        text = `${this.rt("method")}(${[this.expr(receiver), JSON.stringify(method), ...this.list(args)].join(", ")})`;
    } else {
      text = `${this.primary(base)}(${argText()})`;
    }
    if (this.callsGenerator(base)) {
      if (!this.inGenerator)
        return this.marks.mark(
          line,
          `${name ?? "a call"} outside a coroutine`,
          "it yields: only a coroutine's code can call it",
        );
      text = `(yield* ${text})`;
    }
    if (context === "single" && this.mayBeMulti(e) && !this.inParens(e))
      return `${this.rt("first")}(${text})`;
    if (context === "single" && this.mayBeMulti(e)) return `${this.rt("first")}(${text})`;
    return text;
  }
}

// --- helpers ------------------------------------------------------------------------------------------

function luaComment(c: L.Comment): string[] {
  if (c.raw.startsWith("--[")) {
    const lines = c.value.replace(/^\n/, "").split("\n");
    return ["/*", ...lines.map((l) => l.replace(/\*\//g, "* /")), "*/"];
  }
  return [`//${c.value}`];
}

function numberText(raw: string): string {
  if (/^0x/i.test(raw) && /[.p]/i.test(raw)) return String(Number.parseFloat(raw));
  if (raw.endsWith(".")) return `${raw}0`;
  if (raw.startsWith(".")) return `0${raw}`;
  return raw;
}

function rootName(e: Expr): string | null {
  switch (e.type) {
    case "Identifier":
      return e.name;
    case "MemberExpression":
    case "IndexExpression":
    case "CallExpression":
    case "TableCallExpression":
    case "StringCallExpression":
      return rootName(e.base);
    default:
      return null;
  }
}

/** `a.b.c` as text, for callees like string.find; null for anything else. */
function calleeName(e: Expr): string | null {
  if (e.type === "Identifier") return e.name;
  if (e.type === "MemberExpression" && e.indexer === ".") {
    const base = calleeName(e.base);
    return base ? `${base}.${e.identifier.name}` : null;
  }
  return null;
}

function requireName(e: Expr): string | null {
  if (
    e.type === "CallExpression" &&
    e.base.type === "Identifier" &&
    e.base.name === "require" &&
    e.arguments.length === 1
  ) {
    const a = e.arguments[0]!;
    if (a.type === "StringLiteral") return decodeLuaString(a.raw);
  }
  if (e.type === "StringCallExpression" && e.base.type === "Identifier" && e.base.name === "require")
    return decodeLuaString((e.argument as L.StringLiteral).raw);
  return null;
}

/** An expression with no calls (so evaluating it early has no effect). */
function isPure(e: Expr): boolean {
  switch (e.type) {
    case "NilLiteral":
    case "BooleanLiteral":
    case "NumericLiteral":
    case "StringLiteral":
    case "Identifier":
    case "VarargLiteral":
      return true;
    case "MemberExpression":
      return e.indexer === "." && isPure(e.base);
    case "IndexExpression":
      return isPure(e.base) && isPure(e.index);
    case "BinaryExpression":
      return isPure(e.left) && isPure(e.right) && !["..", "+", "%"].includes(e.operator);
    case "UnaryExpression":
      return e.operator !== "#" && isPure(e.argument);
    default:
      return false;
  }
}

function returnsSeveral(body: Stmt[]): boolean {
  let multi = false;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object" || multi) return;
    const n = node as { type?: string } & Record<string, unknown>;
    if (n.type === "FunctionDeclaration") return;
    if (n.type === "ReturnStatement") {
      const args = (n as unknown as L.ReturnStatement).arguments;
      const last = args.at(-1);
      if (
        args.length !== 1 ||
        (last &&
          ["CallExpression", "TableCallExpression", "StringCallExpression", "VarargLiteral"].includes(
            last.type,
          ))
      )
        multi = args.length !== 0;
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object" && "type" in value) visit(value);
    }
  };
  body.forEach(visit);
  return multi;
}

function usesNames(e: unknown, names: Set<string>): boolean {
  if (!e || typeof e !== "object") return false;
  const n = e as { type?: string; name?: string } & Record<string, unknown>;
  if (n.type === "Identifier" && names.has(n.name!)) return true;
  return Object.values(n).some((v) =>
    Array.isArray(v) ? v.some((x) => usesNames(x, names)) : v && typeof v === "object" && usesNames(v, names),
  );
}

function assignsName(body: Stmt[], name: string): boolean {
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== "object") return false;
    const n = node as { type?: string } & Record<string, unknown>;
    if (
      n.type === "AssignmentStatement" &&
      (n as unknown as L.AssignmentStatement).variables.some(
        (v) => v.type === "Identifier" && v.name === name,
      )
    )
      return true;
    return Object.values(n).some((v) =>
      Array.isArray(v) ? v.some(visit) : v && typeof v === "object" && visit(v),
    );
  };
  return body.some(visit);
}
