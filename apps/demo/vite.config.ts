// The demo's Vite config: two pages (index.html, the four-adapter room; pong.html, the Godot-style
// game). Besides the build, it writes dist/modules.json: every module that went into each chunk, so
// the test can prove that no byte of `ws` reached the browser bundle.
import { relative } from "node:path";
import { transform } from "esbuild";
import { defineConfig, type Plugin } from "vite";

/**
 * STAND-IN, to be replaced by @wsport/godot-compat's own Vite plugin once it lands: the pong
 * scripts use `@rpc(...)`, a TC39 standard decorator, and Vite 8's transform (oxc) leaves those in
 * the output, which no browser runs yet. esbuild lowers them as tsc would (the same as the
 * repository's test/standard-decorators.ts does for the tests). Only files with a decorator go
 * through it. The dedicated server is bundled by esbuild directly (scripts/pong-server.mjs).
 */
function lowerStandardDecorators(): Plugin {
  const decorator = /^\s*@[A-Za-z_$]/m;
  return {
    name: "wsport-demo:lower-standard-decorators",
    enforce: "pre",
    async transform(code, id) {
      if (!/\.[cm]?ts$/.test(id.split("?")[0] ?? "") || !decorator.test(code)) return null;
      const out = await transform(code, {
        loader: "ts",
        target: "es2022",
        sourcemap: true,
        sourcefile: id,
        tsconfigRaw: { compilerOptions: { experimentalDecorators: false, useDefineForClassFields: true } },
      });
      return { code: out.code, map: out.map };
    },
  };
}

function moduleList(): Plugin {
  let root = ".";
  return {
    name: "wsport-module-list",
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === "chunk")
          chunks[file] = Object.keys(output.modules)
            .map((id) => (id.startsWith("/") ? relative(root, id) : id))
            .sort();
      }
      this.emitFile({
        type: "asset",
        fileName: "modules.json",
        source: `${JSON.stringify(chunks, null, 2)}\n`,
      });
    },
  };
}

export default defineConfig({
  plugins: [lowerStandardDecorators(), moduleList()],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  build: {
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { room: "index.html", pong: "pong.html" } },
  },
});
