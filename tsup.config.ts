// The one build config every package uses (`tsup --config ../../tsup.config.ts`).
// A package lists its entry points under "wsport.entry" in its package.json;
// by default that is src/index.ts.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  wsport?: { entry?: string[]; mangleInternals?: boolean; typesPerEntry?: boolean };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const entries = pkg.wsport?.entry ?? ["src/index.ts"];
// Members tagged @internal (core's Connection hooks, renamed below) are left out of the published types.
const dtsCompilerOptions = { stripInternal: true };
// Packages that opt in get one self-contained declaration file per entry (dist/<entry>.d.ts), built
// one entry at a time: a single declaration build of several entries moves what they share into a
// chunk named `<entry>-<hash>.d.ts`, and go-to-definition in a user's editor lands there.
const typesPerEntry = pkg.wsport?.typesPerEntry === true && entries.length > 1;
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  /^node:/,
];
// The builds run side by side, so none of them may empty dist/ once another has written to it.
if (typesPerEntry) rmSync("dist", { recursive: true, force: true });

const code = defineConfig({
  entry: entries,
  format: ["esm"],
  dts: typesPerEntry ? false : { compilerOptions: dtsCompilerOptions },
  clean: !typesPerEntry,
  target: "es2022",
  platform: "neutral",
  splitting: true,
  treeshake: true,
  sourcemap: false,
  // Dependencies stay imports so each runtime resolves its own transport.
  // Packages that opt in have their `_internal` members renamed in dist: they are never public,
  // and their names would otherwise be the bulk of a browser bundle's bytes.
  esbuildOptions(options) {
    if (pkg.wsport?.mangleInternals) options.mangleProps = /^_[a-z]/;
  },
  onSuccess: async () => restoreClassNames("dist"),
  external,
});

const typesOfEachEntry = entries.map((entry) => ({
  entry: [entry],
  format: ["esm" as const],
  dts: { only: true, compilerOptions: dtsCompilerOptions },
  clean: false,
  external,
}));

export default typesPerEntry ? [code, ...typesOfEachEntry] : code;

/**
 * Bundling turns `class X { … X … }` into `var X = class _X { … _X … }`, and users would see `_X` in
 * console.log and in V8's errors (`#<_X>`). Inside the class body `_X` and `X` are the same binding,
 * so naming it `X` again changes nothing else. (esbuild's keepNames only patches `.name`, not what V8
 * prints, and costs each browser bundle kilobytes.)
 */
function restoreClassNames(dir: string): void {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const path = `${dir}/${file}`;
    let code = readFileSync(path, "utf8");
    // `var X = class _X` (a class declaration) or `var X = class X2` (a class expression named X, as
    // the Node entry's `const WebSocketPeer = class WebSocketPeer extends …`): the inner name is X's own.
    // The outer name may carry a number too (`var JSON2 = class _JSON`, when the chunk also uses the
    // global JSON): the class body cannot reach that global anyway, its own name shadows it in the source.
    for (const [, name, inner] of code.matchAll(/\bvar (\w+?)\d* = class (_\1|\1\d+)\b/g)) {
      code = code.replace(new RegExp(`\\b${inner}\\b`, "g"), name as string);
    }
    writeFileSync(path, code);
  }
}
