// In a browser the package behaves like the extension's HTML5 build: no custom headers and no
// handshake details, because a page cannot set or see them.
import { websocket } from "@wsport/defold-compat";
import { describe, expect, it } from "vitest";
import { refusedUrl, serverUrl } from "../../../test/events.ts";
import { open } from "./helpers.ts";

const { EVENT_DISCONNECTED, EVENT_MESSAGE, EVENT_ERROR } = websocket;

describe("HTML5 build", () => {
  it("ignores the headers param (still checked), but offers the protocol", async () => {
    const session = open(serverUrl("/echo-headers"), { headers: "X-Token: abc123\r\n", protocol: "chat" });
    const seen = JSON.parse((await session.next(EVENT_MESSAGE)).message as string);
    expect(seen.headers["x-token"]).toBeUndefined();
    expect(seen.protocol).toBe("chat");
  });

  it("a refused upgrade gives ERROR without handshake_response, then DISCONNECTED", async () => {
    const session = open(serverUrl("/reject/403"));
    const error = await session.next(EVENT_ERROR);
    expect(error.message).toMatch(/^Failed to open connection: .+/);
    expect(error).not.toHaveProperty("handshake_response");
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({
      event: EVENT_DISCONNECTED,
      message: "",
      code: 1006,
    });
  });

  it("a refused port cannot be told apart from other failures: the browser gives no reason", async () => {
    const session = open(refusedUrl());
    expect((await session.next(EVENT_ERROR)).message).toMatch(/^Failed to open connection: /);
  });

  it("a peer that breaks the protocol: DISCONNECTED carries the browser's 1006", async () => {
    const session = open(serverUrl("/invalid-utf8"));
    expect(await session.next(EVENT_DISCONNECTED)).toEqual({
      event: EVENT_DISCONNECTED,
      message: "",
      code: 1006,
    });
  });
});
