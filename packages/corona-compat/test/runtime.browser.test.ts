// In a browser the native WebSocket hides why a connection failed, and TLS is the browser's own.
import { afterEach, describe, expect, it, vi } from "vitest";
import { delay, EventLog, refusedUrl, serverUrl } from "../../../test/events.ts";
import { client, DROPPED, disconnectAll } from "./helpers.ts";

afterEach(disconnectAll);

describe("what a browser cannot tell apart", () => {
  it("/reject/<status> looks like a refused connection: ONCLOSE with no code, no ONERROR", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/reject/403"));
    expect(await next("OnClose0")).toStrictEqual(DROPPED);
    await delay(100);
    expect(log.events).toHaveLength(1);
  });

  it.each(["/garbage", "/invalid-utf8"])(
    "%s: the browser fails the connection → ONCLOSE with no code",
    async (path) => {
      const { ws, log, next } = client();
      ws.connect(serverUrl(path));
      expect(await next("OnClose0")).toStrictEqual(DROPPED);
      expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnClose0"]);
    },
  );
});

describe("TLS", () => {
  it("a tls option is accepted but the browser picks the version (and checks the certificate)", async () => {
    const { ws, next } = client();
    ws.connect(refusedUrl("/").replace("ws:", "wss:"), { tls: ws.TLS_1_2 });
    expect(await next("OnClose0")).toStrictEqual(DROPPED);
  });
});

describe("listener errors", () => {
  it("are re-raised as a window error; the other listeners and the socket carry on", async () => {
    const raised = new EventLog<unknown>();
    const onError = (event: ErrorEvent) => {
      event.preventDefault(); // handled here: not an uncaught error for the test runner
      raised.push(event.error);
    };
    window.addEventListener("error", onError);
    // The test runner still logs window errors that a page listener handles: keep that quiet.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { ws, log, next } = client();
      const buggy = () => {
        throw new Error("listener bug");
      };
      ws.addEventListener(ws.WSEVENT, buggy);
      const after = new EventLog<string>();
      ws.addEventListener(ws.WSEVENT, (e) => after.push(e.type));
      ws.connect(serverUrl("/"));
      await next("OnOpen0");
      expect(after.events).toEqual(["OnOpen0"]);
      expect(await raised.waitForCount(1, 2000)).toMatchObject({ message: "listener bug" });
      ws.send("still works");
      const echoed = await next("OnMessage0");
      expect(echoed).toMatchObject({ type: "OnMessage0", data: "still works" });
      expect(await after.waitForCount(2, 2000)).toBe("OnMessage0");
      expect(await raised.waitForCount(2, 2000)).toMatchObject({ message: "listener bug" });
      expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnMessage0"]);
      ws.removeEventListener(ws.WSEVENT, buggy);
    } finally {
      consoleError.mockRestore();
      window.removeEventListener("error", onError);
    }
  });
});
