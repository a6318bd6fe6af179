// The engine module the tool writes when the user names none: a typed stand-in for every engine
// class and global the scripts use, which says "not ported: <name>" as soon as a program touches it.
// Classes a script extends are nodes (godot-compat's Node) that keep any property a script sets.
import { RUNTIME } from "./output.js";

/** The source of `wsport-engine.ts` for the names the translated files import. */
export function engineModuleSource(names: Map<string, "class" | "value">): string {
  const sorted = [...names].sort(([a], [b]) => a.localeCompare(b));
  const lines = [
    "// Written by wsport-port: stand-ins for the engine names the translated scripts use.",
    "// Replace each with your port of it (or pass --engine-module to use your own module).",
    'import { Node } from "@wsport/godot-compat";',
    `import type { Variant } from "${RUNTIME}";`,
    "",
    "function notPorted(name: string): Variant {",
    "  const fail = (): never => {",
    '    throw new Error("not ported: " + name);',
    "  };",
    "  return new Proxy(fail, { get: fail, set: fail, apply: fail, construct: fail });",
    "}",
    "",
  ];
  for (const [name, kind] of sorted) {
    if (kind === "class")
      lines.push(
        `/** not ported: ${name} (a node that keeps what the script sets on it). */`,
        `export class ${name} extends Node {`,
        "  [property: string]: Variant;",
        "}",
      );
    else lines.push(`export const ${name}: Variant = notPorted(${JSON.stringify(name)});`);
  }
  return `${lines.join("\n")}\n`;
}
