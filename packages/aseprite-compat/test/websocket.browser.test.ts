// What a browser build does differently: no pings, no reasons for a failure, deflate by itself.
import { WebSocketMessageType as T } from "@wsport/aseprite-compat";
import { describe, expect, it } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
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
    // wss:// without a port names the default port, 443 (nobody listens there on loopback).
    const refused = refusedUrl("/"); // one call: refusedUrl() moves to another port each time
    for (const [url, port] of [
      [refused, new URL(refused).port],
      [serverUrl("/reject/403"), new URL(serverUrl("/")).port],
      ["wss://127.0.0.1/", "443"],
    ]) {
      const { ws, nth } = record({ url });
      ws.connect();
      expect((await nth(T.ERROR)).error).toBe(
        `Unable to connect to 127.0.0.1 on port ${port}, error: the browser gives no reason`,
      );
      ws.close();
    }
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
