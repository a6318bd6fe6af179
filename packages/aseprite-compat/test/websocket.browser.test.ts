// What a browser build does differently: no pings, no reasons for a failure, deflate by itself.
import { WebSocketMessageType as T } from "@wsport/aseprite-compat";
import { describe, expect, it } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
import { connectErrorText } from "../src/error-text.ts";
import { record } from "./record.ts";

describe("browser", () => {
  it("cannot send pings: sendPing fails with Aseprite's text and the socket stays open", async () => {
    const { ws, nth } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    expect(() => ws.sendPing("hi")).toThrow(/^WebSocket failed to send ping$/);
    ws.sendText("still here");
    expect((await nth(T.TEXT)).data).toBe("still here");
  });

  it("gives a generic reason for a refused or rejected connection, keeping IXWebSocket's form", async () => {
    for (const url of [refusedUrl("/"), serverUrl("/reject/403")]) {
      const { ws, nth } = record({ url });
      ws.connect();
      const port = new URL(url).port;
      expect((await nth(T.ERROR)).error).toBe(
        `Unable to connect to 127.0.0.1 on port ${port}, error: the browser gives no reason`,
      );
      ws.close();
    }
    expect(connectErrorText("x", new URL("wss://example.com/"), undefined)).toBe(
      "Unable to connect to example.com on port 443, error: the browser gives no reason",
    );
  });

  it("offers permessage-deflate by itself, whatever deflate says", async () => {
    for (const deflate of [true, false]) {
      const { ws, nth } = record({ url: serverUrl("/echo-headers"), deflate });
      ws.connect();
      const seen = JSON.parse((await nth(T.TEXT)).data as string) as { headers: Record<string, string> };
      expect(seen.headers["sec-websocket-extensions"]).toMatch(/permessage-deflate/);
      ws.close();
    }
  });
});
