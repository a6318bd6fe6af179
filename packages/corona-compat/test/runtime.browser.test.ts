// In a browser the native WebSocket hides why a connection failed, and TLS is the browser's own.
import { afterEach, describe, expect, it } from "vitest";
import { currentEngine, delay, refusedUrl, serverUrl } from "../../../test/events.ts";
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
      // Firefox may fire no open when the bad frame comes right after the upgrade (README).
      const opened = currentEngine() === "firefox" && log.events[0]?.type === "OnClose0" ? [] : ["OnOpen0"];
      expect(log.events.map((e) => e.type)).toEqual([...opened, "OnClose0"]);
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
