// Vite 8 transforms TypeScript with oxc, which lowers only the legacy (experimentalDecorators)
// form. Node 20 and today's browsers cannot run standard decorators, so files that use them (RPC
// tests and examples: `@rpc(...)`) go through esbuild first, which lowers them as tsc would.
import { transform } from "esbuild";
import type { Plugin } from "vitest/config";

const DECORATOR = /^\s*@[A-Za-z_$]/m;

export function standardDecorators(): Plugin {
  return {
    name: "wsport:standard-decorators",
    enforce: "pre",
    async transform(code, id) {
      if (!/\.[cm]?ts$/.test(id.split("?")[0]!) || !DECORATOR.test(code)) return null;
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
