// One vitest project per package and runtime, plus `examples:node` / `examples:browser` for the
// ported engine programs in examples/ (same naming rules, test files anywhere below examples/).
// The same test files run in Node and in a real Chromium (Debian's /usr/bin/chromium through
// playwright); `*.node.test.ts` files need Node-only features (TLS options, handshake details,
// raw TCP) and run in Node only, `*.browser.test.ts` files run in the browser only. Tests import
// packages from source, so no build is needed first.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type TestProjectConfiguration } from "vitest/config";
import { chromiumLaunchOptions } from "./test/chromium.mjs";

const root = fileURLToPath(new URL(".", import.meta.url));
const packages = readdirSync(`${root}packages`).filter((name) => existsSync(`${root}packages/${name}/test`));

/** Where each project's tests live: every package's test/ folder, and examples/ (the ported programs). */
const suites = [
  ...packages.map((name) => ({ name, dir: `packages/${name}/test` })),
  { name: "examples", dir: "examples" },
];

/** `@wsport/<name>` resolves to its source entry for the given runtime. */
function sourceAliases(runtime: "node" | "browser") {
  return packages.map((name) => {
    const dir = `${root}packages/${name}/src/`;
    const entry = existsSync(`${dir}${runtime}.ts`) ? `${dir}${runtime}.ts` : `${dir}index.ts`;
    return { find: new RegExp(`^@wsport/${name}$`), replacement: entry };
  });
}

const chromium = playwright({ launchOptions: chromiumLaunchOptions });

const projects: TestProjectConfiguration[] = suites.flatMap(({ name, dir }) => {
  const node: TestProjectConfiguration = {
    extends: true,
    resolve: { alias: sourceAliases("node") },
    test: {
      name: `${name}:node`,
      environment: "node",
      include: [`${dir}/**/*.test.ts`],
      exclude: [`${dir}/**/*.browser.test.ts`, "**/node_modules/**"],
      globalSetup: [`${root}test/global-setup.ts`],
    },
  };
  const browser: TestProjectConfiguration = {
    extends: true,
    resolve: { alias: sourceAliases("browser") },
    test: {
      name: `${name}:browser`,
      include: [`${dir}/**/*.test.ts`],
      exclude: [`${dir}/**/*.node.test.ts`, "**/node_modules/**"],
      globalSetup: [`${root}test/global-setup.ts`],
      browser: {
        enabled: true,
        headless: true,
        provider: chromium,
        instances: [{ browser: "chromium" }],
        screenshotFailures: false,
      },
    },
  };
  const hasBrowserTests = readdirSync(`${root}${dir}`, { recursive: true }).some(
    (f) => typeof f === "string" && f.endsWith(".test.ts") && !f.endsWith(".node.test.ts"),
  );
  return hasBrowserTests ? [node, browser] : [node];
});

export default defineConfig({
  test: {
    projects,
    reporters: ["default", `${root}test/summary-reporter.ts`],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores on CI: keep parallel files modest so socket timings stay honest.
    maxWorkers: 2,
  },
});
