// The demo's Vite config: two pages (index.html, the four-adapter room; pong.html, the Godot-style
// game). Besides the build, it writes dist/modules.json: every module that went into each chunk, so
// the test can prove that no byte of `ws` reached the browser bundle.
import { relative } from "node:path";
import { standardDecorators } from "@wsport/godot-compat/vite";
import { defineConfig, type Plugin } from "vite";

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
  // standardDecorators(): the pong scripts' @rpc methods are standard decorators, which Vite alone leaves in.
  plugins: [standardDecorators(), moduleList()],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  build: {
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { room: "index.html", pong: "pong.html" } },
  },
});
