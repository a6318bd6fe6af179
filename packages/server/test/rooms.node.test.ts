import { afterEach, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { messages, nextMessage, open, shared, sleep } from "./helpers.js";

const sockets: WebSocket[] = [];
async function join(room: string) {
  const ws = await open(shared(`/room/${room}`));
  sockets.push(ws);
  return ws;
}
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

describe("broadcast room /room/<name>", () => {
  it("delivers each message to every other member, never back to the sender", async () => {
    const room = `r-${Math.random().toString(36).slice(2)}`;
    const [a, b, c] = [await join(room), await join(room), await join(room)];
    const seenByA: string[] = [];
    a.on("message", (data) => seenByA.push(data.toString()));

    const atB = nextMessage(b);
    const atC = nextMessage(c);
    a.send("from a");
    expect((await atB).data.toString()).toBe("from a");
    expect((await atC).data.toString()).toBe("from a");

    // b's message reaches a; had a been sent its own message, it would have arrived first.
    const atA = nextMessage(a);
    b.send("from b");
    expect((await atA).data.toString()).toBe("from b");
    expect(seenByA).toEqual(["from b"]);
  });

  it("keeps text as text and binary as binary", async () => {
    const room = `r-${Math.random().toString(36).slice(2)}`;
    const [a, b] = [await join(room), await join(room)];
    const got = messages(b, 2);
    a.send("text");
    a.send(Uint8Array.from([1, 2, 3]));
    const [text, binary] = await got;
    expect(text).toMatchObject({ isBinary: false });
    expect(text!.data.toString()).toBe("text");
    expect(binary).toMatchObject({ isBinary: true });
    expect([...binary!.data]).toEqual([1, 2, 3]);
  });

  it("keeps rooms apart and stops delivering to members that left", async () => {
    const one = `r-${Math.random().toString(36).slice(2)}`;
    const [a, b, leaver] = [await join(one), await join(one), await join(one)];
    const other = await join(`${one}-other`);
    const strays: string[] = [];
    other.on("message", (data) => strays.push(data.toString()));
    leaver.on("message", (data) => strays.push(`leaver: ${data.toString()}`));
    leaver.close();
    await sleep(50);

    const atB = nextMessage(b);
    a.send("members only");
    expect((await atB).data.toString()).toBe("members only");
    await sleep(50);
    expect(strays).toEqual([]);
  });
});
