// Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core: Firefox speaks BiDi
// itself, so no driver binary (geckodriver) and no browser download is needed.
import puppeteer from "puppeteer-core";
import { assertBrowser, firefoxPath } from "./browsers.mjs";

/**
 * Launches Firefox ESR; close the returned puppeteer Browser when done. acceptInsecureCerts lets the
 * tests reach wss:// servers with self-signed certificates (loopback test servers only).
 */
export async function launchFirefox() {
  assertBrowser("firefox");
  return puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath,
    headless: true,
    acceptInsecureCerts: true,
  });
}
