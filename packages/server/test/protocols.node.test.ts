import { type RunningServer, startServer } from "@wsport/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { closed, open, shared } from "./helpers.js";
import { rawHandshake } from "./raw.js";

const sockets: WebSocket[] = [];
async function connect(url: string, protocols?: string[]) {
  const ws = await open(url, protocols);
  sockets.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

describe("subprotocols with no configured list", () => {
  it("selects the first protocol the client offers", async () => {
    expect((await connect(shared(), ["chat", "superchat"])).protocol).toBe("chat");
  });

  it("selects nothing when the client offers nothing", async () => {
    expect((await connect(shared())).protocol).toBe("");
  });

  it("never selects a protocol starting with 'refuse', but selects the next one", async () => {
    expect((await connect(shared(), ["refuse-me", "refused-too", "chat"])).protocol).toBe("chat");
  });

  it("answers 101 without Sec-WebSocket-Protocol when only refused protocols are offered", async () => {
    const res = await rawHandshake(Number(new URL(shared()).port), "/", [
      "Sec-WebSocket-Protocol: refuse-me",
    ]);
    expect(res.statusLine).toBe("HTTP/1.1 101 Switching Protocols");
    expect(res.headers["sec-websocket-protocol"]).toBeUndefined();
  });

  it("so a ws client that required the protocol fails the handshake", async () => {
    const ws = new WebSocket(shared(), ["refuse-me"]);
    const result = await closed(ws);
    expect(result.error?.message).toBe("Server sent no subprotocol");
  });
});

describe("subprotocols with a configured list", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, protocols: ["v2", "v1"] });
  });
  afterAll(() => server.close());

  it("selects the first offered protocol that the server supports", async () => {
    expect((await connect(server.url, ["v3", "v1", "v2"])).protocol).toBe("v1");
  });

  it("selects nothing when no offered protocol is supported", async () => {
    const res = await rawHandshake(server.port, "/", ["Sec-WebSocket-Protocol: v3, chat"]);
    expect(res.statusLine).toBe("HTTP/1.1 101 Switching Protocols");
    expect(res.headers["sec-websocket-protocol"]).toBeUndefined();
  });
});
