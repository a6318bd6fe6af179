#!/usr/bin/env node
// The consumer test: the packages as `pnpm pack` ships them, installed from their tarballs (not the
// workspace) into fresh projects in a temporary folder, the way a game developer would use them:
//   - every tarball holds README.md, LICENSE, package.json (with its metadata) and every file its
//     exports name;
//   - per engine, one project that depends on that engine's package alone; it runs a Node script and
//     builds a Vite browser app that Chromium opens, both against `npx wsport-server`, started from
//     the installed @wsport/server tarball;
//   - one project type-checks each engine's types.ts and the root README's examples `strict` under
//     moduleResolution nodenext and bundler.
// The packages are packed and installed exactly as the root README's install text says (its pack
// command, then `npm install` of the tarballs); third-party packages (ws, vite, esbuild, typescript) come
// from the npm registry through npm's cache, so a warm cache makes this quick. A Vite app and an esbuild
// app use godot-compat's @rpc against a dedicated server built with esbuild, in Chromium. Prints one line per check and "N passed, M failed"; exits 1 on failure.
// CONTRIBUTING.md ("The consumer test") explains each check.
import { execFile, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../chromium.mjs";

const run = promisify(execFile);
const here = fileURLToPath(new URL(".", import.meta.url));
const repo = resolve(here, "../..");
const rootPkg = readJson(join(repo, "package.json"));
const ENGINES = ["defold", "godot", "corona", "aseprite"];
/** The same third-party versions the workspace uses (npm install -D name@version). */
const VITE = [`vite@${readJson(join(repo, "apps/demo/package.json")).devDependencies.vite}`];
const ESBUILD = [`esbuild@${rootPkg.devDependencies.esbuild}`];
const TYPESCRIPT = [
  `typescript@${rootPkg.devDependencies.typescript}`,
  `@types/node@${rootPkg.devDependencies["@types/node"]}`,
];
/** What each engine's client must print (see <engine>/client.js), in Node and in the browser. */
const PRINTED = {
  defold: [/^userdata: 0x[0-9a-f]{8}$/, /^\{$/],
  godot: [/^WebSocketPeer$/, /^PackedByteArray$/],
  corona: [/^\{$/, /^connect$/, /^addEventListener$/],
  aseprite: [/^WebSocket$/, /^Cannot set property url of #<WebSocket> which has only a getter$/],
};

const MIME = { ".html": "text/html", ".js": "text/javascript" };

const started = Date.now();
let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${ok ? "ok  " : "FAIL"} ${name} (${seconds} s)${!ok && detail ? `\n     ${detail}` : ""}`);
  return ok;
}

const tmp = mkdtempSync(join(tmpdir(), "wsport-consumer-"));
const tarballs = join(tmp, "tarballs");
const cleanups = [];
// Ctrl-C: the children get the signal too; the temporary folder must not stay behind.
process.once("SIGINT", () => {
  rmSync(tmp, { recursive: true, force: true });
  process.exit(130);
});

try {
  await main();
} catch (err) {
  check("the consumer test ran to the end", false, err.stack ?? String(err));
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
  // WSPORT_CONSUMER_KEEP=1 leaves the projects in place to look into a failure.
  if (process.env.WSPORT_CONSUMER_KEEP) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

async function main() {
  const packages = readdirSync(join(repo, "packages"))
    .map((dir) => ({
      dir: join(repo, "packages", dir),
      pkg: readJson(join(repo, "packages", dir, "package.json")),
    }))
    .filter(({ pkg }) => !pkg.private);
  const { pack, installLine } = readmeInstall();
  const tgz = {};
  for (const { dir, pkg } of packages) {
    if (!existsSync(join(dir, "dist"))) throw new Error(`${pkg.name} has no dist/: run pnpm build first`);
    tgz[pkg.name] = join(tarballs, `${pkg.name.slice(1).replace("/", "-")}-${pkg.version}.tgz`);
  }
  // The README's pack command, into this test's folder instead of ../wsport-packages.
  await run("sh", ["-c", pack.replaceAll("../wsport-packages", tarballs)], { cwd: repo });
  const packed = packages.filter(({ pkg }) => existsSync(tgz[pkg.name]));
  check(
    "the root README's pack command packs every public package",
    packed.length === packages.length,
    `packed ${packed.map(({ pkg }) => pkg.name)}`,
  );
  for (const { pkg } of packed) await checkTarball(pkg.name, tgz[pkg.name]);

  // `npm install <core> <engine>` as the README writes it, with another package in the engine's place.
  const tarballsFor = (...packageFiles) =>
    installLine
      .replaceAll("../wsport-packages", tarballs)
      .split(" ")
      .slice(2, 3)
      .concat(packageFiles.map((name) => join(tarballs, name)));
  const fileOf = (name) => tgz[name].slice(tarballs.length + 1);
  const named = installLine.split(" ").slice(2);
  const wanted = ["@wsport/core", "@wsport/defold-compat"].map(
    (name) => `../wsport-packages/${fileOf(name)}`,
  );
  check("the README's npm install line names today's tarballs", sameList(named, wanted), named.join(" "));
  const serverDir = project("server");
  const engineDirs = Object.fromEntries(
    ENGINES.map((engine) => {
      const dir = project(engine);
      cpSync(join(here, "app"), dir, { recursive: true });
      cpSync(join(here, engine, "client.js"), join(dir, "client.js"));
      return [engine, dir];
    }),
  );
  const runtimeDir = project("port-runtime");
  const rpcDir = project("godot-rpc");
  cpSync(join(here, "godot-rpc"), rpcDir, { recursive: true });
  // Type checks need every adapter at once: one project, so one tsc run per moduleResolution.
  const typesDir = project("types");
  for (const engine of ENGINES) cpSync(join(here, engine, "types.ts"), join(typesDir, `${engine}.ts`));
  // The root README's examples are what a user copies first: they are type-checked too.
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  check("the root README has a TypeScript example per engine", examples.length >= ENGINES.length);
  for (const [i, code] of examples.entries()) writeFileSync(join(typesDir, `readme-${i + 1}.ts`), code);
  const adapters = ENGINES.map((e) => fileOf(`@wsport/${e}-compat`));
  const installs = [
    [serverDir, tarballsFor(fileOf("@wsport/server")), []],
    [typesDir, tarballsFor(...adapters), TYPESCRIPT],
    // godot-compat's README: `npm install -D vite esbuild` for @rpc in a Vite app.
    [rpcDir, tarballsFor(fileOf("@wsport/godot-compat")), [...VITE, ...ESBUILD]],
    // What wsport-port's output needs at run time, without the translator.
    [runtimeDir, tarballsFor(fileOf("@wsport/godot-compat"), fileOf("@wsport/port-runtime")), []],
    ...ENGINES.map((e) => [engineDirs[e], tarballsFor(fileOf(`@wsport/${e}-compat`)), VITE]),
  ];
  const installed = await Promise.all(installs.map(([dir, files, dev]) => install(dir, files, dev)));
  check(
    "the README's npm install line installs the tarballs into every project",
    installed.every((error) => error === ""),
    installed.filter(Boolean).join("\n"),
  );

  const server = await startCli(serverDir);
  check("npx wsport-server from the installed tarball starts and prints its URL", true, server.url);

  const browser = await chromium.launch(chromiumLaunchOptions);
  cleanups.push(() => browser.close());
  // Two lanes, for two cores: the type checks (CPU) beside the engines (mostly waiting on I/O).
  const typeChecks = async () => {
    for (const resolution of ["nodenext", "bundler"]) await checkTypes(typesDir, resolution);
  };
  const engines = async () => {
    for (const engine of ENGINES) await checkEngine(engine, engineDirs[engine], server.url, browser);
    await checkRpc(rpcDir, browser);
    await checkPortRuntime(runtimeDir);
  };
  await Promise.all([typeChecks(), engines()]);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The root README's install text for today: its pack command and its `npm install` line. */
function readmeInstall() {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const block = /not on the public npm registry yet[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const lines = block.trim().split("\n");
  const pack = lines.find((line) => / pack --pack-destination \.\.\/wsport-packages$/.test(line));
  const installLine = lines.find((line) =>
    /^npm install \.\.\/wsport-packages\/wsport-core-\S+\.tgz \S+$/.test(line),
  );
  if (pack === undefined || installLine === undefined) {
    throw new Error(
      "the root README's install text has no pack command or no `npm install <core> <engine>` line",
    );
  }
  return { pack, installLine };
}

/** A fresh project in the temporary folder: its package.json and nothing else yet. */
function project(name) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const pkg = { name: `consumer-${name}`, private: true, type: "module" };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  return dir;
}

/** `npm install <tarballs>`, then `npm install -D <dev>`; resolves with the error text ("" when both worked). */
async function install(dir, tarballFiles, dev) {
  const npm = (args) =>
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...args], {
      cwd: dir,
      env: { ...process.env, CI: "true" },
    });
  try {
    await npm(tarballFiles);
    if (dev.length > 0) await npm(["-D", ...dev]);
    return "";
  } catch (err) {
    return `${dir}: ${err.stderr ?? err}`;
  }
}

/** Files, metadata and links of one tarball. */
async function checkTarball(name, file) {
  const { stdout } = await run("tar", ["-tvzf", file]);
  const entries = stdout
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .map((cols) => ({ path: cols.at(-1).replace(/^package\//, ""), size: Number(cols[2]) }));
  const paths = new Set(entries.map((e) => e.path));
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  const packed = readFileSync(file).length;
  console.log(`     ${name}: ${entries.length} files, ${packed} B packed, ${unpacked} B unpacked`);
  for (const e of entries) console.log(`       ${e.path} ${e.size} B`);

  const pkg = JSON.parse((await run("tar", ["-xzOf", file, "package/package.json"])).stdout);
  const license = (await run("tar", ["-xzOf", file, "package/LICENSE"]).catch(() => ({ stdout: "" }))).stdout;
  check(
    `${name}: the tarball holds README.md and package.json`,
    paths.has("README.md") && paths.has("package.json"),
  );
  check(
    `${name}: the tarball holds the root LICENSE`,
    license === readFileSync(join(repo, "LICENSE"), "utf8"),
  );
  const named = exportedFiles(pkg);
  const missing = named.filter((f) => !paths.has(f));
  check(
    `${name}: every file its exports and bin name is in the tarball`,
    missing.length === 0,
    missing.join(", "),
  );
  check(
    `${name}: every export has types`,
    named.some((f) => f.endsWith(".d.ts")) && typesForEveryImport(pkg),
  );
  const workspaceRanges = Object.entries(pkg.dependencies ?? {}).filter(([, range]) =>
    range.startsWith("workspace:"),
  );
  check(
    `${name}: no workspace: ranges are published`,
    workspaceRanges.length === 0,
    JSON.stringify(workspaceRanges),
  );
  const meta = ["license", "repository", "homepage", "bugs", "keywords"].filter((k) => pkg[k] === undefined);
  check(
    `${name}: license, repository, homepage, bugs and keywords are set`,
    meta.length === 0,
    `missing ${meta}`,
  );
  check(
    `${name}: repository.directory is the package's folder`,
    existsSync(join(repo, pkg.repository?.directory ?? "-", "package.json")),
    JSON.stringify(pkg.repository),
  );
  // The registry shows the README with relative links resolved in the repository.
  const readme = (await run("tar", ["-xzOf", file, "package/README.md"])).stdout;
  const installs = readme.match(/^npm install .*@wsport\/.*$/gm) ?? [];
  check(
    `${name}: the README has one install line, \`npm install\`, and says ESM only`,
    installs.length === 1 && installs[0].endsWith(` ${name}`) && readme.includes("ESM only"),
    installs.join(" | "),
  );
  const broken = relativeLinks(readme).filter(
    (link) => !existsSync(join(repo, pkg.repository.directory, link)),
  );
  check(
    `${name}: the README's relative links resolve in the repository`,
    broken.length === 0,
    broken.join(", "),
  );
}

/** Every file the exports map and bin point at, without "./". */
function exportedFiles(pkg) {
  const files = [];
  const walk = (value) => {
    if (typeof value === "string") files.push(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  return files.filter((f) => f !== "package.json");
}

/** Each condition block of the exports map that names a default names its types before it. */
function typesForEveryImport(pkg) {
  const blocks = [];
  const walk = (value) => {
    if (value && typeof value === "object") {
      if ("default" in value) blocks.push(value);
      Object.values(value).forEach(walk);
    }
  };
  walk(pkg.exports);
  return blocks.every((block) => {
    const keys = Object.keys(block);
    return keys.includes("types") && keys.indexOf("types") < keys.indexOf("default");
  });
}

function relativeLinks(markdown) {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split("#")[0])
    .filter((link) => link !== "" && !/^[a-z]+:/i.test(link));
}

/** `npx wsport-server` in the server project, on a free port; resolves with its echo URL. */
function startCli(dir) {
  const child = spawn("npx", ["--no-install", "wsport-server", "--port", "0", "--quiet"], { cwd: dir });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  });
  let out = "";
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`wsport-server printed no URL: ${out}`)), 20_000);
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
      const match = /echo\s+(ws:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl({ url: match[1] });
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
    });
    child.once("exit", (code) => reject(new Error(`wsport-server exited with ${code}: ${out}`)));
  });
}

