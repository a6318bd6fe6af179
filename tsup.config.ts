// The one build config every package uses (`tsup --config ../../tsup.config.ts`).
// A package lists its entry points under "wsport.entry" in its package.json;
// by default that is src/index.ts.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  wsport?: { entry?: string[]; mangleInternals?: boolean };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

export default defineConfig({
  entry: pkg.wsport?.entry ?? ["src/index.ts"],
  format: ["esm"],
  // Members tagged @internal (core's Connection hooks, renamed below) are left out of the published types.
  dts: { compilerOptions: { stripInternal: true } },
  clean: true,
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
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), /^node:/],
});

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
    for (const [, name] of code.matchAll(/\bvar (\w+) = class _\1\b/g)) {
      code = code.replace(new RegExp(`\\b_${name}\\b`, "g"), name as string);
    }
    writeFileSync(path, code);
  }
}
