// Measures the package's published types against Godot 4.7's class database (docs/spec/godot-class-db.json):
// every method (static where Godot's is, its required and total argument counts, `Error` returned as the
// package's Error type), every property (as a property and as its setter and getter), every signal, every
// constant and enum value (on the class and on its instances), every builtin class method and utility
// function. It reads the types with TypeScript's checker, so a member that only exists because Uint8Array or
// Object has one of that name (PackedByteArray's `find`) counts as missing.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoDir = join(packageDir, "../..");
export const classDbPath = join(repoDir, "docs/spec/godot-class-db.json");
const srcDir = join(packageDir, "src");

/** Godot's class database as extracted into docs/spec. */
export function loadClassDb() {
  return JSON.parse(readFileSync(classDbPath, "utf8"));
}

function program() {
  const configPath = join(packageDir, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, packageDir);
  return ts.createProgram([join(srcDir, "node.ts")], { ...parsed.options, noEmit: true });
}

/** Is this symbol declared in the package's own source (not lib.d.ts's Uint8Array or Object)? */
function ownDeclaration(symbol) {
  return (symbol.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(srcDir));
}

let sourceText;
/** Whether the package's source names `name` as a string (how it calls a script's lifecycle functions). */
function calledByName(name) {
  sourceText ??= ts.sys
    .readDirectory(srcDir, [".ts"])
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  return sourceText.includes(`"${name}"`);
}

function isOptionalParameter(parameter) {
  const d = parameter.valueDeclaration;
  return Boolean(d && ts.isParameter(d) && (d.questionToken || d.initializer || d.dotDotDotToken));
}

function isRestParameter(parameter) {
  const d = parameter.valueDeclaration;
  return Boolean(d && ts.isParameter(d) && d.dotDotDotToken);
}

/** Does one of the signatures take Godot's arguments: the same required count, and all of them? */
function signatureProblem(checker, type, godot) {
  const signatures = type.getCallSignatures();
  if (signatures.length === 0) return "not a function";
  const required = godot.args.filter((a) => a.default === undefined).length;
  const total = godot.args.length;
  const shapes = signatures.map((s) => {
    const params = s.parameters;
    const rest = params.length > 0 && isRestParameter(params[params.length - 1]);
    const fixed = rest ? params.slice(0, -1) : params;
    let min = fixed.findIndex(isOptionalParameter);
    if (min < 0) min = fixed.length;
    return { min, max: fixed.length, rest, signature: s };
  });
  const fits = shapes.find((s) =>
    godot.is_vararg
      ? s.rest && s.min <= required && s.max <= total
      : s.min === required && (s.max === total || (s.rest && s.max <= total)),
  );
  if (!fits) {
    const want = `${required} required of ${total}${godot.is_vararg ? " + varargs" : ""}`;
    const got = shapes.map((s) => `${s.min} required of ${s.max}${s.rest ? " + rest" : ""}`).join(" | ");
    return `arguments: Godot takes ${want}, the package ${got}`;
  }
  if (godot.return?.startsWith("enum::") && godot.return !== "enum::Error") {
    const returned = checker.getReturnTypeOfSignature(fits.signature);
    const literals = returned.isUnion() ? returned.types : [returned];
    if (!literals.every((t) => t.isNumberLiteral())) {
      return `returns ${checker.typeToString(returned)}, not the union of ${godot.return.slice(6)}'s values`;
    }
  }
  if (godot.return === "enum::Error") {
    const returned = checker.getReturnTypeOfSignature(fits.signature);
    const alias = returned.aliasSymbol;
    const fromErrorTs = alias?.declarations?.some((d) =>
      d.getSourceFile().fileName.endsWith("core/error.ts"),
    );
    if (!fromErrorTs) return `returns ${checker.typeToString(returned)}, not the package's Error`;
  }
  return null;
}

function member(kind, name, problem) {
  return { kind, name, present: problem === null, problem };
}

