import { afterEach, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { closed, nextMessage, open, shared, within } from "./helpers.js";

const sockets: WebSocket[] = [];
async function connect(path = "/", protocols?: string[]) {
  const ws = await open(shared(path), protocols);
  sockets.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

describe("echo", () => {
  it("sends text back as text", async () => {
    const ws = await connect();
    ws.send("héllo wörld");
    const { data, isBinary } = await nextMessage(ws);
    expect(isBinary).toBe(false);
    expect(data.toString("utf8")).toBe("héllo wörld");
  });

  it("sends binary back as binary, byte for byte", async () => {
    const ws = await connect();
    const bytes = Uint8Array.from([0, 1, 2, 0xfe, 0xff, 0x80, 0xc3, 0x28]);
    ws.send(bytes);
    const { data, isBinary } = await nextMessage(ws);
    expect(isBinary).toBe(true);
    expect([...data]).toEqual([...bytes]);
  });

  it("paths named like Object's own members are plain echo paths, not fault routes", async () => {
    for (const path of ["/constructor/x", "/toString", "/__proto__", "/hasOwnProperty"]) {
      const ws = await connect(path);
      ws.send(path);
      const { data } = await nextMessage(ws);
      expect(data.toString("utf8")).toBe(path);
    }
  });

  it("echoes empty text and empty binary messages", async () => {
    const ws = await connect();
    ws.send("");
    const text = await nextMessage(ws);
    ws.send(new Uint8Array(0));
    const binary = await nextMessage(ws);
    expect(text).toMatchObject({ isBinary: false });
    expect(text.data.length).toBe(0);
    expect(binary).toMatchObject({ isBinary: true });
    expect(binary.data.length).toBe(0);
  });

  it("echoes a 1 MiB binary message intact", async () => {
    const ws = await connect();
    const big = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    ws.send(big);
    const { data, isBinary } = await nextMessage(ws);
    expect(isBinary).toBe(true);
    expect(data.equals(big)).toBe(true);
  });

  it("echoes on any path that matches no other route", async () => {
    const ws = await connect("/some/other/path?x=1");
    ws.send("still echo");
    expect((await nextMessage(ws)).data.toString()).toBe("still echo");
  });

  it("answers a client ping with a pong carrying the same payload", async () => {
    const ws = await connect();
    const pong = within(new Promise<Buffer>((resolve) => ws.once("pong", resolve)), "pong");
    ws.ping("are you there");
    expect((await pong).toString()).toBe("are you there");
  });

  it("closes cleanly when the client closes", async () => {
    const ws = await connect();
    const done = closed(ws);
    ws.close(1000, "bye");
    expect(await done).toMatchObject({ code: 1000, reason: "bye" });
  });
});
