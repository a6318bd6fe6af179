// The demo's Vite config. Besides the build, it writes dist/modules.json: every module that went
// into each chunk, so the test can prove that no byte of `ws` reached the browser bundle.
import { defineConfig, type Plugin } from "vite";

function moduleList(): Plugin {
  return {
    name: "wsport-module-list",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === "chunk") chunks[file] = Object.keys(output.modules).sort();
      }
      this.emitFile({ type: "asset", fileName: "modules.json", source: `${JSON.stringify(chunks, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [moduleList()],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  build: { chunkSizeWarningLimit: 2000 },
});
