// What every translator collects while it writes: the imports the output needs (by module, in a
// stable order), the engine names it could not place (for the generated engine module), and the
// marked places a human must decide.

/** The package translated code imports its GDScript and Lua helpers from (`gd`, `lua`, `needs_human`). */
export const RUNTIME = "@wsport/port-runtime";

/** One place the tool did not translate: what it is, where in the source, and why. */
export interface MarkedPlace {
  line: number;
  construct: string;
  reason: string;
}

/** Imports by module specifier: value names and type-only names. */
export class Imports {
  readonly #modules = new Map<string, { values: Set<string>; types: Set<string>; default?: string }>();

  #module(from: string) {
    let entry = this.#modules.get(from);
    if (!entry) {
      entry = { values: new Set(), types: new Set() };
      this.#modules.set(from, entry);
    }
    return entry;
  }

  value(from: string, name: string): string {
    this.#module(from).values.add(name);
    return name;
  }

  type(from: string, name: string): string {
    this.#module(from).types.add(name);
    return name;
  }

  /** `import type {} from "…"`: a module read for its global type declarations only. */
  declarations(from: string): void {
    this.#module(from);
  }

  /** `import { name as local }`: for a name the module itself uses for something else. */
  alias(from: string, name: string, local: string): string {
    this.#module(from).values.add(`${name} as ${local}`);
    return local;
  }

  default(from: string, local: string): string {
    this.#module(from).default = local;
    return local;
  }

  /** `import` lines, packages first, then relative paths, each sorted. */
  render(): string {
    const specifiers = [...this.#modules.keys()].sort((a, b) => {
      const rel = (s: string) => (s.startsWith(".") ? 1 : 0);
      return rel(a) - rel(b) || a.localeCompare(b);
    });
    return specifiers
      .map((from) => {
        const { values, types, default: def } = this.#modules.get(from)!;
        const named = [
          ...[...values].map((n) => ({ n, s: n })),
          ...[...types].filter((n) => !values.has(n)).map((n) => ({ n, s: `type ${n}` })),
        ]
          .sort((a, b) => a.n.localeCompare(b.n))
          .map((x) => x.s);
        const parts = [def, named.length ? `{ ${named.join(", ")} }` : undefined].filter(Boolean);
        const typeOnly = !def && values.size === 0 && types.size > 0;
        if (!def && values.size === 0 && types.size === 0)
          return `import type {} from ${JSON.stringify(from)};`;
        return typeOnly
          ? `import type { ${[...types].sort().join(", ")} } from ${JSON.stringify(from)};`
          : `import ${parts.join(", ")} from ${JSON.stringify(from)};`;
      })
      .join("\n");
  }
}

/** The marked places of one file; `mark()` returns the code that stands in the output. */
export class Marks {
  readonly places: MarkedPlace[] = [];
  #pending: string[] = [];

  constructor(private readonly imports: Imports) {}

  /** Records a place and returns an expression that fails `tsc` (and throws if run). */
  mark(line: number, source: string, reason: string): string {
    // One line of source in a comment: whitespace runs collapsed, long text cut.
    const flat = source.replace(/\s+/g, " ").trim();
    const construct = flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
    this.places.push({ line, construct, reason });
    this.#pending.push(`// wsport-port: needs a human (source line ${line}): ${construct}: ${reason}`);
    this.imports.value(RUNTIME, "needs_human");
    return `needs_human(${JSON.stringify(`${construct} (line ${line})`)})`;
  }

  /** The comments of the marks made since the last call, to put before the statement holding them. */
  takeComments(): string[] {
    return this.#pending.splice(0);
  }
}

/** snake_case or kebab-case file base name to PascalCase (`ws_webrtc_server` → `WsWebrtcServer`). */
export function pascalCase(base: string): string {
  const name = base
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  return /^[0-9]/.test(name) ? `_${name}` : name || "Script";
}

/** JavaScript's reserved words that a source name may be; the output renames them with a trailing `_`. */
export const RESERVED = new Set(
  "arguments await break case catch class const continue debugger default delete do else enum eval export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield undefined".split(
    " ",
  ),
);

export function safeName(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}
