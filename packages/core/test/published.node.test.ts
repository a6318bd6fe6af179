// The package as it is published (dist/): what each entry exports, and types that agree with the
// built code. The build renames core's `_` members (mangleInternals), so the published types must not
// declare them, and Connection must be a type only: a subclass written against its types would break.
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { expect, it } from "vitest";
import { builtPackage } from "../../../test/built.ts";

const dir = builtPackage("core", "internal-node.js");
const dist = `${dir}dist/`;

const PUBLIC = [
  "DEFAULT_MAX_PAYLOAD",
  "MAX_CLOSE_REASON_BYTES",
  "MAX_TIMEOUT",
  "acceptSocket",
  "backoffDelay",
  "capabilities",
  "connect",
  "connectTcp",
  "createTcpListener",
  "isValidCloseCode",
  "messageBytes",
  "messageText",
  "startTls",
];
const INTERNAL = [
  "AS_BINARY",
  "AS_TEXT",
  "connectUnchecked",
  "decodeUtf8",
  "describe",
  "encodeUtf8",
  "holdWrites",
  "isToken",
  "isValidUtf8",
  "parseHeaderBlock",
  "parseWebSocketUrl",
  "utf8ByteLength",
  "utf8FitsIn",
];

it.each([
  ["node.js", PUBLIC],
  ["browser.js", PUBLIC],
  ["internal-node.js", INTERNAL],
  ["internal-browser.js", INTERNAL],
])("dist/%s exports exactly its list", async (file, names) => {
  const exports = Object.keys(await import(`${dist}${file}`)).sort();
  expect(exports).toEqual([...names].sort());
});

it("the exports map points both runtimes at those files", () => {
  const pkg = JSON.parse(readFileSync(`${dir}package.json`, "utf8"));
  expect(pkg.exports["."].node.default).toBe("./dist/node.js");
  expect(pkg.exports["."].default).toBe("./dist/browser.js");
  expect(pkg.exports["./internal"].node.default).toBe("./dist/internal-node.js");
  expect(pkg.exports["./internal"].default).toBe("./dist/internal-browser.js");
});

it("the built code has no `_` member names left, and the published types declare none", () => {
  const files = readdirSync(dist);
  const code = files.filter((f) => f.endsWith(".js")).map((f) => readFileSync(`${dist}${f}`, "utf8"));
  const hooks = /\.(_send|_ping|_close|_abort|_opened|_emit|_failed|_closed|_closing|_holdWrites)\b/;
  expect(code.filter((text) => hooks.test(text))).toEqual([]);
  const types = files.filter((f) => f.endsWith(".d.ts")).map((f) => readFileSync(`${dist}${f}`, "utf8"));
  expect(types.join("")).toMatch(/declare abstract class Connection/); // the check below reads the right text
  const member = /^\s+(?:(?:protected|public|private|static|readonly|abstract)\s+)*_[a-z]\w*\??\s*[(:<]/m;
  expect(types.filter((text) => member.test(text))).toEqual([]);
});

/** TypeScript's diagnostics for each source, compiled together against the published types. */
function typeErrors(sources: string[]): string[][] {
  const files = sources.map((_, i) => `${dir}published-check-${i}.ts`);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const source = (name: string) => sources[files.indexOf(name)];
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => source(name) ?? readFile(name);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => source(name) !== undefined || fileExists(name);
  const program = ts.createProgram(files, options, host);
  return files.map((file) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  );
}

it("Connection is a type in the published types: usable as one, not as a class to extend", () => {
  const entry = "./dist/browser.js";
  const [asType, asClass] = typeErrors([
    `import { type Connection, connect } from "${entry}";
      const conn: Connection = connect("ws://127.0.0.1:1/");
      conn.close();`,
    `import { Connection } from "${entry}";
      export class Mine extends Connection {}`,
  ]);
  expect(asType).toEqual([]);
  expect(asClass).toEqual([expect.stringMatching(/'Connection' only refers to a type/)]);
}, 60_000);
