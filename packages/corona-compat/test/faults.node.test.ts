// What Node can tell that a browser cannot: rejected handshakes, protocol failures, the request itself.
import { afterEach, describe, expect, it } from "vitest";
import { delay, EventLog, serverUrl } from "../../../test/events.ts";
import { client, disconnectAll } from "./helpers.ts";

afterEach(disconnectAll);

describe("handshake rejected", () => {
  it.each([403, 404, 503])("/reject/%i → ONERROR 3002 and no ONCLOSE after it", async (status) => {
    const { ws, log, next } = client();
    ws.connect(serverUrl(`/reject/${status}`));
    expect(await next("OnError0")).toStrictEqual({
      name: "WsEvent0",
      type: "OnError0",
      code: 3002,
      reason: "Received invalid websocket handshake",
    });
    await delay(200);
    expect(log.events).toHaveLength(1);
  });

  it("send() and disconnect() after ONERROR do nothing", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/reject/400"));
    await next("OnError0");
    ws.send("ignored");
    ws.disconnect();
    await delay(100);
    expect(log.events).toHaveLength(1);
  });
});

describe("protocol failures from the server", () => {
  it("/garbage → ONCLOSE 1002 with the failure as the reason", async () => {
    const { ws, log, next } = client();
    ws.connect(serverUrl("/garbage"));
    const event = await next("OnClose0");
    expect(event).toMatchObject({ code: 1002 });
    expect(event).toHaveProperty("reason", expect.stringMatching(/\S/));
    expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnClose0"]);
  });

  it("/invalid-utf8 → ONCLOSE 1007 with the failure as the reason", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/invalid-utf8"));
    expect(await next("OnClose0")).toMatchObject({ code: 1007, reason: expect.stringMatching(/UTF-8/i) });
  });
});

describe("the upgrade request", () => {
  it("/echo-headers: path and query pass through; no subprotocol is offered", async () => {
    const { ws, next } = client();
    ws.connect(serverUrl("/echo-headers?level=3"));
    const event = await next("OnMessage0");
    if (event.type !== "OnMessage0" || typeof event.data !== "string") throw new Error("expected text");
    const request = JSON.parse(event.data) as { url: string; headers: Record<string, string> };
    expect(request.url).toBe("/echo-headers?level=3");
    expect(request.headers["sec-websocket-protocol"]).toBeUndefined();
    expect(request.headers["sec-websocket-version"]).toBe("13");
  });
});

describe("listener errors", () => {
  it("are rethrown outside the dispatch; the other listeners and the socket carry on", async () => {
    const saved = process.listeners("uncaughtException");
    process.removeAllListeners("uncaughtException");
    const uncaught = new EventLog<unknown>();
    process.on("uncaughtException", uncaught.push);
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
      ws.send("still works");
      await next("OnMessage0");
      expect(await uncaught.waitForCount(2, 2000)).toMatchObject({ message: "listener bug" });
      expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnMessage0"]);
      ws.removeEventListener(ws.WSEVENT, buggy);
    } finally {
      process.removeAllListeners("uncaughtException");
      for (const listener of saved) process.on("uncaughtException", listener);
    }
  });
});
