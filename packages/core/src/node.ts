// @wsport/core for Node: the transport is `ws`.
import WebSocket from "ws";
import type { Connection } from "./connection.js";
import { NodeConnection, nodeCapabilities } from "./node-connection.js";
import { checkNodeOptions } from "./node-options.js";
import { checkOptions } from "./options.js";
import type { Capabilities, ConnectOptions } from "./types.js";
import { parseWebSocketUrl } from "./url.js";

export { acceptSocket } from "./node-accept.js";
export { connectTcp, createTcpListener, startTls } from "./node-tcp.js";
export * from "./public.js";

export const capabilities: Capabilities = nodeCapabilities;

/** Opens a WebSocket client connection. Throws at once for bad arguments; everything else is an event. */
export function connect(url: string, options?: ConnectOptions): Connection {
  const target = parseWebSocketUrl(url);
  const opts = checkOptions(options);
  const { headers, tls, perMessageDeflate } = checkNodeOptions(options);
  const connection = new NodeConnection(url, opts.timeout);
  const ws = new WebSocket(target, opts.protocols, {
    headers,
    maxPayload: opts.maxPayload,
    perMessageDeflate,
    followRedirects: false,
    ...tls,
  });
  connection.attachClient(ws);
  return connection;
}
