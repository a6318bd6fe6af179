// The three browser engines every browser test runs in, where each lives on a Debian machine and
// the one command that installs it. `pnpm test` checks them first (check-browsers.mjs), so a missing
// browser is one clear line instead of a page of driver errors.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumLaunchOptions } from "./chromium.mjs";

const WEBKIT_DIR = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1";

export const firefoxPath = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
export const miniBrowserPath = process.env.MINIBROWSER_PATH ?? `${WEBKIT_DIR}/MiniBrowser`;
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? "/usr/bin/WebKitWebDriver";
export const xvfbPath = "/usr/bin/Xvfb";

/** @type {ReadonlyArray<{ id: "chromium" | "firefox" | "webkit", name: string, files: string[], install: string }>} */
export const BROWSERS = [
  {
    id: "chromium",
    name: "Chromium",
    files: [chromiumLaunchOptions.executablePath],
    install: "apt-get install -y chromium",
  },
  {
    id: "firefox",
    name: "Firefox ESR",
    files: [firefoxPath],
    install: "apt-get install -y firefox-esr",
  },
  {
    id: "webkit",
    name: "WebKitGTK (MiniBrowser, Safari's engine)",
    files: [webkitDriverPath, miniBrowserPath, xvfbPath],
    install: "apt-get install -y webkit2gtk-driver xvfb",
  },
];

/** One line per browser whose files are missing: its name, what is missing and how to install it. */
export function missingBrowsers(ids = BROWSERS.map((b) => b.id)) {
  return BROWSERS.filter((b) => ids.includes(b.id)).flatMap((b) => {
    const missing = b.files.filter((file) => !existsSync(file));
    return missing.length === 0 ? [] : [`${b.name} is missing (${missing.join(", ")}): ${b.install}`];
  });
}

/** Throws the missingBrowsers() lines for one browser, if any. */
export function assertBrowser(id) {
  const lines = missingBrowsers([id]);
  if (lines.length > 0) throw new Error(`browser tests cannot run: ${lines.join("; ")}`);
}

/** The installed version of each browser engine, as its package or binary states it ("?" if unknown). */
export function browserVersions() {
  const run = (file, args) => {
    try {
      return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "?";
    }
  };
  return {
    chromium: run(chromiumLaunchOptions.executablePath, ["--version"]).match(/[\d.]+/)?.[0] ?? "?",
    firefox: run(firefoxPath, ["--version"]).match(/[\d.]+\w*/)?.[0] ?? "?",
    // "webkit2gtk-driver<TAB>2.50.6-1~deb12u2": the Debian package's upstream version.
    webkit: run("dpkg-query", ["-W", "webkit2gtk-driver"]).match(/\t([\d.]+)/)?.[1] ?? "?",
  };
}
