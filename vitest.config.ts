// One vitest project per package and runtime. The same test files run in Node and in a real
// Chromium (Debian's /usr/bin/chromium through playwright); `*.node.test.ts` files need Node-only
// features (TLS options, handshake details, raw TCP) and run in Node only, `*.browser.test.ts`
// files run in the browser only. Tests import packages from source, so no build is needed first.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type TestProjectConfiguration } from "vitest/config";
import { chromiumLaunchOptions } from "./test/chromium.mjs";
import { standardDecorators } from "./test/standard-decorators.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const packages = readdirSync(`${root}packages`).filter((name) => existsSync(`${root}packages/${name}/test`));

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

const chromium = playwright({ launchOptions: chromiumLaunchOptions });

const projects: TestProjectConfiguration[] = packages.flatMap((name) => {
  const dir = `packages/${name}/test`;
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
      exclude: [`${dir}/**/*.browser.test.ts`],
      globalSetup,
    },
  };
  const browser: TestProjectConfiguration = {
    extends: true,
    resolve: { alias: sourceAliases("browser") },
    test: {
      name: `${name}:browser`,
      include: [`${dir}/**/*.test.ts`],
      exclude: [`${dir}/**/*.node.test.ts`],
      globalSetup,
      browser: {
        enabled: true,
        headless: true,
        provider: chromium,
        instances: [{ browser: "chromium" }],
        screenshotFailures: false,
      },
    },
  };
  const hasBrowserTests = readdirSync(`${root}${dir}`).some(
    (f) => f.endsWith(".test.ts") && !f.endsWith(".node.test.ts"),
  );
  return hasBrowserTests ? [node, browser] : [node];
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