function measureClass(checker, symbol, godot, builtin) {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  const staticSide = declaration ? checker.getTypeOfSymbolAtLocation(symbol, declaration) : undefined;
  // A class, or a constant holding one (SceneTree is exported through its module's registration).
  const instanceSide =
    symbol.flags & ts.SymbolFlags.Class
      ? checker.getDeclaredTypeOfSymbol(symbol)
      : staticSide?.getConstructSignatures()[0]?.getReturnType();
  const own = (side, name) => {
    const p = side?.getProperty(name);
    if (!p) return { problem: "missing" };
    if (!ownDeclaration(p)) return { problem: "only the JavaScript built-in of that name" };
    return { property: p };
  };
  const typeOf = (p) => checker.getTypeOfSymbol(p);
  const members = [];
  for (const m of godot.methods ?? []) {
    const side = m.is_static ? staticSide : instanceSide;
    const found = own(side, m.name);
    let problem = found.problem ?? signatureProblem(checker, typeOf(found.property), m);
    if (found.problem && m.is_static && own(instanceSide, m.name).property) problem = "not static";
    if (found.problem && !m.is_static && own(staticSide, m.name).property) problem = "static, Godot's is not";
    // A virtual method is the script's to define; it counts when the package calls it by name.
    if (found.problem && m.is_virtual && !builtin) problem = calledByName(m.name) ? null : "never called";
    members.push(
      member(m.is_virtual ? "virtual" : m.is_static ? "static method" : "method", m.name, problem),
    );
  }
  for (const p of godot.properties ?? []) {
    const missing = [p.name, p.setter, p.getter].filter((n) => n && own(instanceSide, n).problem);
    members.push(member("property", p.name, missing.length ? `missing ${missing.join(", ")}` : null));
  }
  for (const s of godot.signals ?? []) {
    const found = own(instanceSide, s.name);
    const isSignal = found.property && typeOf(found.property).getSymbol()?.getName() === "Signal";
    members.push(member("signal", s.name, found.problem ?? (isSignal ? null : "not a Signal")));
  }
  const constants = [
    ...(godot.constants ?? []).map((c) => ({ ...c, kind: "constant" })),
    ...(godot.enums ?? []).flatMap((e) => e.values.map((v) => ({ ...v, kind: `enum ${e.name}` }))),
  ];
  for (const c of constants) {
    const missing = [];
    if (own(staticSide, c.name).problem) missing.push("on the class");
    if (own(instanceSide, c.name).problem) missing.push("on instances");
    members.push(member(c.kind, c.name, missing.length ? `missing ${missing.join(" and ")}` : null));
  }
  return members;
}

function notExported(godot, builtin) {
  const names = [
    ...(godot.methods ?? []).map((m) => [
      m.is_virtual ? "virtual" : m.is_static ? "static method" : "method",
      m.name,
    ]),
    ...(godot.properties ?? []).map((p) => ["property", p.name]),
    ...(godot.signals ?? []).map((s) => ["signal", s.name]),
    ...(godot.constants ?? []).map((c) => ["constant", c.name]),
    ...(godot.enums ?? []).flatMap((e) => e.values.map((v) => [`enum ${e.name}`, v.name])),
  ];
  const why = builtin ? "builtin class not exported" : "class not exported";
  return names.map(([kind, name]) => member(kind, name, why));
}

/**
 * Measures every class, builtin class and utility function of the database against the Node entry's
 * exports (a superset of the browser entry's). Returns `[{ name, group, members }]`, the database's order.
 */
export function measure(db = loadClassDb()) {
  const p = program();
  const checker = p.getTypeChecker();
  const entry = p.getSourceFile(join(srcDir, "node.ts"));
  const exports = new Map();
  for (const s of checker.getExportsOfModule(checker.getSymbolAtLocation(entry))) {
    exports.set(s.getName(), s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  }
  const result = [];
  for (const [group, classes] of [
    ["class", db.classes],
    ["builtin", db.builtin_classes],
  ]) {
    for (const godot of Object.values(classes)) {
      const symbol = exports.get(godot.name);
      const isClass =
        symbol &&
        (symbol.flags & ts.SymbolFlags.Class ||
          checker.getTypeOfSymbol(symbol).getConstructSignatures().length > 0);
      const members = isClass
        ? measureClass(checker, symbol, godot, group === "builtin")
        : notExported(godot, group === "builtin");
      result.push({ name: godot.name, group, members });
    }
  }
  const utilities = db.utility_functions.map((f) => {
    const symbol = exports.get(f.name);
    if (!symbol) return member("function", f.name, "missing");
    if (!ownDeclaration(symbol))
      return member("function", f.name, "only the JavaScript built-in of that name");
    return member("function", f.name, signatureProblem(checker, checker.getTypeOfSymbol(symbol), f));
  });
  result.push({ name: "@GlobalScope", group: "utility", members: utilities });
  return result;
}

/** `present/total` per class, and the whole. */
export function figures(measured) {
  const rows = measured.map((c) => ({
    name: c.name,
    present: c.members.filter((m) => m.present).length,
    total: c.members.length,
  }));
  const present = rows.reduce((n, r) => n + r.present, 0);
  const total = rows.reduce((n, r) => n + r.total, 0);
  return { rows, present, total };
}

export const relativeToRepo = (path) => relative(repoDir, path);
