// The one scenario list every adapter runs. A scenario drives a Client (an adapter's engine-shaped
// API, see drivers/) against the shared test server and returns the transcript the engine reported.
import { textPattern } from "../src/payload.ts";
import type { Client, Driver, Setup } from "./drivers/recorder.ts";

export interface Urls {
  /** ws://127.0.0.1:<port><path> on the shared test server. */
  server(path?: string): string;
  /** A loopback port nobody listens on. */
  refused(): string;
}

export interface Scenario {
  id: string;
  title: string;
  run(driver: Driver, urls: Urls): Promise<string[]>;
}

/** The server's maxPayload (its default): the largest message it echoes. */
export const SERVER_MAX_PAYLOAD = 16 * 1024 * 1024;
export const HANG_TIMEOUT_MS = 500;
/**
 * Scenarios run one at a time, after the others (which run concurrently): the ones that move tens of
 * MiB, and the ones that hold a handshake open. Chromium lets only one WebSocket per host and port be
 * in CONNECTING at a time (RFC 6455 §4.1), so a hanging handshake would stall every other connect.
 */
export const ONE_AT_A_TIME = new Set(["size-16mib", "over-limit", "hang", "close-connecting"]);

/** Opens, runs `steps`, and always cleans up; the transcript is what the engine reported meanwhile. */
async function session(driver: Driver, setup: Setup, steps: (c: Client) => Promise<void>): Promise<string[]> {
  const c = driver.open(setup);
  try {
    await steps(c);
  } finally {
    c.dispose();
  }
  return [...c.log];
}

/** Opens, waits for the open, sends one text message of `size` bytes and waits for its echo. */
function echoOf(size: number): Scenario["run"] {
  return (driver, urls) =>
    session(driver, { url: urls.server("/"), bigMessages: true }, async (c) => {
      await c.waitOpen();
      c.send(textPattern(size));
      await c.waitMessages(1, 20_000);
    });
}

/** The server does something right after the upgrade; the scenario waits for the end. */
function serverEnds(path: string): Scenario["run"] {
  return (driver, urls) => session(driver, { url: urls.server(path) }, (c) => c.settled());
}

export const scenarios: Scenario[] = [
  {
    id: "connect-ok",
    title: "connect ok (open, one echo)",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/") }, async (c) => {
        await c.waitOpen();
        c.send("hello");
        await c.waitMessages(1);
      }),
  },
  {
    id: "refused",
    title: "refused port",
    run: (driver, urls) => session(driver, { url: urls.refused() }, (c) => c.settled()),
  },
  {
    id: "dns",
    title: "DNS failure (`nothing.invalid`)",
    run: (driver) => session(driver, { url: "ws://nothing.invalid/" }, (c) => c.settled(15_000)),
  },
  {
    id: "reject-403",
    title: "handshake rejected (403 with body)",
    run: serverEnds("/reject/403"),
  },
  {
    id: "hang",
    title: `handshake hang past the timeout (${HANG_TIMEOUT_MS} ms where settable)`,
    run: (driver, urls) => {
      const setup = { url: urls.server("/hang"), timeoutMs: HANG_TIMEOUT_MS };
      const timeout = driver.hangTimeoutMs(setup);
      return session(driver, setup, async (c) => {
        if (timeout !== undefined) {
          await c.settled(timeout + 3000);
          return;
        }
        // No timeout to wait for: check nothing happens for a second, then give up as a game would.
        await c.idle(1000);
        c.note("(1 s later)");
        c.close();
        await c.settled(1000).catch(() => c.note("(no end event)"));
      });
    },
  },
  {
    id: "protocol-accepted",
    title: "subprotocol accepted (`chat`)",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/"), protocols: ["chat"] }, async (c) => {
        await c.waitOpen();
      }),
  },
  {
    id: "protocol-refused",
    title: "subprotocol refused (`refuse-me`: 101 without the header)",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/"), protocols: ["refuse-me"] }, async (c) => {
        await c.waitOpen();
        // Node and Chromium fail the connection; Firefox and WebKit open it with no subprotocol.
        await c.settled(1000).catch(() => c.note("(still open 1 s later)"));
      }),
  },
  { id: "server-close-code", title: "server close 4000 `bye`", run: serverEnds("/close/4000/bye") },
  { id: "server-close-none", title: "server close with no code", run: serverEnds("/close/none") },
  { id: "drop", title: "abrupt TCP drop (`/drop`)", run: serverEnds("/drop") },
  {
    id: "close-connecting",
    title: "client close while connecting",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/delay/300") }, async (c) => {
        c.close();
        await c.settled(1000).catch(() => c.note("(no end event)"));
        await c.idle(400); // nothing more may come, not even a late open
      }),
  },
  {
    id: "close-open",
    title: "client close while open",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/") }, async (c) => {
        await c.waitOpen();
        c.close();
        await c.settled();
      }),
  },
  {
    id: "close-twice",
    title: "client close twice (and once more after the end)",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/") }, async (c) => {
        await c.waitOpen();
        c.close();
        c.close();
        await c.settled();
        c.close();
        await c.idle(100);
      }),
  },
  {
    id: "send-before-open",
    title: "send before open",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/") }, async (c) => {
        c.send("too early");
        await c.waitOpen();
        await c.idle(200); // an echo would show up here
      }),
  },
  {
    id: "send-after-close",
    title: "send after close",
    run: (driver, urls) =>
      session(driver, { url: urls.server("/") }, async (c) => {
        await c.waitOpen();
        c.close();
        await c.settled();
        c.send("too late");
        await c.idle(100);
      }),
  },
  { id: "size-0", title: "empty message", run: echoOf(0) },
  { id: "size-125", title: "125-byte message", run: echoOf(125) },
  { id: "size-126", title: "126-byte message", run: echoOf(126) },
  { id: "size-65535", title: "65535-byte message", run: echoOf(65535) },
  { id: "size-65536", title: "65536-byte message", run: echoOf(65536) },
  { id: "size-16mib", title: "16 MiB message (exactly 16,777,216 bytes)", run: echoOf(SERVER_MAX_PAYLOAD) },
  {
    id: "over-limit",
    title: "message over the configured limit",
    run: (driver, urls) => {
      const limit = driver.inboundLimit;
      if (limit !== undefined) return serverEnds(`/send/${limit + 1}`)(driver, urls);
      // No client-side limit in this engine: the server's limit applies to what the client sends.
      return session(driver, { url: urls.server("/") }, async (c) => {
        await c.waitOpen();
        c.send(textPattern(SERVER_MAX_PAYLOAD + 1));
        await c.settled(20_000);
      });
    },
  },
  {
    id: "invalid-utf8",
    title: "invalid UTF-8 in a text frame from the server",
    run: serverEnds("/invalid-utf8"),
  },
  { id: "garbage", title: "malformed frame from the server (`/garbage`)", run: serverEnds("/garbage") },
];

/** Node only: the test restarts its own server on the same port, which a page cannot do. */
export const restartScenario = {
  id: "restart",
  title: "server restart mid-session",
  async run(driver: Driver, restart: { url: string; stop(): Promise<void>; start(): Promise<void> }) {
    return session(driver, { url: restart.url, keepReconnecting: true }, async (c) => {
      await c.waitOpen();
      c.send("before");
      await c.waitMessages(1);
      await restart.stop();
      await c.settled();
      await c.idle(300); // a game notices, waits a little; Aseprite retries meanwhile
      await restart.start();
      c.reconnect();
      await c.waitOpen(15_000);
      c.send("after");
      await c.waitMessages(2);
    });
  },
};
