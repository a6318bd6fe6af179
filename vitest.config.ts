// One vitest project per package and runtime, plus `examples:<runtime>` for the ported engine
// programs in examples/ (test files anywhere below it). The same test files run in Node and in three
// real browser engines from Debian's packages: Chromium (through playwright), Firefox ESR and WebKitGTK
// (through test/local-browser-provider.ts). Projects are named `<package>:node`, `<package>:chromium`,
// `<package>:firefox`, `<package>:webkit`, so a failure names the runtime. `*.node.test.ts` files need
// Node-only features (TLS options, handshake details, raw TCP) and run in Node only,
// `*.browser.test.ts` files run in the browsers only. Tests import packages from source, so no build
// is needed first.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type TestProjectConfiguration } from "vitest/config";
import type { BrowserId } from "./test/browsers.mjs";
import { chromiumLaunchOptions } from "./test/chromium.mjs";
import { localBrowser } from "./test/local-browser-provider.ts";
import { standardDecorators } from "./test/standard-decorators.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const packages = readdirSync(`${root}packages`).filter((name) => existsSync(`${root}packages/${name}/test`));

/** Where each project's tests live: every package's test/ folder, and examples/ (the ported programs). */
const suites = [
  ...packages.map((name) => ({ name, dir: `packages/${name}/test` })),
  { name: "examples", dir: "examples" },
];

/**
 * `@wsport/<name>` resolves to its source entry for the given runtime, and `@wsport/<name>/internal`
 * (core's entry for wsport's own packages) to `internal-<runtime>.ts` where there is one.
 */
function sourceAliases(runtime: "node" | "browser") {
  return packages.flatMap((name) => {
    const dir = `${root}packages/${name}/src/`;
    const entry = existsSync(`${dir}${runtime}.ts`) ? `${dir}${runtime}.ts` : `${dir}index.ts`;
    const aliases = [{ find: new RegExp(`^@wsport/${name}$`), replacement: entry }];
    const internal = `${dir}internal-${runtime}.ts`;
    if (existsSync(internal))
      aliases.push({ find: new RegExp(`^@wsport/${name}/internal$`), replacement: internal });
    return aliases;
  });
}

const providers = {
  chromium: playwright({ launchOptions: chromiumLaunchOptions }),
  firefox: localBrowser("firefox"),
  webkit: localBrowser("webkit"),
};
const browsers = Object.keys(providers) as BrowserId[];

const projects: TestProjectConfiguration[] = suites.flatMap(({ name, dir }) => {
  // A package may start servers of its own for its tests (test/global-setup.ts).
  const ownSetup = `${root}${dir}/global-setup.ts`;
  const globalSetup = [`${root}test/global-setup.ts`, ...(existsSync(ownSetup) ? [ownSetup] : [])];
  const node: TestProjectConfiguration = {
    extends: true,
    resolve: { alias: sourceAliases("node") },
    test: {
      name: `${name}:node`,
      environment: "node",
      include: [`${dir}/**/*.test.ts`],
      exclude: [`${dir}/**/*.browser.test.ts`, "**/node_modules/**"],
      globalSetup,
      provide: { browser: "node" },
    },
  };
  const inBrowser = (browser: BrowserId): TestProjectConfiguration => ({
    extends: true,
    resolve: { alias: sourceAliases("browser") },
    test: {
      name: `${name}:${browser}`,
      include: [`${dir}/**/*.test.ts`],
      exclude: [`${dir}/**/*.node.test.ts`, "**/node_modules/**"],
      globalSetup,
      provide: { browser },
      browser: {
        enabled: true,
        headless: true,
        provider: providers[browser],
        instances: [{ browser }],
        screenshotFailures: false,
        // MiniBrowser under Xvfb can take a while to start on a loaded two-core machine.
        connectTimeout: 120_000,
      },
    },
  });
  const hasBrowserTests = readdirSync(`${root}${dir}`, { recursive: true }).some(
    (f) => typeof f === "string" && f.endsWith(".test.ts") && !f.endsWith(".node.test.ts"),
  );
  return hasBrowserTests ? [node, ...browsers.map(inBrowser)] : [node];
});

export default defineConfig({
  plugins: [standardDecorators()],
  test: {
    projects,
    reporters: ["default", `${root}test/summary-reporter.ts`],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores on CI: keep parallel files modest so socket timings stay honest.
    maxWorkers: 2,
  },
});
