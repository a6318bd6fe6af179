// @wsport/godot-compat/vite: the Vite plugin that lets `@rpc` run in a Vite app.
// Vite 8 transforms TypeScript with Oxc, which lowers only the legacy (`experimentalDecorators`) form
// and leaves standard decorators in the output, where no browser can parse them yet. This plugin lowers
// them first, with esbuild (an optional peer dependency: `npm install -D esbuild`), in the files that use
// one; Vite does the rest as usual. esbuild and tsc lower standard decorators on their own.

/** The part of Vite's `Plugin` type this plugin fills in (so this entry needs no Vite types). */
export interface DecoratorPlugin {
  name: string;
  enforce: "pre";
  transform(code: string, id: string): Promise<{ code: string; map: string } | null>;
}

/** A line that starts with `@name`: a decorator (an email address or `@` in a string does not start a line). */
const DECORATOR = /^\s*@[A-Za-z_$]/m;
const SCRIPT = /\.([cm]?[jt]s|[jt]sx)$/;

/**
 * `plugins: [standardDecorators()]` in `vite.config.ts`: lowers standard decorators (`@rpc(...)`) in your
 * own TypeScript and JavaScript files (not in node_modules) before Vite transforms them.
 */
export function standardDecorators(): DecoratorPlugin {
  let esbuild: typeof import("esbuild") | undefined;
  return {
    name: "wsport:standard-decorators",
    enforce: "pre",
    async transform(code, id) {
      const file = id.split("?")[0] as string;
      if (!SCRIPT.test(file) || file.includes("/node_modules/") || !DECORATOR.test(code)) return null;
      esbuild ??= await import("esbuild").catch(() => {
        throw new Error("@wsport/godot-compat/vite lowers decorators with esbuild: npm install -D esbuild");
      });
      const out = await esbuild.transform(code, {
        loader: file.endsWith("x") ? (file.endsWith(".tsx") ? "tsx" : "jsx") : /ts$/.test(file) ? "ts" : "js",
        target: "es2022",
        sourcemap: true,
        sourcefile: id,
        // Standard decorators whatever the project's tsconfig says: @rpc is one.
        tsconfigRaw: { compilerOptions: { experimentalDecorators: false, useDefineForClassFields: true } },
      });
      return { code: out.code, map: out.map };
    },
  };
}
