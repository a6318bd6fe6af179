// The one build config every package uses (`tsup --config ../../tsup.config.ts`).
// A package lists its entry points under "wsport.entry" in its package.json;
// by default that is src/index.ts.
import { readFileSync } from "node:fs";
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
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), /^node:/],
});
