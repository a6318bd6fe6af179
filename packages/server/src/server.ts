// The HTTP server, the upgrade pipeline (origin → route → capacity → fault or accept) and shutdown.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import { AS_BINARY, AS_TEXT, echo } from "./echo.js";
import { runFault } from "./faults.js";
import { startHeartbeat } from "./heartbeat.js";
import { refuseUpgrade } from "./http.js";
import { type ResolvedOptions, type RunningServer, resolveOptions, type ServerOptions } from "./options.js";
import { ParamError } from "./params.js";
import { selectProtocol } from "./protocols.js";
import { matchRoute, type Route } from "./routes.js";

const SHUTDOWN_GRACE_MS = 1000;

function ignore(): void {}

/**
 * Starts listening and resolves once the port is bound. Invalid options throw synchronously
 * (TypeError / RangeError); a taken port rejects with code "EADDRINUSE".
 */
export function startServer(options?: ServerOptions): Promise<RunningServer> {
  const opts = resolveOptions(options);
  return listen(opts);
}

function listenError(err: NodeJS.ErrnoException, opts: ResolvedOptions): Error {
  const where = `port ${opts.port} on ${opts.host}`;
  const message =
    err.code === "EADDRINUSE"
      ? `Port ${opts.port} on ${opts.host} is already in use`
      : err.code === "EACCES"
        ? `Permission denied to listen on ${where}`
        : err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND"
          ? `Cannot listen on ${where}: address not available`
          : `Cannot listen on ${where}: ${err.message}`;
  return Object.assign(new Error(message), { code: err.code });
}

