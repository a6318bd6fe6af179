// The demo's end-to-end test drives one page in each browser engine through this small surface, so
// the checks are written once: Chromium through playwright-core, Firefox ESR through puppeteer-core
// (WebDriver BiDi), WebKitGTK through WebKitWebDriver.
import { writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../../../test/chromium.mjs";
import { launchFirefox } from "../../../test/firefox.mjs";
import { WebKitSession } from "../../../test/webkit.mjs";

const VIEWPORT = { width: 1400, height: 1000 };

/**
 * @typedef {object} DemoPage
 * @property {string} version the browser's version
 * @property {string[]} errors uncaught page errors and console.error lines, in order
 * @property {(url: string) => Promise<void>} goto
 * @property {<T>(fn: () => T) => Promise<T>} evaluate runs `fn` (no closure) in the page
 * @property {(key: "ArrowRight" | "ArrowDown", ms: number) => Promise<void>} holdKey
 * @property {(selector: string) => Promise<void>} click
 * @property {(path: string) => Promise<void>} screenshot
 * @property {() => Promise<void>} close
 */

/** @returns {Promise<DemoPage>} */
export async function openDemoPage(browser) {
  if (browser === "chromium") return chromiumPage();
  if (browser === "firefox") return firefoxPage();
  return webkitPage();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pages in playwright and puppeteer share these calls. */
function puppetPage(page, version, closeBrowser) {
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  return {
    version,
    errors,
    goto: async (url) => {
      await page.goto(url);
    },
    evaluate: (fn) => page.evaluate(fn),
    async holdKey(key, ms) {
      await page.keyboard.down(key);
      await sleep(ms);
      await page.keyboard.up(key);
    },
    click: (selector) => page.click(selector),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: closeBrowser,
  };
}

async function chromiumPage() {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: VIEWPORT });
  return puppetPage(page, browser.version(), () => browser.close());
}

async function firefoxPage() {
  const browser = await launchFirefox();
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  return puppetPage(page, (await browser.version()).replace(/^firefox\//, ""), () => browser.close());
}

/** WebDriver's key codes for the keys the test holds. */
const WEBDRIVER_KEYS = { ArrowRight: "\uE014", ArrowDown: "\uE015" };

async function webkitPage() {
  const session = await WebKitSession.start();
  await session.setWindowSize(VIEWPORT.width, VIEWPORT.height);
  const errors = [];
  // WebDriver classic has no console events: once the page has loaded, a hook in the page collects
  // uncaught errors and console.error lines, and every evaluate() drains them.
  const collect = async () => {
    const lines = await session.execute("const e = window.__errors ?? []; window.__errors = []; return e;");
    errors.push(...lines);
  };
  return {
    version: session.version,
    errors,
    async goto(url) {
      await session.goto(url);
      await session.execute(`
        window.__errors = [];
        addEventListener("error", (e) => window.__errors.push(String(e.message)));
        addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
        const original = console.error.bind(console);
        console.error = (...args) => { window.__errors.push(args.map(String).join(" ")); original(...args); };`);
    },
    async evaluate(fn) {
      const result = await session.execute(`return (${fn})();`);
      await collect();
      return result;
    },
    async holdKey(key, ms) {
      await session.key("down", WEBDRIVER_KEYS[key]);
      await sleep(ms);
      await session.key("up", WEBDRIVER_KEYS[key]);
    },
    click: (selector) => session.click(selector),
    screenshot: async (path) => writeFile(path, await session.screenshot()),
    close: () => session.close(),
  };
}
