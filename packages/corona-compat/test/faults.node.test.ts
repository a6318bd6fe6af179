// What Node can tell that a browser cannot: rejected handshakes, protocol failures, the request itself.
import { afterEach, describe, expect, it } from "vitest";
import { delay, serverUrl } from "../../../test/events.ts";
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
