// A vitest browser provider for the engines playwright cannot drive on Debian: Firefox ESR (through
// puppeteer-core over WebDriver BiDi) and WebKitGTK (through WebKitWebDriver). Vitest serves its
// tester page and runs the test files; the provider only opens that page in the browser and closes
// it. Test files run one after another in one page (no parallel sessions: WebKitWebDriver has one).
import { defineBrowserProvider } from "@vitest/browser";
import type { Browser as PuppeteerBrowser } from "puppeteer-core";
import type { BrowserProvider, BrowserProviderOption } from "vitest/node";
import type { BrowserId } from "./browsers.mjs";
import { launchFirefox } from "./firefox.mjs";
import { WebKitSession } from "./webkit.mjs";

type LocalBrowser = Exclude<BrowserId, "chromium">;

/** What the provider keeps per vitest session: how to close its page. */
interface OpenPage {
  close(): Promise<void>;
}

class LocalBrowserProvider implements BrowserProvider {
  readonly name = "wsport-local";
  readonly supportsParallelism = false;
  #firefox: Promise<PuppeteerBrowser> | undefined;
  #pages = new Map<string, OpenPage>();

  constructor(readonly browser: LocalBrowser) {}

  getCommandsContext(): Record<string, unknown> {
    return {};
  }

  async openPage(sessionId: string, url: string): Promise<void> {
    await this.#pages.get(sessionId)?.close();
    // The page is recorded before it navigates, so close() ends it even if vitest gives up waiting.
    if (this.browser === "firefox") {
      this.#firefox ??= launchFirefox();
      const page = await (await this.#firefox).newPage();
      this.#pages.set(sessionId, { close: () => page.close() });
      await page.goto(url, { timeout: 0 });
    } else {
      const session = await WebKitSession.start();
      this.#pages.set(sessionId, session);
      await session.goto(url);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.#pages.values()].map((page) => page.close().catch(() => {})));
    this.#pages.clear();
    const firefox = this.#firefox;
    this.#firefox = undefined;
    await (await firefox)?.close();
  }
}

/** The provider for `browser.provider`, with `instances: [{ browser }]`. */
export function localBrowser(browser: LocalBrowser): BrowserProviderOption {
  return defineBrowserProvider({
    name: "wsport-local",
    supportedBrowser: [browser],
    options: {},
    providerFactory: () => new LocalBrowserProvider(browser),
  });
}
