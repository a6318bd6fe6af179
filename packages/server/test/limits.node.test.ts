import { type RunningServer, startServer } from "@wsport/server";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { until } from "../../../test/until.mjs";
import { closed, nextMessage, open, refused, sleep } from "./helpers.js";

const cleanup: Array<() => unknown> = [];
async function serve(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const server = await startServer({ port: 0, ...options });
  cleanup.push(() => server.close());
  return server;
}
async function connect(url: string, options?: WebSocket.ClientOptions) {
  const ws = await open(url, undefined, options);
  cleanup.unshift(() => ws.terminate());
  return ws;
}
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

describe("maxPayload", () => {
  it("echoes a message of exactly maxPayload bytes and closes with 1009 above it", async () => {
    const server = await serve({ maxPayload: 1024 });
    const ws = await connect(server.url);
    ws.send(Buffer.alloc(1024, 7));
    expect((await nextMessage(ws)).data.length).toBe(1024);
    const done = closed(ws);
    ws.send(Buffer.alloc(1025, 7));
    expect((await done).code).toBe(1009);
  });
});

describe("maxConnections", () => {
  it("refuses upgrades over the limit with 503 and accepts again once one leaves", async () => {
    const server = await serve({ maxConnections: 2 });
    const first = await connect(server.url);
    await connect(server.url);
    const res = await refused(server.url);
    expect(res.status).toBe(503);
    expect(res.body).toBe("Too many connections: limit is 2");
    expect(server.connections).toBe(2);

    const done = closed(first);
    first.close();
    await done;
    await until(() => server.connections <= 1, "the server to count the closed connection");
    await connect(server.url);
    expect(server.connections).toBe(2);
  });
});

describe("allowOrigins", () => {
  it("refuses a disallowed Origin with 403, allows listed ones and requests without Origin", async () => {
    const server = await serve({ allowOrigins: ["http://good.test"] });
    const res = await refused(server.url, { origin: "http://evil.test" });
    expect(res.status).toBe(403);
    expect(res.body).toBe("Origin http://evil.test is not allowed");
    await connect(server.url, { origin: "http://good.test" });
    await connect(server.url);
    expect(server.connections).toBe(2);
  });
});

describe("heartbeat", () => {
  it("terminates a peer that stops answering pings and keeps one that answers", async () => {
    const server = await serve({ heartbeat: 100 });
    const silent = await connect(server.url, { autoPong: false });
    const lively = await connect(server.url);
    let pings = 0;
    silent.on("ping", () => pings++);
    const result = await closed(silent, 2000);
    expect(result.code).toBe(1006); // terminated: no close frame
    expect(pings).toBeGreaterThanOrEqual(1);
    await sleep(250); // a few more heartbeats
    expect(lively.readyState).toBe(WebSocket.OPEN);
    expect(server.connections).toBe(1);
  });
});

describe("perMessageDeflate", () => {
  it("negotiates permessage-deflate when enabled and still echoes", async () => {
    const server = await serve({ perMessageDeflate: true });
    const ws = await connect(server.url);
    expect(ws.extensions).toContain("permessage-deflate");
    ws.send("x".repeat(10_000));
    expect((await nextMessage(ws)).data.toString()).toBe("x".repeat(10_000));
  });

  it("does not negotiate it by default", async () => {
    const server = await serve({});
    const ws = await connect(server.url);
    expect(ws.extensions).toBe("");
  });
});
