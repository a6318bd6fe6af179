// Shared by this package's tests: a client whose events are logged, and cleanup after each test.

import { capabilities } from "@wsport/core";
import WebSockets, { type WebSocketClient, type WsEvent } from "@wsport/corona-compat";
import { vi } from "vitest";
import { EventLog } from "../../../test/events.ts";

export const DEFAULT_REASON = "Purpose for connection has been fulfilled";

const clients: WebSocketClient[] = [];

/** A new client with one function listener that logs every event. */
export function client() {
  const ws = WebSockets.new();
  clients.push(ws);
  const log = new EventLog<WsEvent>();
  ws.addEventListener(ws.WSEVENT, log.push);
  const next = (type: WsEvent["type"], timeoutMs = 8000) =>
    log.waitFor((e) => e.type === type, timeoutMs, type);
  return { ws, log, next };
}

/** Disconnects every client the test made (those never connected throw, which is fine here). */
export function disconnectAll(): void {
  for (const ws of clients.splice(0)) {
    try {
      ws.disconnect();
    } catch {
      // never connected
    }
  }
}

/** The ONCLOSE of a connection that ended without a close frame (refused, timed out, dropped). */
export const DROPPED = { name: "WsEvent0", type: "OnClose0", code: undefined, reason: undefined };

/**
 * Collects the errors a dispatch re-raises outside itself: `uncaughtException` in Node, a window
 * `error` event in a browser (handled, so the test runner does not fail the test; it would still
 * log it, so console.error is muted meanwhile). Call `restore()` when done.
 */
export function captureUncaught(): { errors: EventLog<unknown>; restore: () => void } {
  const errors = new EventLog<unknown>();
  if (capabilities.runtime === "node") {
    const saved = process.listeners("uncaughtException");
    process.removeAllListeners("uncaughtException");
    process.on("uncaughtException", errors.push);
    return {
      errors,
      restore: () => {
        process.removeAllListeners("uncaughtException");
        for (const listener of saved) process.on("uncaughtException", listener);
      },
    };
  }
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    errors.push(event.error);
  };
  window.addEventListener("error", onError);
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
  return {
    errors,
    restore: () => {
      consoleError.mockRestore();
      window.removeEventListener("error", onError);
    },
  };
}
