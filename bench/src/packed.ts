// The packages as an app gets them: each one `pnpm pack`ed from its built dist/ and unpacked into the
// node_modules of a temporary folder, its third-party dependencies linked beside it. What a bundler
// resolves there is exactly what the registry would hand out (the `files`, `exports` and `sideEffects`
// of the tarball), so a size measured there is the size an app ships.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** A temporary folder whose node_modules holds the packed packages; `remove()` deletes it. */
export interface PackedPackages {
  dir: string;
  remove(): void;
}

/** The package a specifier names: `@wsport/core/internal` → `@wsport/core`. */
const packageOf = (specifier: string) => specifier.split("/").slice(0, 2).join("/");

/** The workspace folder of a public package: `@wsport/core` → packages/core. */
export const packageFolder = (name: string) =>
  join(root, "packages", packageOf(name).slice("@wsport/".length));

/** Packs `names` (and what they depend on in the workspace) into a fresh temporary folder. */
export function packPackages(specifiers: readonly string[]): PackedPackages {
  const names = specifiers.map(packageOf);
  const dir = mkdtempSync(join(tmpdir(), "wsport-packed-"));
  try {
    const tarballs = join(dir, "tarballs");
    const todo = [...names];
    const done = new Set<string>();
    for (let name = todo.shift(); name !== undefined; name = todo.shift()) {
      if (done.has(name)) continue;
      done.add(name);
      const folder = packageFolder(name);
      if (!existsSync(join(folder, "dist"))) throw new Error(`${name} has no dist/: run pnpm build first`);
      const out = execFileSync("pnpm", ["pack", "--pack-destination", tarballs], { cwd: folder }).toString();
      const tarball = out.trim().split("\n").at(-1) as string;
      const target = join(dir, "node_modules", name);
      mkdirSync(target, { recursive: true });
      execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
      const pkg = JSON.parse(readFileSync(join(target, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
      };
      for (const dep of Object.keys(pkg.dependencies ?? {})) {
        if (dep.startsWith("@wsport/")) todo.push(dep);
        else linkDependency(dir, folder, dep);
      }
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The copy the workspace installed for `folder` (a package folder), linked at the top of the temporary node_modules. */
export function linkDependency(dir: string, folder: string, dep: string): void {
  const link = join(dir, "node_modules", dep);
  if (existsSync(link)) return;
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(realpathSync(join(folder, "node_modules", dep)), link, "dir");
}
