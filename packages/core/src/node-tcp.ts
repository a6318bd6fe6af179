// A raw TCP listener that hands out sockets one by one, for engines whose servers poll for
// connections (Godot's TCPServer) and then upgrade them with `acceptSocket`.
import { createServer, type Server, type Socket } from "node:net";
import { describe } from "./describe.js";
import type { TcpListener, TcpStream } from "./types.js";

const sockets = new WeakMap<TcpStream, Socket>();

/** The socket behind a stream this module handed out. */
export function socketOf(stream: unknown): Socket | undefined {
  return typeof stream === "object" && stream !== null ? sockets.get(stream as TcpStream) : undefined;
}

function tcpStream(socket: Socket): TcpStream {
  const stream: TcpStream = {
    remoteAddress: socket.remoteAddress ?? "",
    remotePort: socket.remotePort ?? 0,
    get connected() {
      return !socket.destroyed && socket.readyState === "open";
    },
    destroy() {
      socket.destroy();
    },
  };
  sockets.set(stream, socket);
  return stream;
}

export function createTcpListener(port: number, host = "0.0.0.0"): TcpListener {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${describe(port)}`);
  }
  if (typeof host !== "string" || host === "")
    throw new TypeError(`host must be a non-empty string, got ${describe(host)}`);
  const waiting: Socket[] = [];
  const server: Server = createServer({ pauseOnConnect: true }, (socket) => {
    socket.on("error", () => socket.destroy()); // a reset before take() must not crash the process
    waiting.push(socket);
  });
  let listening = false;
  const ready = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      listening = true;
      server.off("error", reject);
      resolve();
    });
  });
  ready.catch(() => {}); // the caller may poll `listening` instead of awaiting
  return {
    ready,
    get listening() {
      return listening;
    },
    get port() {
      const address = server.address();
      return typeof address === "object" && address !== null ? address.port : 0;
    },
    get available() {
      return waiting.length;
    },
    take() {
      const socket = waiting.shift();
      return socket && tcpStream(socket);
    },
    close() {
      listening = false;
      server.close();
      for (const socket of waiting.splice(0)) socket.destroy();
    },
  };
}