async function checkEngine(engine, dir, url, browser) {
  const name = `@wsport/${engine}-compat`;
  const expected = `hello from ${engine}`;

  const tree = JSON.parse((await run("npm", ["ls", "--omit=dev", "--all", "--json"], { cwd: dir })).stdout);
  const runtime = [...dependencyNames(tree.dependencies ?? {})].sort();
  // A compat package needs core (and ws under it); any other runtime dependency is named, with its
  // reason, in the package README: godot-compat's MD5 for RPC checksums and its certificate maker.
  const extra = { godot: ["@noble/hashes", "node-forge"] }[engine] ?? [];
  const allowed = [name, "@wsport/core", "ws", ...extra].sort();
  check(
    `${engine}: installs only ${[name, "@wsport/core", "ws", ...extra].join(", ")}`,
    sameList(runtime, allowed),
    runtime.join(", "),
  );

  const node = await run("node", ["node.mjs", url], { cwd: dir }).catch((err) => ({
    stdout: "",
    error: err,
  }));
  const inNode = node.stdout ? JSON.parse(node.stdout) : { error: String(node.error?.stderr ?? node.error) };
  check(
    `${engine}: a Node script echoes through the server`,
    inNode.echo === expected,
    JSON.stringify(inNode),
  );
  checkPrinted(`${engine}: in Node, values print as the engine's`, engine, inNode.printed);

  await run("npx", ["--no-install", "vite", "build"], { cwd: dir });
  const modules = readJson(join(dir, "bundled-modules.json"));
  const wsModules = modules.filter((id) =>
    /[\\/]node_modules[\\/](\.pnpm[\\/]ws@[^\\/]+[\\/]node_modules[\\/])?ws[\\/]/.test(id),
  );
  check(
    `${engine}: the Vite bundle holds ${name} and no module of ws`,
    modules.some((id) => id.includes(`${engine}-compat`)) && wsModules.length === 0,
    wsModules.join(", "),
  );

  const inBrowser = await openInChromium(browser, join(dir, "dist"), url);
  check(
    `${engine}: the Vite app echoes through the server in Chromium`,
    inBrowser.echo === expected,
    JSON.stringify(inBrowser),
  );
  checkPrinted(`${engine}: in Chromium, values print as the engine's`, engine, inBrowser.printed);
}

