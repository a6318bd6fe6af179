import { type RunningServer, startServer } from "@wsport/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { until } from "../../../test/until.mjs";
import { closed, messages, nextMessage, open, refused, shared, within } from "./helpers.js";

const sockets: WebSocket[] = [];
function track(ws: WebSocket) {
  sockets.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

describe("/reject/<status>", () => {
  it.each([
    [400, "Bad Request"],
    [403, "Forbidden"],
    [404, "Not Found"],
    [418, "I'm a Teapot"],
    [503, "Service Unavailable"],
  ])("refuses the upgrade with %i and the test headers and body", async (status, phrase) => {
    const res = await refused(shared(`/reject/${status}`));
    expect(res.status).toBe(status);
    expect(res.statusMessage).toBe(phrase);
    expect(res.headers["x-wsport-reason"]).toBe("rejected by test route");
    expect(res.headers["content-type"]).toBe("text/plain");
    expect(res.headers.connection).toBe("close");
    expect(res.body).toBe(`Rejected with ${status} by /reject`);
  });
});

describe("/close/<code>/<reason>", () => {
  it("closes with the code and the URL-decoded reason", async () => {
    const ws = new WebSocket(shared(`/close/4000/${encodeURIComponent("bye / now ✓")}`));
    expect(await closed(ws)).toMatchObject({ code: 4000, reason: "bye / now ✓", error: undefined });
  });

  it("closes with the code and an empty reason when none is given", async () => {
    const ws = new WebSocket(shared("/close/1001"));
    expect(await closed(ws)).toMatchObject({ code: 1001, reason: "" });
  });

  it("/close/none sends a close frame without a status code (client sees 1005)", async () => {
    const ws = new WebSocket(shared("/close/none"));
    expect(await closed(ws)).toMatchObject({ code: 1005, reason: "" });
  });

  it("accepts a 123-byte reason", async () => {
    const reason = "r".repeat(123);
    const ws = new WebSocket(shared(`/close/3000/${reason}`));
    expect(await closed(ws)).toMatchObject({ code: 3000, reason });
  });
});

describe("/drop", () => {
  it("completes the handshake, then drops the TCP connection without a close frame (1006)", async () => {
    const ws = new WebSocket(shared("/drop"));
    let opened = false;
    ws.on("open", () => {
      opened = true;
    });
    expect((await closed(ws)).code).toBe(1006);
    expect(opened).toBe(true);
  });

  it("?after=N echoes N messages first", async () => {
    const ws = track(await open(shared("/drop?after=2")));
    const done = closed(ws);
    const echoed = messages(ws, 2);
    ws.send("one");
    ws.send("two");
    expect((await echoed).map((m) => m.data.toString())).toEqual(["one", "two"]);
    expect((await done).code).toBe(1006);
  });

  it("?delay=ms drops after the delay", async () => {
    const started = Date.now();
    const ws = track(await open(shared("/drop?delay=300")));
    const done = closed(ws);
    ws.send("still here");
    expect((await nextMessage(ws)).data.toString()).toBe("still here");
    expect((await done).code).toBe(1006);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});

describe("/hang", () => {
  it("never answers the upgrade, so the client's handshake timeout fires", async () => {
    const ws = new WebSocket(shared("/hang"), { handshakeTimeout: 300 });
    const result = await closed(ws);
    expect(result.error?.message).toBe("Opening handshake has timed out");
    expect(result.code).toBe(1006);
  });
});

describe("/delay/<ms>", () => {
  it("answers the upgrade after the delay, then echoes", async () => {
    const started = Date.now();
    const ws = track(await open(shared("/delay/300")));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    ws.send("late");
    expect((await nextMessage(ws)).data.toString()).toBe("late");
  });
});

describe("malformed frames (own server, to see what the client sent back)", () => {
  let server: RunningServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startServer({ port: 0, faults: true, quiet: false, log: (line) => lines.push(line) });
  });
  afterAll(() => server.close());

  /** The close code the server received from the client, read from the server's log lines. */
  async function clientCloseCodeSeenByServer(path: string): Promise<number> {
    const closeLine = () => {
      const id = lines.find((l) => l.includes(" open ") && l.endsWith(path))?.split(" ")[0];
      return id === undefined ? undefined : lines.find((l) => l.startsWith(`${id} close `));
    };
    await until(() => closeLine() !== undefined, `the server's close line for ${path}`);
    return Number(closeLine()!.split(" ")[2]);
  }

  it("/garbage: the client fails the connection with 1002 (its close event reports 1006)", async () => {
    const ws = new WebSocket(`${server.url}garbage`);
    const result = await closed(ws);
    expect(result.error?.code).toMatch(/^WS_ERR_UNEXPECTED_RSV/);
    expect(result.code).toBe(1006); // ws stops reading after a protocol error, so never sees the reply
    expect(await clientCloseCodeSeenByServer("/garbage")).toBe(1002);
  });

  it("/invalid-utf8: the client fails the connection with 1007", async () => {
    const ws = new WebSocket(`${server.url}invalid-utf8`);
    const result = await closed(ws);
    expect(result.error?.code).toBe("WS_ERR_INVALID_UTF8");
    expect(result.code).toBe(1006);
    expect(await clientCloseCodeSeenByServer("/invalid-utf8")).toBe(1007);
  });

  it.each([
    ["/garbage?delay=200", 1002],
    ["/invalid-utf8?delay=200", 1007],
  ])("%s: the bad frame comes after the delay, with the connection open until then", async (path, code) => {
    const ws = new WebSocket(`${server.url}${path.slice(1)}`);
    const result = closed(ws);
    await within(new Promise((resolve) => ws.once("open", resolve)), "open");
    const opened = Date.now();
    expect((await result).code).toBe(1006);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(150);
    expect(await clientCloseCodeSeenByServer(path)).toBe(code);
  });
});

describe("/ping, /send/<n>, /echo-headers", () => {
  it("/ping sends a ping with payload wsport-ping, then echoes", async () => {
    const ws = track(new WebSocket(shared("/ping")));
    const ping = await within(new Promise<Buffer>((resolve) => ws.once("ping", resolve)), "ping");
    expect(ping.toString()).toBe("wsport-ping");
    ws.send("after ping");
    expect((await nextMessage(ws)).data.toString()).toBe("after ping");
  });

  it("/send/<n> sends one binary message of n deterministic bytes, then echoes", async () => {
    const ws = track(new WebSocket(shared("/send/100000")));
    const { data, isBinary } = await nextMessage(ws);
    expect(isBinary).toBe(true);
    expect(data.length).toBe(100000);
    expect(data.every((byte, i) => byte === (i & 0xff))).toBe(true);
    ws.send("then echo");
    expect((await nextMessage(ws)).data.toString()).toBe("then echo");
  });

  it("/send/0 sends an empty binary message", async () => {
    const ws = track(new WebSocket(shared("/send/0")));
    const { data, isBinary } = await nextMessage(ws);
    expect(isBinary).toBe(true);
    expect(data.length).toBe(0);
  });

  it("/send/<n> lets a client test its own size limit (client closes with 1009)", async () => {
    const ws = new WebSocket(shared("/send/2048"), { maxPayload: 1024 });
    const result = await closed(ws);
    expect(result.error?.code).toBe("WS_ERR_UNSUPPORTED_MESSAGE_LENGTH");
  });

  it("/echo-headers reports the handshake headers, selected protocol and URL", async () => {
    const ws = track(
      new WebSocket(shared("/echo-headers?x=1"), ["chat"], { headers: { "X-Custom": "yes" } }),
    );
    const { data, isBinary } = await nextMessage(ws);
    expect(isBinary).toBe(false);
    const report = JSON.parse(data.toString());
    expect(report.headers["x-custom"]).toBe("yes");
    expect(report.headers["sec-websocket-protocol"]).toBe("chat");
    expect(report.rawHeaders).toContain("X-Custom");
    expect(report.protocol).toBe("chat");
    expect(report.url).toBe("/echo-headers?x=1");
    ws.send("echo");
    expect((await nextMessage(ws)).data.toString()).toBe("echo");
  });
});

describe("fault routes are off unless enabled", () => {
  it("echoes on /reject/404 and /close/4000 when faults is false", async () => {
    const server = await startServer({ port: 0 });
    try {
      for (const path of ["reject/404", "close/4000", "hang", "garbage"]) {
        const ws = track(await open(`${server.url}${path}`));
        ws.send(path);
        expect((await nextMessage(ws)).data.toString()).toBe(path);
      }
    } finally {
      await server.close();
    }
  });
});
