// What the port tests share: the fixtures and their expected translations, a free loopback port,
// and bounded waiting.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { translateSource } from "../src/translate/index.ts";

export const here = fileURLToPath(new URL(".", import.meta.url));

/** The fixtures (the end-to-end ones by engine, and the constructs): folder, source file, expected output file. */
export function fixtures(): Array<{ engine: string; source: string; expected: string }> {
  return ["godot", "defold", "solar2d", "aseprite", "constructs"].flatMap((engine) =>
    readdirSync(`${here}fixtures/${engine}`).map((file) => {
      const result = translateFixture(engine, file);
      return { engine, source: file, expected: result.outName };
    }),
  );
}

/** Translates test/fixtures/<engine>/<file> as the CLI does into test/expected/<engine>/. */
export function translateFixture(engine: string, file: string) {
  const path = `${here}fixtures/${engine}/${file}`;
  return translateSource(readFileSync(path, "utf8"), {
    file: path,
    engineModule: `../../engine/${engine}.ts`,
    outDir: `${here}expected/${engine}`,
  });
}

/** Translates a snippet in a file of the given name (the extension picks the language). */
export function translateSnippet(source: string, file = "snippet.gd") {
  return translateSource(source, {
    file: `${here}fixtures/${file}`,
    engineModule: "./engine.js",
    outDir: `${here}expected`,
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Calls `step` every few milliseconds until `done()` holds; fails after `timeoutMs` naming `what`. */
export async function until(
  done: () => boolean,
  what: string,
  step: () => void = () => {},
  timeoutMs = 8000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    step();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
