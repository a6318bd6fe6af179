// ERROR texts built from core's error events, in Node (where the runtime gives the facts).
import type { ErrorEvent } from "@wsport/core";
import { describe, expect, it } from "vitest";
import { connectErrorText, parseErrorText } from "../src/error-text.ts";

const target = new URL("ws://127.0.0.1:9000/path");
const event = (kind: ErrorEvent["kind"], message = "boom", code?: string): ErrorEvent => ({
  type: "error",
  kind,
  message,
  code,
});

describe("connectErrorText (Node)", () => {
  it("words each failure as IXWebSocket does", () => {
    const url = "http://127.0.0.1:9000/path";
    expect(connectErrorText(url, target, event("refused", "connect ECONNREFUSED", "ECONNREFUSED"))).toBe(
      "Unable to connect to 127.0.0.1 on port 9000, error: Connect error: Connection refused",
    );
    expect(connectErrorText(url, target, event("dns", "getaddrinfo ENOTFOUND", "ENOTFOUND"))).toBe(
      "Unable to connect to 127.0.0.1 on port 9000, error: Name or service not known",
    );
    expect(connectErrorText(url, target, event("timeout"))).toBe(
      "Unable to connect to 127.0.0.1 on port 9000, error: connect timed out after 60 seconds",
    );
    expect(connectErrorText(url, target, event("network", "read ECONNRESET", "ECONNRESET"))).toBe(
      "Unable to connect to 127.0.0.1 on port 9000, error: read ECONNRESET",
    );
    expect(connectErrorText(url, target, undefined)).toBe(
      "Unable to connect to 127.0.0.1 on port 9000, error: Connection closed",
    );
  });

  it("quotes a rejected handshake's status line, naming the URL as the script wrote it", () => {
    const rejected: ErrorEvent = {
      ...event("handshake", "Unexpected server response: 403"),
      handshake: { status: 403, statusText: "Forbidden", headers: {}, body: new Uint8Array(0) },
    };
    expect(connectErrorText("http://127.0.0.1:9000/path", target, rejected)).toBe(
      "Expecting status 101 (Switching Protocol), got 403 status connecting to http://127.0.0.1:9000/path, HTTP Status line: HTTP/1.1 403 Forbidden\r\n",
    );
    expect(connectErrorText("", target, event("handshake", "Invalid Sec-WebSocket-Accept header"))).toBe(
      "Invalid Sec-WebSocket-Accept header",
    );
  });

  it("quotes the URL it could not parse", () => {
    expect(parseErrorText("nonsense")).toBe("Could not parse url: 'nonsense'");
    expect(parseErrorText("")).toBe("Could not parse url: ''");
  });
});
