// Node behaves like the extension's native build: headers are sent, rejected handshakes are
// described, and the close code after a protocol failure is the one we sent.
import { websocket } from "@wsport/defold-compat";
import { describe, expect, it } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
import { open } from "./helpers.ts";

const { EVENT_CONNECTED, EVENT_DISCONNECTED, EVENT_MESSAGE, EVENT_ERROR } = websocket;

async function handshakeSeen(params: Parameters<typeof open>[1]) {
  const session = open(serverUrl("/echo-headers"), params);
  const sent = JSON.parse((await session.next(EVENT_MESSAGE)).message as string);
  return sent as { headers: Record<string, string>; rawHeaders: string[]; protocol: string };
}

describe("headers (native build)", () => {
  it("sends the header block's lines with the handshake", async () => {
    const seen = await handshakeSeen({ headers: "X-Token: abc123\r\nX-Team:  red\r\n", protocol: "chat" });
    expect(seen.headers["x-token"]).toBe("abc123");
    expect(seen.headers["x-team"]).toBe("red");
    expect(seen.rawHeaders).toContain("X-Token"); // the caller's casing
    expect(seen.protocol).toBe("chat");
  });

  it("accepts a block without the final line break and with \\n line ends", async () => {
    const seen = await handshakeSeen({ headers: "X-A: 1\nX-B: 2" });
    expect([seen.headers["x-a"], seen.headers["x-b"]]).toEqual(["1", "2"]);
  });

  it("negotiates a Sec-WebSocket-Protocol given in the headers, as in the extension's own docs", async () => {
    const seen = await handshakeSeen({
      timeout: 3000,
      headers: "Sec-WebSocket-Protocol: chat\r\nOrigin: mydomain.com\r\n",
    });
    expect(seen.protocol).toBe("chat");
    expect(seen.headers.origin).toBe("mydomain.com");
    expect(seen.headers["sec-websocket-protocol"]).toBe("chat");
  });

  it("offers a protocol named both in the param and in the headers once", async () => {
    const seen = await handshakeSeen({ protocol: "chat", headers: "Sec-WebSocket-Protocol: chat, v2\r\n" });
    expect(seen.headers["sec-websocket-protocol"]).toBe("chat,v2");
  });
});

describe("failures (native build texts)", () => {
  it("a refused upgrade gives 'Wrong response status' and the handshake_response, then DISCONNECTED", async () => {
    const session = open(serverUrl("/reject/403"));
    const error = await session.next(EVENT_ERROR);
    expect(error).toEqual({
      event: EVENT_ERROR,
      message: "Wrong response status: 403",
      handshake_response: {
        status: 403,
        headers: {
          Connection: "close",
          "Content-Type": "text/plain",
          "Content-Length": "28",
          "X-Wsport-Reason": "rejected by test route",
        },
        response: "Rejected with 403 by /reject",
      },
    });
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({
      event: EVENT_DISCONNECTED,
      message: "",
      code: 1006,
    });
    expect(session.events()).toEqual([EVENT_ERROR, EVENT_DISCONNECTED]);
  });

  it.each([
    [500, "Wrong response status: 500"],
    [404, "Wrong response status: 404"],
  ])("/reject/%i gives '%s'", async (status, text) => {
    const session = open(serverUrl(`/reject/${status}`));
    const error = await session.next(EVENT_ERROR);
    expect(error.message).toBe(text);
    expect(error).toMatchObject({ handshake_response: { status } });
  });

  it("names the socket result: CONNREFUSED and HOST_NOT_FOUND", async () => {
    const refused = open(refusedUrl());
    expect((await refused.next(EVENT_ERROR)).message).toBe("Failed to open connection: CONNREFUSED");
    const unknown = open("ws://no-such-host.invalid/");
    expect((await unknown.next(EVENT_ERROR)).message).toBe("Failed to open connection: HOST_NOT_FOUND");
    await unknown.next(EVENT_DISCONNECTED);
  });

  it("a wss:// connect to a plain server fails in Defold's words (UNKNOWN), not with OpenSSL's text", async () => {
    const session = open(serverUrl("/").replace(/^ws:/, "wss:"));
    expect((await session.next(EVENT_ERROR)).message).toBe("Failed to open connection: UNKNOWN");
    expect(await session.next(EVENT_DISCONNECTED)).toMatchObject({ code: 1006 });
    expect(session.events()).toEqual([EVENT_ERROR, EVENT_DISCONNECTED]);
  });

  it("a refused port has no handshake_response: nothing answered", async () => {
    const session = open(refusedUrl());
    expect(await session.next(EVENT_ERROR)).not.toHaveProperty("handshake_response");
  });

  it.each([
    ["/invalid-utf8", 1007],
    ["/garbage", 1002],
  ])("%s: ERROR, then DISCONNECTED with the code we closed with (%i)", async (path, code) => {
    const session = open(serverUrl(path));
    expect((await session.next(EVENT_ERROR)).message).toMatch(/^Websocket closing for 127\.0\.0\.1 \(.+\)$/);
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({ event: EVENT_DISCONNECTED, message: "", code });
    expect(session.events()).toEqual([EVENT_CONNECTED, EVENT_ERROR, EVENT_DISCONNECTED]);
  });

  it("a drop after a few messages delivers those messages first", async () => {
    const session = open(serverUrl("/drop?after=2"));
    await session.next(EVENT_CONNECTED);
    websocket.send(session.connection, "one");
    websocket.send(session.connection, "two");
    await session.next(EVENT_DISCONNECTED);
    expect(session.events()).toEqual([
      EVENT_CONNECTED,
      EVENT_MESSAGE,
      EVENT_MESSAGE,
      EVENT_ERROR,
      EVENT_DISCONNECTED,
    ]);
    expect(session.log.events[3]!.data.message).toBe("Websocket closing for 127.0.0.1 (connection lost)");
  });
});
