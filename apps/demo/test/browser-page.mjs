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
 * @property {(key: "ArrowUp" | "ArrowDown") => Promise<void>} keyDown
 * @property {(key: "ArrowUp" | "ArrowDown") => Promise<void>} keyUp
 * @property {(selector: string, options?: { timeout?: number }) => Promise<void>} click clicks like a player (Playwright: waits up to `timeout` ms for the element to be clickable)
 * @property {(path: string) => Promise<void>} screenshot
 * @property {() => Promise<void>} close closes the page (its tab or window), or the whole browser for openDemoPage's
 * @property {() => Promise<{ scriptMs: number, taskMs: number }>} [metrics] Chromium only: main-thread time so far running
 *   script (DevTools' ScriptDuration) and busy in all (TaskDuration: script, style, layout, paint)
 */

/** @returns {Promise<DemoPage>} one page in a browser of its own; close() closes both. */
export async function openDemoPage(browser) {
  if (browser === "chromium") return chromiumPage();
  if (browser === "firefox") return firefoxPage();
  return webkitPage();
}

/**
 * A browser that opens several pages (the pong test's two players and a third): Chromium and Firefox
 * open tabs in one browser, WebKit one MiniBrowser per page (WebKitWebDriver runs one session each).
 * @returns {Promise<{ version: string, newPage: () => Promise<DemoPage>, close: () => Promise<void> }>}
 */
export async function openBrowser(browser) {
  if (browser === "chromium") {
    const instance = await chromium.launch(chromiumLaunchOptions);
    return {
      version: instance.version(),
      newPage: async () => chromiumTab(await instance.newPage({ viewport: VIEWPORT }), instance.version()),
      close: () => instance.close(),
    };
  }
  if (browser === "firefox") {
    const instance = await launchFirefox();
    const version = (await instance.version()).replace(/^firefox\//, "");
    return {
      version,
      async newPage() {
        // A window each: a background tab's frames are throttled, and both players must run.
        const page = await instance.newPage({ type: "window" });
        await page.setViewport(VIEWPORT);
        return puppetPage(page, version, () => page.close());
      },
      close: () => instance.close(),
    };
  }
  // Side by side, half the screen each: WebKit draws next to no frames in a window that another covers.
  const open = new Set();
  let opened = 0;
  return {
    version: "",
    async newPage() {
      const half = VIEWPORT.width / 2;
      const page = await webkitPage({ width: half, height: VIEWPORT.height, x: half * (opened++ % 2), y: 0 });
      open.add(page);
      const close = page.close;
      page.close = async () => {
        if (open.delete(page)) await close();
      };
      return page;
    },
    close: async () => {
      await Promise.all([...open].map((page) => page.close()));
    },
  };
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
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    // Playwright waits `timeout` ms for the element to be clickable; puppeteer does not wait.
    click: (selector, options) => page.click(selector, options),
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

/** A Chromium tab, with DevTools' performance metrics. */
async function chromiumTab(page, version) {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Performance.enable");
  return {
    ...puppetPage(page, version, () => page.close()),
    async metrics() {
      const { metrics } = await devtools.send("Performance.getMetrics");
      const ms = (name) => metrics.find((m) => m.name === name).value * 1000;
      return { scriptMs: ms("ScriptDuration"), taskMs: ms("TaskDuration") };
    },
  };
}

async function firefoxPage() {
  const browser = await launchFirefox();
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  return puppetPage(page, (await browser.version()).replace(/^firefox\//, ""), () => browser.close());
}

/** WebDriver's key codes for the keys the test holds. */
const WEBDRIVER_KEYS = { ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015" };

/** `rect` places the window (default: the whole 1400×1000 screen). */
async function webkitPage(rect = { ...VIEWPORT, x: 0, y: 0 }) {
  const session = await WebKitSession.start();
  await session.setWindowSize(rect.width, rect.height, rect.x, rect.y);
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
    keyDown: (key) => session.key("down", WEBDRIVER_KEYS[key]),
    keyUp: (key) => session.key("up", WEBDRIVER_KEYS[key]),
    click: (selector) => session.click(selector),
    screenshot: async (path) => writeFile(path, await session.screenshot()),
    close: () => session.close(),
  };
}
