// Output is formatted by Biome (and its imports organized), the formatter of the wsport repository, with the configuration it
// finds from the output folder (the user's own biome.json, else Biome's defaults).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname } from "node:path";

const require = createRequire(import.meta.url);

/** `code` as Biome formats a file at `path`; throws with Biome's message when it cannot parse it. */
export function formatTypeScript(code: string, path: string, cwd: string): string {
  const bin = require.resolve("@biomejs/biome/bin/biome");
  // The output folder may not exist yet: Biome looks for its configuration from the nearest one that does.
  while (!existsSync(cwd) && dirname(cwd) !== cwd) cwd = dirname(cwd);
  const run = (args: string[], input: string) => {
    const result = spawnSync(process.execPath, [bin, ...args, `--stdin-file-path=${basename(path)}`], {
      input,
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0)
      throw new Error(
        `biome could not format the output of ${path}:\n${result.error?.message ?? (result.stderr || result.stdout)}`,
      );
    return result;
  };
  // `format` refuses code it cannot parse (a translator bug must not pass unnoticed); `check --write`
  // then organizes the imports as Biome's default rules want them.
  const formatted = run(["format"], code).stdout;
  const result = run(["check", "--write", "--linter-enabled=false"], formatted);
  return result.stdout;
}
