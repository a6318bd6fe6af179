// Server-side upgrade of a raw TCP socket into a Connection (ws does the handshake).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { WebSocketServer } from "ws";
import type { Connection } from "./connection.js";
import { describe } from "./describe.js";
import { parseHeaderBlock } from "./headers.js";
import { NodeConnection } from "./node-connection.js";
import { checkNodeOptions } from "./node-options.js";
import { takeSocket } from "./node-tcp.js";
import { checkOptions } from "./options.js";
import type { AcceptOptions, TcpStream } from "./types.js";

type UpgradeHandler = (req: IncomingMessage, head: Buffer) => void;
const upgrades = new WeakMap<Socket, UpgradeHandler>();
let parser: Server | undefined;

/** One HTTP parser for every accepted socket: it is never listening, sockets are handed to it. */
function httpParser(): Server {
  if (parser) return parser;
  parser = createServer((req) => req.socket.destroy()); // not an upgrade: drop, as game servers do
  parser.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const handler = upgrades.get(socket);
    upgrades.delete(socket);
    if (handler) handler(req, head);
    else socket.destroy();
  });
  parser.on("clientError", (_err, socket: Socket) => socket.destroy());
  return parser;
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  return header === undefined
    ? []
    : header
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== "");
}

/** Upgrades a connection taken from a `TcpListener` as the server side of a WebSocket. */
export function acceptSocket(stream: TcpStream, options: AcceptOptions = {}): Connection {
  const socket = takeSocket(stream);
  if (socket === undefined) {
    throw new TypeError(`acceptSocket() takes a TcpStream from createTcpListener(), got ${describe(stream)}`);
  }
  const { protocols = [], headers = [] } = options;
  const opts = checkOptions({ timeout: options.timeout, maxPayload: options.maxPayload, protocols });
  const { perMessageDeflate } = checkNodeOptions({ perMessageDeflate: options.perMessageDeflate });
  for (const line of headers) {
    if (typeof line !== "string" || line === "" || /[\r\n]/.test(line)) {
      throw new SyntaxError(`Header line ${describe(line)} is not 'Name: value'`);
    }
    parseHeaderBlock(line); // the name must be a token, the value free of control characters
  }
  const connection = new NodeConnection("", opts.timeout);
  connection.setSocket(socket);
  if (socket.destroyed) {
    connection.failBeforeOpen("The TCP connection is already closed");
    return connection;
  }
  let failure = "The connection closed during the handshake";
  const onEarlyClose = () => connection.failBeforeOpen(failure);
  socket.once("close", onEarlyClose);

  upgrades.set(socket, (req, head) => {
    connection.url = `${(socket as { encrypted?: boolean }).encrypted ? "wss" : "ws"}://${req.headers.host ?? ""}${req.url ?? "/"}`;
    const offered = offeredProtocols(req);
    const selected = offered.find((p) => opts.protocols.includes(p));
    if (selected === undefined && (offered.length > 0 || opts.protocols.length > 0)) {
      failure = `No subprotocol in common (offered: ${offered.join(",") || "none"})`;
      socket.destroy(); // the close handler reports the failure
      return;
    }
    const wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: opts.maxPayload,
      perMessageDeflate,
      handleProtocols: () => selected ?? false,
    });
    if (headers.length > 0) wss.on("headers", (lines: string[]) => lines.push(...headers));
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off("close", onEarlyClose);
      connection.attachServer(ws, socket);
    });
  });
  httpParser().emit("connection", socket);
  socket.resume();
  return connection;
}
