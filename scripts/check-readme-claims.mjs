#!/usr/bin/env node
// Lists in the READMEs that the repository can check, checked against what they list:
//   - the root README links every ported example folder (examples/<engine>/<program>/) and no other, and each
//     engine package's README names every example of its engine;
//   - a package README that names its dependencies ("The only dependency is `x`", or a "## Dependencies"
//     list) names exactly those of its package.json.
// Run by `pnpm lint`; prints each mismatch and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const read = (path) => readFileSync(join(repo, path), "utf8");
/** The examples/ folder of each engine package. */
const EXAMPLES_OF = { defold: "defold", godot: "godot", corona: "solar2d", aseprite: "aseprite" };

const problems = [];
const same = (a, b) => [...new Set(a)].sort().join() === [...new Set(b)].sort().join();

// Examples: every program folder (one with a README) under examples/<engine>/.
const examples = Object.values(EXAMPLES_OF).flatMap((engine) =>
  readdirSync(join(repo, "examples", engine))
    .filter((name) => existsSync(join(repo, "examples", engine, name, "README.md")))
    .map((name) => `examples/${engine}/${name}`),
);
const linked = [...read("README.md").matchAll(/\]\((examples\/[\w-]+\/[\w-]+)\/?\)/g)].map((m) => m[1]);
if (!same(linked, examples)) {
  problems.push(`README.md links examples ${[...new Set(linked)].sort()}; examples/ has ${examples.sort()}`);
}
for (const [engine, folder] of Object.entries(EXAMPLES_OF)) {
  const readme = read(`packages/${engine}-compat/README.md`);
  const missing = examples.filter(
    (e) => e.startsWith(`examples/${folder}/`) && !readme.includes(e.split("/")[2]),
  );
  if (missing.length > 0)
    problems.push(`packages/${engine}-compat/README.md does not name ${missing.join(", ")}`);
}

// Dependencies.
for (const dir of readdirSync(join(repo, "packages"))) {
  const pkgFile = join(repo, "packages", dir, "package.json");
  const readmeFile = join(repo, "packages", dir, "README.md");
  if (!statSync(join(repo, "packages", dir)).isDirectory() || !existsSync(readmeFile)) continue;
  const deps = Object.keys(JSON.parse(readFileSync(pkgFile, "utf8")).dependencies ?? {});
  const readme = readFileSync(readmeFile, "utf8").replace(/\s+/g, " ");
  const only = /[Tt]he only (?:runtime )?dependency is `([^`]+)`/.exec(readme);
  if (only && !same([only[1]], deps)) {
    problems.push(
      `packages/${dir}/README.md says the only dependency is ${only[1]}; package.json has ${deps}`,
    );
  }
  const section = /## Dependencies (.*?)(?: ## |$)/.exec(readme)?.[1];
  const listed = [...(section ?? "").matchAll(/(?:^|\s)- `([^`]+)`/g)].map((m) => m[1]);
  if (section !== undefined && !same(listed, deps)) {
    problems.push(`packages/${dir}/README.md's Dependencies lists ${listed}; package.json has ${deps}`);
  }
}

for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
