// The package's types as it is published (dist/, built from the current source): they name nothing
// internal, each entry has its own declaration file (go-to-definition lands in the entry's file, not in
// a hashed chunk), and `method.rpc(...)` type-checks only in a program that opts in to Godot's
// callable forms (`@wsport/godot-compat/rpc-callable`). The programs are compiled `strict`, as a user's.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtPackage } from "../../../test/built.ts";

/** Names of the package's own workings: none may appear in a published declaration file. */
const INTERNAL_NAMES = [
  "NATIVE", // the symbol that held the native build's features (gone)
  "NativeFeatures", // what the Node entry adds to WebSocketPeer
  "Heartbeat", // one peer's pings
  "Session", // one connection's state
  "WebSocketPeerBase", // aliases the Node entry's classes extend in JavaScript
  "WebSocketMultiplayerPeerBase",
  "CryptoBase",
  "CryptoKeyBase",
  "X509CertificateBase",
  "sendCommand", // SceneMultiplayer's seam for the RPC layer
  "setCommandHandler",
  "CommandHandler",
  "MultiplayerLayer",
  "ByteIo", // how a StreamPeer reaches its bytes
  "SocketPeer",
  "RpcHolder", // a node's RPC tables
  "NodeRpcs",
  "constantsOnInstances",
  "setPem",
  "tlsSettings",
  "coreStreamOf",
  "socketIo",
  "streamPeerFor",
];
/** A member declared with a `_lowercase` name: the package's internal idiom, stripped and renamed by the build. */
const INTERNAL_MEMBER = /^\s*(?:static\s+)?(?:readonly\s+)?(_[a-z]\w*)\??\s*[:(]/gm;

let dir: string;
let declarations: Map<string, string>;

beforeAll(() => {
  dir = builtPackage("godot-compat", "rpc-callable.d.ts");
  builtPackage("core", "node.d.ts");
  const files = readdirSync(join(dir, "dist")).filter((f) => f.endsWith(".d.ts"));
  declarations = new Map(files.map((f) => [f, readFileSync(join(dir, "dist", f), "utf8")]));
}, 180_000);

describe("the published declaration files", () => {
  it("are one per entry, named after it (no hashed chunk)", () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      wsport: { entry: string[] };
    };
    const entries = pkg.wsport.entry.map((entry) => entry.replace(/^src\/(.*)\.ts$/, "$1.d.ts"));
    expect(entries).toContain("rpc-callable.d.ts");
    expect([...declarations.keys()].sort()).toEqual(entries.sort());
  });

  it(`name none of the package's internals (${INTERNAL_NAMES.length} names, and _members)`, () => {
    const found: string[] = [];
    for (const [file, text] of declarations) {
      for (const name of INTERNAL_NAMES) {
        if (new RegExp(`\\b${name}\\b`).test(text)) found.push(`${file}: ${name}`);
      }
      for (const [, member] of text.matchAll(INTERNAL_MEMBER)) found.push(`${file}: ${member}`);
    }
    expect(found).toEqual([]);
  });

  it("declare rpc/rpc_id on Function only in the opt-in entry", () => {
    const global = /interface Function\b/;
    expect(global.test(declarations.get("index.d.ts")!)).toBe(false);
    expect(global.test(declarations.get("node.d.ts")!)).toBe(false);
    expect(global.test(declarations.get("rpc-callable.d.ts")!)).toBe(true);
  });
});

describe("a strict program against the published package", () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "godot-compat-types-"));
    mkdirSync(join(project, "node_modules", "@wsport"), { recursive: true });
    symlinkSync(dir, join(project, "node_modules", "@wsport", "godot-compat"), "dir");
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  // Compiling takes seconds (TypeScript reads the DOM and ES libraries); each program reuses the last's files.
  let previous: ts.Program | undefined;

  /** Type-checks one file; its diagnostics as "line: TScode", and the program for more questions. */
  function compile(source: string, resolution: "nodenext" | "bundler") {
    const file = join(project, `${resolution}-${Math.random().toString(36).slice(2)}.mts`);
    writeFileSync(file, source);
    const program = ts.createProgram({
      rootNames: [file],
      oldProgram: previous,
      options: {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
        skipLibCheck: false,
        ...(resolution === "nodenext"
          ? { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
          : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
      },
    });
    previous = program;
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const line =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${d.file === undefined ? "" : d.file.fileName === file ? "" : `${d.file.fileName} `}${line}: TS${d.code}`;
    });
    return { diagnostics, program, file };
  }

  /** The file that declares the entry's WebSocketPeer, as go-to-definition finds it. */
  function declarationFileOfWebSocketPeer(program: ts.Program, file: string): string {
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    let found = "";
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === "WebSocketPeer" && found === "") {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol !== undefined) {
          const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
          found = target.declarations?.[0]?.getSourceFile().fileName ?? "";
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found.slice(found.lastIndexOf("/dist/") + 1);
  }

  const withoutOptIn = `import { Node, rpc, WebSocketPeer, OK, type Error, type StreamPeer, StreamPeerTLS, TCPServer } from "@wsport/godot-compat";

const peer = new WebSocketPeer();
const sent: Error = peer.send_text("hello");
class Game extends Node {
  @rpc("any_peer", "call_local")
  set_turn(turn: number): void {
    console.log(turn, sent === OK);
  }
  start(): void {
    this.rpc("set_turn", 1);
  }
}
new Game().start();
(() => 0).rpc(1);
// As Godot's Object-typed parameters: any StreamPeer, or null (the call then returns an error).
const stream: StreamPeer | null = TCPServer.new().take_connection();
peer.accept_stream(stream);
new StreamPeerTLS().connect_to_stream(stream, "example.com");
`;

  it("`(() => 0).rpc(1)` does not compile without the opt-in (and nothing else fails)", () => {
    for (const resolution of ["nodenext", "bundler"] as const) {
      const { diagnostics } = compile(withoutOptIn, resolution);
      // Line 15 is `(() => 0).rpc(1)`: "Property 'rpc' does not exist".
      expect(diagnostics, resolution).toEqual(["15: TS2339"]);
    }
  }, 120_000);

  it("a decorated method's .rpc(...) and .rpc_id(...) compile with the opt-in", () => {
    const source = `import type {} from "@wsport/godot-compat/rpc-callable";
import { Node, rpc, type Error } from "@wsport/godot-compat";

class Game extends Node {
  @rpc("any_peer", "call_local")
  set_turn(turn: number): void {
    console.log(turn);
  }
  start(): Error {
    this.set_turn.rpc(1);
    return this.set_turn.rpc_id(1, 2);
  }
}
new Game().start();
`;
    for (const resolution of ["nodenext", "bundler"] as const) {
      expect(compile(source, resolution).diagnostics, resolution).toEqual([]);
    }
  }, 120_000);

  it("go-to-definition on WebSocketPeer lands in the entry's own declaration file", () => {
    const source = `import { WebSocketPeer } from "@wsport/godot-compat";\nexport const peer = new WebSocketPeer();\n`;
    // Node resolves the package's "node" condition; a bundler for browsers, the default one.
    const node = compile(source, "nodenext");
    expect(declarationFileOfWebSocketPeer(node.program, node.file)).toBe("dist/node.d.ts");
    const browser = compile(source, "bundler");
    expect(declarationFileOfWebSocketPeer(browser.program, browser.file)).toBe("dist/index.d.ts");
  }, 120_000);
});
