// A user's plain Vite build, unminified so names read as the devtools show them. It writes the
// list of modules that went into the bundle, so the test can tell that `ws` stayed out.
import { writeFileSync } from "node:fs";
import { defineConfig } from "vite";

export default defineConfig({
  logLevel: "warn",
  build: { minify: false },
  plugins: [
    {
      name: "list-bundled-modules",
      generateBundle(_options, bundle) {
        const modules = Object.values(bundle).flatMap(
          (chunk) => chunk.moduleIds ?? Object.keys(chunk.modules ?? {}),
        );
        writeFileSync("bundled-modules.json", JSON.stringify(modules));
      },
    },
  ],
});
