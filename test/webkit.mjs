// WebKitGTK (Safari's engine) through Debian's WebKitWebDriver, a W3C WebDriver server that starts
// MiniBrowser. MiniBrowser needs an X display, so an Xvfb runs for as long as any session does.
// WebKitWebDriver takes one session at a time: each session gets a driver of its own.
import { spawn } from "node:child_process";
import { assertBrowser, miniBrowserPath, webkitDriverPath, xvfbPath } from "./browsers.mjs";
import { freePort } from "./free-port.mjs";
import { until } from "./until.mjs";

let display; // { name: ":N", process, users }

/** Every Xvfb and WebKitWebDriver started here; ended with this process, whatever ends it. */
const children = new Set();
process.once("exit", () => {
  for (const child of children) child.kill();
});

function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** Starts Xvfb on a display it picks itself (-displayfd), or reuses the running one. */
async function acquireDisplay() {
  if (display) {
    display.users++;
    return (await display).name;
  }
  const starting = new Promise((resolve, reject) => {
    const xvfb = track(
      spawn(xvfbPath, ["-displayfd", "3", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"], {
        stdio: ["ignore", "ignore", "pipe", "pipe"],
      }),
    );
    let stderr = "";
    xvfb.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    xvfb.stdio[3].once("data", (chunk) => resolve({ name: `:${String(chunk).trim()}`, process: xvfb }));
    xvfb.once("exit", (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr.trim()}`)));
  });
  display = starting;
  display.users = 1;
  try {
    return (await starting).name;
  } catch (err) {
    display = undefined;
    throw err;
  }
}

async function releaseDisplay() {
  if (!display || --display.users > 0) return;
  const running = await display;
  display = undefined;
  running.process.kill();
}

/** One MiniBrowser window under WebKitWebDriver: the few WebDriver commands the tests need. */
export class WebKitSession {
  #driver;
  #base;
  #id;

  static async start() {
    assertBrowser("webkit");
    const name = await acquireDisplay();
    const port = await freePort();
    const driver = track(
      spawn(webkitDriverPath, [`--port=${port}`, "--host=127.0.0.1"], {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, DISPLAY: name },
      }),
    );
    // MiniBrowser's stderr is mostly sound-card noise; the last of it explains a failed start.
    let stderr = "";
    driver.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const session = new WebKitSession(driver, `http://127.0.0.1:${port}`, () => stderr);
    try {
      await session.#waitForDriver();
      const created = await session.#call("POST", "/session", {
        capabilities: {
          alwaysMatch: {
            browserName: "MiniBrowser",
            // wss:// test servers (loopback only) use self-signed certificates.
            acceptInsecureCerts: true,
            "webkitgtk:browserOptions": { binary: miniBrowserPath, args: ["--automation"] },
          },
        },
      });
      session.#id = created.sessionId;
      session.version = created.capabilities.browserVersion;
      return session;
    } catch (err) {
      await session.close();
      throw err;
    }
  }

  constructor(driver, base, stderr) {
    this.#driver = driver;
    this.#base = base;
    /** The driver's and MiniBrowser's last stderr lines. */
    this.stderr = stderr;
  }

  async #waitForDriver() {
    let status;
    let lastError;
    const answers = async () => {
      if (this.#driver.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${this.stderr()}`);
      try {
        status = await this.#call("GET", "/status");
        return true;
      } catch (err) {
        lastError = err;
        return false;
      }
    };
    const what = () => `WebKitWebDriver to start (${lastError?.message})\n${this.stderr()}`;
    await until(answers, what, 15_000, { everyMs: 100 });
    return status;
  }

  async #call(method, path, body) {
    const res = await fetch(`${this.#base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${json.value?.message ?? res.status}`);
    return json.value;
  }

  #session(method, path, body) {
    return this.#call(method, `/session/${this.#id}${path}`, body);
  }

  goto(url) {
    return this.#session("POST", "/url", { url });
  }

  /** Runs `body` (a function's body, with `arguments`) in the page and returns its JSON result. */
  execute(body, ...args) {
    return this.#session("POST", "/execute/sync", { script: body, args });
  }

  /** Sizes the window; `x` and `y` also move it (the demo's pong test puts two windows side by side). */
  setWindowSize(width, height, x, y) {
    return this.#session("POST", "/window/rect", { width, height, x, y });
  }

  /** Key presses through WebDriver's actions: "down"/"up" with a WebDriver key ("\uE014" is →). */
  key(type, value) {
    return this.#session("POST", "/actions", {
      actions: [
        { type: "key", id: "keyboard", actions: [{ type: type === "down" ? "keyDown" : "keyUp", value }] },
      ],
    });
  }

  /** A real click on the first element matching a CSS selector. */
  async click(selector) {
    const found = await this.#session("POST", "/element", { using: "css selector", value: selector });
    const id = Object.values(found)[0];
    await this.#session("POST", `/element/${id}/click`, {});
  }

  /** The visible page as PNG bytes. */
  async screenshot() {
    return Buffer.from(await this.#session("GET", "/screenshot"), "base64");
  }

  async close() {
    if (this.#id) await this.#session("DELETE", "").catch(() => {});
    this.#id = undefined;
    if (this.#driver.exitCode === null) {
      const exited = new Promise((resolve) => this.#driver.once("exit", resolve));
      this.#driver.kill();
      await exited;
    }
    await releaseDisplay();
  }
}