async function listen(opts: ResolvedOptions): Promise<RunningServer> {
  const log = opts.quiet ? () => {} : opts.log;
  const http = createServer((_req, res) => {
    res.writeHead(426, { "Content-Type": "text/plain", Upgrade: "websocket", Connection: "close" });
    res.end("This is a WebSocket server (wsport). Connect with a WebSocket client.\n");
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxPayload,
    perMessageDeflate: opts.perMessageDeflate,
    handleProtocols: (offered) => selectProtocol(offered, opts.protocols),
  });
  const rooms = new Map<string, Set<WebSocket>>();
  const rawSockets = new Set<Duplex>(); // upgrade sockets not (yet) owned by ws: /hang, /delay, refusals
  const timers = new Set<NodeJS.Timeout>();
  let pending = 0; // delayed upgrades that will become connections
  let nextId = 1;
  let closing: Promise<void> | undefined;

  const schedule = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  const stopHeartbeat = opts.heartbeat > 0 ? startHeartbeat(wss, opts.heartbeat) : () => {};

  function refuse(
    id: number,
    socket: Duplex,
    req: IncomingMessage,
    status: number,
    body: string,
    extra = {},
  ) {
    log(`#${id} refused ${status} ${req.url}: ${body}`);
    refuseUpgrade(socket, status, body, extra);
  }

  function accept(id: number, route: Route, req: IncomingMessage, socket: Duplex, head: Buffer) {
    wss.handleUpgrade(req, socket, head, (ws) => opened(id, route, ws, req, socket));
  }

  // Kept apart from accept() and the upgrade handler: a listener created in a scope that also holds
  // the upgrade request would keep that request (headers, parser) alive as long as the connection.
  function opened(id: number, route: Route, ws: WebSocket, req: IncomingMessage, socket: Duplex) {
    rawSockets.delete(socket);
    wss.emit("connection", ws, req);
    ws.on("error", ignore); // protocol errors end in a close event; nothing to crash on
    if (!opts.quiet) {
      log(
        `#${id} open ${req.socket.remoteAddress ?? "?"} ${req.url}${ws.protocol ? ` protocol=${ws.protocol}` : ""}`,
      );
      logClose(ws, id);
    }
    if (closing) {
      ws.close(1001, "Server shutting down");
      return;
    }
    if (route.kind === "room") joinRoom(route.name, ws);
    else if (runFault(route, ws, socket, req, schedule)) echo(ws);
  }

  function logClose(ws: WebSocket, id: number) {
    ws.on("close", (code, reason) => log(`#${id} close ${code}${reason.length ? ` ${reason}` : ""}`));
  }

  function acceptLater(
    id: number,
    ms: number,
    route: Route,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ) {
    pending++;
    schedule(ms, () => {
      pending--;
      if (!socket.destroyed) accept(id, route, req, socket, head);
    });
  }

  function forgetSocket(this: Duplex) {
    rawSockets.delete(this);
  }

  function joinRoom(name: string, ws: WebSocket) {
    const members = rooms.get(name) ?? new Set<WebSocket>();
    rooms.set(name, members);
    members.add(ws);
    ws.on("message", (data: RawData, isBinary: boolean) => {
      const options = isBinary ? AS_BINARY : AS_TEXT;
      for (const peer of members) {
        if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, options);
      }
    });
    ws.on("close", () => {
      members.delete(ws);
      if (members.size === 0 && rooms.get(name) === members) rooms.delete(name);
    });
  }

  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const id = nextId++;
    socket.on("error", ignore); // a peer resetting mid-handshake is not a server error
    rawSockets.add(socket);
    socket.once("close", forgetSocket);
    if (closing) {
      refuse(id, socket, req, 503, "Server shutting down");
      return;
    }

    const origin = req.headers.origin;
    if (origin !== undefined && opts.allowOrigins && !opts.allowOrigins.includes(origin)) {
      refuse(id, socket, req, 403, `Origin ${origin} is not allowed`);
      return;
    }

    let route: Route;
    try {
      route = matchRoute(new URL(req.url ?? "/", "http://localhost"), opts.faults, opts.maxPayload);
    } catch (err) {
      // new URL() throws on a malformed absolute-form target; never let a request crash the server.
      refuse(
        id,
        socket,
        req,
        400,
        err instanceof ParamError ? err.message : `Invalid request URL ${req.url}`,
      );
      return;
    }

    if (route.kind === "reject") {
      refuse(id, socket, req, route.status, `Rejected with ${route.status} by /reject`, {
        "X-Wsport-Reason": "rejected by test route",
      });
      return;
    }
    if (route.kind === "hang") {
      log(`#${id} hanging ${req.url}`);
      return; // never answered; close() destroys it
    }
    if (wss.clients.size + pending >= opts.maxConnections) {
      refuse(id, socket, req, 503, `Too many connections: limit is ${opts.maxConnections}`);
      return;
    }
    if (route.kind === "delay") {
      acceptLater(id, route.ms, route, req, socket, head);
      return;
    }
    accept(id, route, req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(listenError(err, opts));
    http.once("error", onError);
    http.listen(opts.port, opts.host, () => {
      http.off("error", onError);
      resolve();
    });
  });

  const address = http.address() as AddressInfo;
  const host = opts.host;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  async function shutdown(): Promise<void> {
    stopHeartbeat();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const socket of rawSockets) socket.destroy();

    const clients = [...wss.clients];
    const closed = clients.map(
      (ws) =>
        new Promise<void>((resolve) =>
          ws.readyState === WebSocket.CLOSED ? resolve() : ws.once("close", () => resolve()),
        ),
    );
    for (const ws of clients) ws.close(1001, "Server shutting down");
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(closed),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, SHUTDOWN_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
    for (const ws of clients) ws.terminate();
    await Promise.all(closed);

    wss.close();
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections(); // idle keep-alive HTTP requests would otherwise hold close() open
    });
  }

  return {
    url: `ws://${urlHost}:${address.port}${opts.path}`,
    port: address.port,
    host,
    close: () => {
      closing ??= shutdown();
      return closing;
    },
    get connections() {
      return wss.clients.size;
    },
  };
}
