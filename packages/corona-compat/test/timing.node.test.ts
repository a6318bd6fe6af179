// The plugin's two timers: 6000 ms to connect, 4000 ms for the server's answer to disconnect().
// Their schedule is asserted on fake timers (sockets, the server and their I/O stay real); one
// check of the 4 s wait runs in real time. Node only: the close-answer tests need a raw TCP server.
import { createHash } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { EventLog, serverUrl } from "../../../test/events.ts";
import { client, DEFAULT_REASON, DROPPED, disconnectAll } from "./helpers.ts";

/** Answers the upgrade with a bare 101, then records every byte and never answers a close. */
let silent: Server;
const sockets = new Set<Socket>();
/** What the silent server received after the handshake, chunk by chunk. */
let received = new EventLog<Buffer>();

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.once("data", (request) => {
      const key = /sec-websocket-key: *(\S+)/i.exec(request.toString())?.[1] ?? "";
      const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.on("data", (chunk) => received.push(chunk));
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});

afterEach(() => {
  vi.useRealTimers();
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

/** Fakes the timers the plugin's waits run on; the clock moves only when the test says. */
const fakeTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

/** Waits (on real I/O) until the silent server has received a whole close frame, and decodes it. */
async function receivedClose(): Promise<{ opcode: number; payload: Buffer }> {
  const whole = () => {
    const bytes = Buffer.concat(received.events);
    return bytes.length >= 2 && bytes.length >= 6 + (bytes[1]! & 0x7f);
  };
  await received.waitFor(whole, 5000, "a whole close frame");
  return unmask(Buffer.concat(received.events));
}

/** A client open on the silent server (which never answers a close). */
async function openOnSilent() {
  received = new EventLog<Buffer>();
  const opened = client();
  const port = (silent.address() as { port: number }).port;
  opened.ws.connect(`ws://127.0.0.1:${port}/`);
  await opened.next("OnOpen0");
  return opened;
}

const UNANSWERED_CLOSE = { name: "WsEvent0", type: "OnClose0", code: 1000, reason: DEFAULT_REASON };

it("disconnect() sends close 1000 with the plugin's reason and, unanswered, reports ONCLOSE after exactly 4000 ms", async () => {
  const { ws, log, next } = await openOnSilent();
  fakeTimers();
  ws.disconnect();
  const close = await receivedClose();
  expect(close.opcode).toBe(8);
  expect(close.payload.readUInt16BE(0)).toBe(1000);
  expect(close.payload.subarray(2).toString()).toBe(DEFAULT_REASON);
  vi.advanceTimersByTime(3999);
  expect(log.events.map((e) => e.type)).toEqual(["OnOpen0"]);
  vi.advanceTimersByTime(1);
  expect(await next("OnClose0")).toStrictEqual(UNANSWERED_CLOSE);
});

it("in real time: disconnect() on a server that never answers still ends in ONCLOSE", async () => {
  const { ws, log, next } = await openOnSilent();
  ws.disconnect();
  expect(await next("OnClose0", 10_000)).toStrictEqual(UNANSWERED_CLOSE);
  expect(log.events.map((e) => e.type)).toEqual(["OnOpen0", "OnClose0"]);
}, 15_000);

it("/hang: the default connect timeout ends in ONCLOSE with no code and no reason after exactly 6000 ms", async () => {
  fakeTimers();
  const { ws, log, next } = client();
  ws.connect(serverUrl("/hang"));
  vi.advanceTimersByTime(5999);
  expect(log.events).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(await next("OnClose0")).toStrictEqual(DROPPED);
});
