// ERROR texts of failures that need a misbehaving peer or a long wait, in Node (where the runtime
// gives the facts): a handshake timeout, a bad 101 answer, a reset. Refusals, rejected handshakes,
// unresolved names and unparseable URLs are in websocket.node.test.ts and websocket.test.ts.
import { createServer, type Server, type Socket } from "node:net";
import { WebSocketMessageType as T } from "@wsport/aseprite-compat";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serverUrl } from "../../../test/events.ts";
import { fakeClock, record } from "./record.ts";

/** A raw TCP server that answers every request with `answer` (or resets the connection when null). */
function rawServer(answer: string | null): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.once("data", () => {
      if (answer === null) socket.resetAndDestroy();
      else socket.write(answer);
    });
  });
  server.on("close", () => {
    for (const socket of sockets) socket.destroy();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (server: Server) => (server.address() as { port: number }).port;

let badAccept: Server;
let reset: Server;
beforeAll(async () => {
  badAccept = await rawServer(
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: wrong\r\n\r\n",
  );
  reset = await rawServer(null);
});
afterAll(() => {
  badAccept.close();
  reset.close();
});

describe("ERROR texts (Node)", () => {
  it("a handshake that never completes: IXWebSocket's 60 s timeout, named as it does", async () => {
    fakeClock();
    const url = serverUrl("/hang");
    const { ws, nth } = record({ url });
    ws.connect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await nth(T.ERROR)).error).toBe(
      `Unable to connect to 127.0.0.1 on port ${new URL(url).port}, error: connect timed out after 60 seconds`,
    );
  });

  it("a 101 whose Sec-WebSocket-Accept is wrong: the handshake error's own text", async () => {
    const { ws, nth } = record({ url: `ws://127.0.0.1:${portOf(badAccept)}/` });
    ws.connect();
    expect((await nth(T.ERROR)).error).toBe("Invalid Sec-WebSocket-Accept header");
  });

  it("a connection reset during the handshake: the runtime's text after IXWebSocket's prefix", async () => {
    const port = portOf(reset);
    const { ws, nth } = record({ url: `ws://127.0.0.1:${port}/` });
    ws.connect();
    expect((await nth(T.ERROR)).error).toMatch(
      new RegExp(
        `^Unable to connect to 127\\.0\\.0\\.1 on port ${port}, error: (socket hang up|read ECONNRESET)$`,
      ),
    );
  });
});
