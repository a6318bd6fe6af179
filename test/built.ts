// Tests that check a package as it is published (its dist/) build it first when it is missing or
// older than its own source or its wsport dependencies' source, so they never judge a stale build.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function newestFile(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestFile(`${dir}/${entry.name}`) : statSync(`${dir}/${entry.name}`).mtimeMs,
    ),
  );
}

/** The folder of packages/<folder>/, with `dist/<file>` built from the current source. */
export function builtPackage(folder: string, file: string): string {
  const dir = `${root}packages/${folder}/`;
  const pkg = JSON.parse(readFileSync(`${dir}package.json`, "utf8")) as {
    name: string;
    dependencies?: Record<string, string>;
  };
  const sources = [
    folder,
    ...Object.keys(pkg.dependencies ?? {}).flatMap((dep) => dep.match(/^@wsport\/(.+)$/)?.[1] ?? []),
  ];
  const newest = Math.max(...sources.map((name) => newestFile(`${root}packages/${name}/src`)));
  const built = `${dir}dist/${file}`;
  if (!existsSync(built) || newest > statSync(built).mtimeMs) {
    // "<name>..." builds the package and, first, the wsport packages it depends on.
    execFileSync("pnpm", ["--filter", `${pkg.name}...`, "run", "build"], { cwd: root, stdio: "ignore" });
  }
  return dir;
}
