// What the fault routes do once the upgrade is accepted. Everything here is deliberately
// misbehaving; the raw bytes below are the only hand-written WebSocket frames in the package.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { echo } from "./echo.js";
import type { Route } from "./routes.js";

// FIN + RSV1-3 set + reserved opcode 0x3, empty payload: a frame no extension can make valid (1002).
const GARBAGE = Buffer.from([0xf3, 0x00]);
// Unmasked text frame whose payload "\xC3\x28" is not UTF-8 (1007).
const INVALID_UTF8 = Buffer.from([0x81, 0x02, 0xc3, 0x28]);

/** Flushes what ws already wrote (the 101) before acting, so the client sees the handshake succeed. */
function afterFlush(socket: Duplex, action: () => void): void {
  socket.write(Buffer.alloc(0), () => action());
}

export function pattern(size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) bytes[i] = i & 0xff;
  return bytes;
}

/**
 * Runs the fault behaviour of `route` on a freshly accepted connection.
 * Returns true when the connection should also echo afterwards.
 */
export function runFault(
  route: Route,
  ws: WebSocket,
  socket: Duplex,
  req: IncomingMessage,
  schedule: (ms: number, action: () => void) => void,
): boolean {
  switch (route.kind) {
    case "close":
      if (route.code === undefined) ws.close();
      else ws.close(route.code, route.reason);
      return false;
    case "drop": {
      // Echo; the N-th echo (or the open, for N = 0) arms the drop, which happens `delay` ms later.
      let echoed = 0;
      let armed = false;
      const arm = () => {
        armed = true;
        const drop = () => afterFlush(socket, () => ws.terminate());
        if (route.delay > 0) schedule(route.delay, drop);
        else drop();
      };
      echo(ws); // first, so the N-th echo is written before the drop is armed
      ws.on("message", () => {
        if (!armed && ++echoed === route.after) arm();
      });
      if (route.after === 0) arm();
      return false;
    }
    case "garbage":
    case "invalid-utf8": {
      // A delay lets the client see the open first: Firefox fails a connection whose bad frame
      // follows the upgrade at once before it dispatches open.
      const bad = () => {
        if (!socket.destroyed) socket.write(route.kind === "garbage" ? GARBAGE : INVALID_UTF8);
      };
      if (route.delay > 0) schedule(route.delay, bad);
      else bad();
      return false;
    }
    case "ping":
      ws.ping("wsport-ping");
      return true;
    case "send":
      ws.send(pattern(route.size), { binary: true });
      return true;
    case "echo-headers":
      ws.send(
        JSON.stringify({
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          protocol: ws.protocol,
          url: req.url,
        }),
      );
      return true;
    default:
      return true;
  }
}
