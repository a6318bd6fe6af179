// What only Node's build can show: pings, the handshake's details, deflate, and a server restarting.
import { WebSocketMessageType as T } from "@wsport/aseprite-compat";
import { startServer } from "@wsport/server";
import { describe, expect, it } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
import { fakeClock, record } from "./record.ts";

describe("ping and pong (Node)", () => {
  it("reports the server's ping as PING with its payload, and answers it", async () => {
    const { ws, nth } = record({ url: serverUrl("/ping") });
    ws.connect();
    expect(await nth(T.PING)).toMatchObject({ data: "wsport-ping", error: "" });
    ws.sendText("after the ping");
    expect((await nth(T.TEXT)).data).toBe("after the ping");
  });

  it("sendPing gets a PONG with the same payload", async () => {
    const { ws, nth, types } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    ws.sendPing("are you there");
    expect(await nth(T.PONG)).toMatchObject({ data: "are you there", error: "" });
    ws.sendPing(42);
    expect((await nth(T.PONG, 2)).data).toBe("42");
    ws.sendPing();
    expect((await nth(T.PONG, 3)).data).toBe("");
    ws.sendPing(new TextEncoder().encode("bytes"));
    expect((await nth(T.PONG, 4)).data).toBe("bytes");
    expect(types()).toEqual([T.OPEN, T.PONG, T.PONG, T.PONG, T.PONG]);
  });

  it("fails a ping over 125 bytes with Aseprite's text", async () => {
    const { ws, nth } = record({ url: serverUrl("/") });
    ws.connect();
    await nth(T.OPEN);
    ws.sendPing("x".repeat(125));
    await nth(T.PONG);
    expect(() => ws.sendPing("x".repeat(126))).toThrow(/^WebSocket failed to send ping$/);
    expect(() => ws.sendPing("é".repeat(63))).toThrow("WebSocket failed to send ping"); // 126 bytes
  });
});

describe("ERROR texts (Node, in IXWebSocket's words)", () => {
  it("names host, port and the refusal", async () => {
    const url = refusedUrl("/");
    const port = new URL(url).port;
    const { ws, nth } = record({ url });
    ws.connect();
    expect((await nth(T.ERROR)).error).toBe(
      `Unable to connect to 127.0.0.1 on port ${port}, error: Connect error: Connection refused`,
    );
  });

  it("gives the status line of a rejected handshake", async () => {
    const url = serverUrl("/reject/403");
    const { ws, nth } = record({ url });
    ws.connect();
    expect((await nth(T.ERROR)).error).toBe(
      `Expecting status 101 (Switching Protocol), got 403 status connecting to ${url}, HTTP Status line: HTTP/1.1 403 Forbidden\r\n`,
    );
  });

  it("names the URL as the script wrote it (http://)", async () => {
    const url = serverUrl("/reject/404").replace("ws://", "http://");
    const { ws, nth } = record({ url });
    ws.connect();
    expect((await nth(T.ERROR)).error).toMatch(
      `Expecting status 101 (Switching Protocol), got 404 status connecting to ${url}, HTTP Status line: HTTP/1.1 404 `,
    );
  });

  it("says when a host name does not resolve", async () => {
    const { ws, nth } = record({ url: "ws://no-such-host.invalid:9000/" });
    ws.connect();
    expect((await nth(T.ERROR)).error).toBe(
      "Unable to connect to no-such-host.invalid on port 9000, error: Name or service not known",
    );
  });

  it("dials https:// as wss:// (TLS), so a plain server fails the TLS handshake", async () => {
    const url = serverUrl("/").replace("ws://", "https://");
    const port = new URL(url).port;
    const { ws, nth } = record({ url });
    ws.connect();
    const error = (await nth(T.ERROR)).error;
    expect(error.startsWith(`Unable to connect to 127.0.0.1 on port ${port}, error: `)).toBe(true);
    expect(error).not.toMatch(/Connection refused/);
  });
});

describe("deflate (Node)", () => {
  it("offers permessage-deflate only when asked", async () => {
    const offered = async (deflate: unknown) => {
      const { ws, nth } = record({ url: serverUrl("/echo-headers"), deflate: deflate as boolean });
      ws.connect();
      const seen = JSON.parse((await nth(T.TEXT)).data as string) as { headers: Record<string, string> };
      ws.close();
      return seen.headers["sec-websocket-extensions"] ?? "";
    };
    expect(await offered(true)).toMatch(/permessage-deflate/);
    expect(await offered(1)).toMatch(/permessage-deflate/); // truthy, as in Lua
    expect(await offered(false)).toBe("");
    expect(await offered(undefined)).toBe("");
  });

  it("round-trips text and bytes over a deflate-negotiating server", async () => {
    const server = await startServer({ port: 0, host: "127.0.0.1", perMessageDeflate: true, quiet: true });
    try {
      const { ws, nth } = record({ url: server.url, deflate: true });
      ws.connect();
      await nth(T.OPEN);
      const text = "compress me ".repeat(200);
      ws.sendText(text);
      expect((await nth(T.TEXT)).data).toBe(text);
      const bytes = new Uint8Array(4096).fill(7);
      ws.sendBinary(bytes);
      expect((await nth(T.BINARY)).data).toEqual(bytes);
      ws.close();
    } finally {
      await server.close();
    }
  });
});

describe("server restart on the same port (Node)", () => {
  it("gets CLOSE, then ERRORs spaced by the backoff, then OPEN once the server is back", async () => {
    const options = { host: "127.0.0.1", quiet: true } as const;
    let server = await startServer({ ...options, port: 0 });
    const port = server.port;
    try {
      const clock = fakeClock(); // the backoff's waits, exactly; sockets and the server stay real
      const { ws, log, nth } = record({ url: `ws://127.0.0.1:${port}/` });
      ws.connect();
      await nth(T.OPEN);
      await server.close();
      const closed = await nth(T.CLOSE);
      const errors = [await nth(T.ERROR)]; // the first retry does not wait
      for (let n = 2; n <= 4; n++) {
        await clock.nextTimer();
        errors.push(await nth(T.ERROR, n));
      }
      server = await startServer({ ...options, port });
      await clock.nextTimer();
      const reopened = await nth(T.OPEN, 2);

      // The first retry may still reach the closing server (reset); later ones are refused.
      for (const e of errors)
        expect(e.error).toMatch(`Unable to connect to 127.0.0.1 on port ${port}, error: `);
      expect(errors[3]!.error).toMatch(/error: Connect error: Connection refused$/);
      expect(errors[0]!.at).toBe(closed.at);
      expect(errors.slice(1).map((e, i) => e.at - errors[i]!.at)).toEqual([100, 200, 400]);
      expect(reopened.at - errors[3]!.at).toBe(800); // the wait after the 4th failure
      expect(log.events.map((e) => e.type)).toEqual([
        T.OPEN,
        T.CLOSE,
        T.ERROR,
        T.ERROR,
        T.ERROR,
        T.ERROR,
        T.OPEN,
      ]);

      // Open again: the backoff starts over (the next failure waits 100 ms again, not 1600).
      await server.close();
      const again = [await nth(T.ERROR, errors.length + 1)];
      await clock.nextTimer();
      again.push(await nth(T.ERROR, errors.length + 2));
      expect(again[1]!.at - again[0]!.at).toBe(100);
      ws.close();
    } finally {
      await server.close();
    }
  }, 15_000);
});