/**
 * @rpc in the two bundlers a game uses: the dedicated server built by esbuild for Node, then the same
 * client built by Vite (with godot-compat's plugin) and by esbuild (with a --target, so that it lowers
 * decorators), as godot-compat's README says,
 * each opened in Chromium, where an RPC goes to the server and its answer comes back.
 */
async function checkRpc(dir, browser) {
  const esbuild = (...args) =>
    run("npx", ["--no-install", "esbuild", ...args, "--log-level=warning"], { cwd: dir });
  await esbuild(
    "server.ts",
    "--bundle",
    "--platform=node",
    "--target=node20",
    "--format=esm",
    "--packages=external",
    "--outfile=server/server.js",
  );
  const port = await freePort();
  const server = spawn("node", ["server/server.js", String(port)], { cwd: dir });
  cleanups.push(async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((done) => server.once("exit", done));
    server.kill("SIGTERM");
    await exited;
  });
  await new Promise((ready, reject) => {
    server.stdout.setEncoding("utf8").on("data", (out) => out.includes("listening") && ready());
    let errors = "";
    server.stderr.setEncoding("utf8").on("data", (out) => {
      errors += out;
    });
    server.once("exit", (code) => reject(new Error(`the @rpc server exited with ${code}: ${errors}`)));
  });
  const url = `ws://127.0.0.1:${port}`;
  const expected = "hello from rpc, answered by 1";

  const vite = await run("npx", ["--no-install", "vite", "build", "--outDir", "vite-dist"], {
    cwd: dir,
  }).then(
    () => "",
    (err) => `${err.stdout}${err.stderr}`,
  );
  check("godot @rpc: a plain Vite app with the README's plugin builds", vite === "", vite);
  const built = readFileSync(
    join(dir, "vite-dist", "assets", readdirSync(join(dir, "vite-dist", "assets"))[0]),
    "utf8",
  );
  check("godot @rpc: the Vite bundle has no decorator syntax left", !/@[\w$]+\(\s*["'`]any_peer/.test(built));
  const inVite = await openInChromium(browser, join(dir, "vite-dist"), url);
  check(
    "godot @rpc: the Vite app's RPC reaches the server and the answer comes back, in Chromium",
    inVite.echo === expected,
    JSON.stringify(inVite),
  );

  await esbuild(
    "client.ts",
    "--bundle",
    "--format=esm",
    "--target=es2022",
    "--minify",
    "--outfile=esbuild-dist/client.js",
  );
  writeFileSync(
    join(dir, "esbuild-dist", "index.html"),
    readFileSync(join(dir, "index.html"), "utf8").replace("./client.ts", "./client.js"),
  );
  const inEsbuild = await openInChromium(browser, join(dir, "esbuild-dist"), url);
  check(
    "godot @rpc: the esbuild app's RPC reaches the server and the answer comes back, in Chromium",
    inEsbuild.echo === expected,
    JSON.stringify(inEsbuild),
  );
}

/**
 * @wsport/port-runtime alone, as a game whose scripts went through wsport-port installs it: no parser,
 * no Biome in its production tree, and its helpers compute GDScript's and Lua's results.
 */
async function checkPortRuntime(dir) {
  const tree = JSON.parse((await run("npm", ["ls", "--omit=dev", "--all", "--json"], { cwd: dir })).stdout);
  const installed = [...dependencyNames(tree.dependencies ?? {})].sort();
  // godot-compat and what it brings (its README names @noble/hashes and node-forge).
  const allowed = [
    "@wsport/port-runtime",
    "@wsport/godot-compat",
    "@wsport/core",
    "ws",
    "@noble/hashes",
    "node-forge",
  ];
  check(
    `port-runtime: installs only ${allowed.join(", ")}`,
    sameList(installed, allowed),
    installed.join(", "),
  );
  const script = [
    'import { gd, lua } from "@wsport/port-runtime";',
    'console.log(JSON.stringify([gd.idiv(-7, 2), gd.format("%05.1f|%s", [3.14159, "x"]), lua.concat("n=", 5), lua.mod(-7, 3)]));',
  ].join("\n");
  writeFileSync(join(dir, "runtime.mjs"), script);
  const out = await run("node", ["runtime.mjs"], { cwd: dir }).then(
    ({ stdout }) => stdout.trim(),
    (err) => String(err.stderr ?? err),
  );
  check(
    "port-runtime: a Node script imports it and gets GDScript's and Lua's results",
    out === '[-3,"003.1|x","n=5",2]',
    out,
  );
}

/** A port nothing listens on right now. */
async function freePort() {
  const probe = createServer();
  await new Promise((ready) => probe.listen(0, "127.0.0.1", ready));
  const { port } = probe.address();
  await new Promise((closed) => probe.close(closed));
  return port;
}

/** Every engine's types.ts and the README's examples in one strict program, under one moduleResolution. */
async function checkTypes(dir, resolution) {
  writeTsconfig(dir, resolution);
  const tsc = await run("npx", ["--no-install", "tsc", "-p", `tsconfig.${resolution}.json`], {
    cwd: dir,
  }).then(
    () => "",
    (err) => `${err.stdout}${err.stderr}`,
  );
  check(
    `every engine's types.ts and the README's examples type-check strict under moduleResolution ${resolution}`,
    tsc === "",
    tsc,
  );
}

function* dependencyNames(deps) {
  for (const [depName, info] of Object.entries(deps)) {
    if (info.version === undefined) continue; // an optional peer not installed (ws's bufferutil)
    yield depName;
    yield* dependencyNames(info.dependencies ?? {});
  }
}

function sameList(a, b) {
  return [...new Set(a)].sort().join() === [...b].sort().join();
}

function checkPrinted(name, engine, printed) {
  const want = PRINTED[engine];
  const ok =
    Array.isArray(printed) && printed.length === want.length && want.every((re, i) => re.test(printed[i]));
  check(name, ok, `got ${JSON.stringify(printed)}, want ${want.join(" ")}`);
}

/** Serves the built app on loopback, opens it and waits for the result it leaves on window. */
async function openInChromium(browser, distDir, serverUrl) {
  const http = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = join(distDir, path === "/" ? "index.html" : path);
    if (!file.startsWith(distDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((ready) => http.listen(0, "127.0.0.1", ready));
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  try {
    await page.goto(`http://127.0.0.1:${http.address().port}/?server=${encodeURIComponent(serverUrl)}`);
    await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: 15_000 });
    const result = await page.evaluate(() => window.__result);
    return errors.length > 0 ? { ...result, pageErrors: errors } : result;
  } finally {
    await page.close();
    await new Promise((closed) => http.close(closed));
  }
}

/** The user's tsconfig: strict, our .d.ts files checked too (no skipLibCheck). */
function writeTsconfig(dir, resolution) {
  const compilerOptions =
    resolution === "nodenext"
      ? { module: "nodenext", moduleResolution: "nodenext", lib: ["es2022"], types: ["node"] }
      : { module: "esnext", moduleResolution: "bundler", lib: ["es2022", "dom"], types: [] };
  const config = {
    compilerOptions: {
      ...compilerOptions,
      target: "es2022",
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    include: ["*.ts"],
  };
  writeFileSync(join(dir, `tsconfig.${resolution}.json`), JSON.stringify(config, null, 2));
}
