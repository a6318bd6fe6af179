// The plugin's two timers: 6000 ms to connect, 4000 ms for the server's answer to disconnect().
// Node only: each needs a real wait, and the close-answer test needs a raw TCP server.
import { createHash } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { delay, serverUrl } from "../../../test/events.ts";
import { client, DEFAULT_REASON, DROPPED, disconnectAll } from "./helpers.ts";

/** Answers the upgrade with a bare 101, then records every byte and never answers a close. */
let silent: Server;
const sockets = new Set<Socket>();
const received: Buffer[] = [];

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.once("data", (request) => {
      const key = /sec-websocket-key: *(\S+)/i.exec(request.toString())?.[1] ?? "";
      const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.on("data", (frame) => received.push(frame));
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  disconnectAll();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

/** Unmasks a client frame (all client frames are masked) and returns its opcode and payload. */
function unmask(frame: Buffer): { opcode: number; payload: Buffer } {
  const length = frame[1]! & 0x7f; // a close frame is always < 126 bytes
  const mask = frame.subarray(2, 6);
  const payload = Buffer.from(frame.subarray(6, 6 + length).map((b, i) => b ^ mask[i % 4]!));
  return { opcode: frame[0]! & 0x0f, payload };
}

it("disconnect() sends close 1000 with the plugin's reason and, unanswered, reports ONCLOSE after 4 s", async () => {
  const { ws, log, next } = client();
  const port = (silent.address() as { port: number }).port;
  ws.connect(`ws://127.0.0.1:${port}/`);
  await next("OnOpen0");
  ws.disconnect();
  await delay(3500);
  expect(log.events.map((e) => e.type)).toEqual(["OnOpen0"]);
  expect(await next("OnClose0", 3000)).toStrictEqual({
    name: "WsEvent0",
    type: "OnClose0",
    code: 1000,
    reason: DEFAULT_REASON,
  });
  const close = unmask(Buffer.concat(received));
  expect(close.opcode).toBe(8);
  expect(close.payload.readUInt16BE(0)).toBe(1000);
  expect(close.payload.subarray(2).toString()).toBe(DEFAULT_REASON);
}, 12_000);

it("/hang: the default 6000 ms connect timeout ends in ONCLOSE with no code and no reason", async () => {
  const { ws, log, next } = client();
  ws.connect(serverUrl("/hang"));
  await delay(5500);
  expect(log.events).toEqual([]);
  expect(await next("OnClose0", 3000)).toStrictEqual(DROPPED);
}, 12_000);
