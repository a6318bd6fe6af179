// The HTTP server, the upgrade pipeline (origin → route → capacity → fault or accept) and shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { echo } from "./echo.js";
import { runFault } from "./faults.js";
import { type Heartbeat, startHeartbeat } from "./heartbeat.js";
import { refuseUpgrade } from "./http.js";
import { type ResolvedOptions, type RunningServer, resolveOptions, type ServerOptions } from "./options.js";
import { ParamError } from "./params.js";
import { selectProtocol } from "./protocols.js";
import { Rooms } from "./rooms.js";
import { matchRoute, type Route } from "./routes.js";

const SHUTDOWN_GRACE_MS = 1000;

function ignore(): void {}

/**
 * Starts listening and resolves once the port is bound. Invalid options throw synchronously
 * (TypeError / RangeError); a taken port rejects with code "EADDRINUSE".
 */
export function startServer(options?: ServerOptions): Promise<RunningServer> {
  return new TestServer(resolveOptions(options)).listen();
}

function listenError(err: NodeJS.ErrnoException, opts: ResolvedOptions): Error {
  const where = `port ${opts.port} on ${opts.host}`;
  const message =
    err.code === "EADDRINUSE"
      ? `Port ${opts.port} on ${opts.host} is already in use`
      : err.code === "EACCES"
        ? `Permission denied to listen on ${where}`
        : err.code === "ENOTFOUND" || err.code === "EAI_AGAIN"
          ? `Cannot listen on ${where}: the host name does not resolve to an address`
          : err.code === "EADDRNOTAVAIL"
            ? `Cannot listen on ${where}: address not available on this machine`
            : `Cannot listen on ${where}: ${err.message}`;
  return Object.assign(new Error(message), { code: err.code });
}

/** A plain HTTP request (no upgrade) learns what this server is. */
function answerPlainRequest(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(426, { "Content-Type": "text/plain", Upgrade: "websocket", Connection: "close" });
  res.end("This is a WebSocket server (wsport). Connect with a WebSocket client.\n");
}

/** Logs a connection's close under its id. Apart from the upgrade's scope, so it does not keep the request alive. */
function logClose(ws: WebSocket, id: number, log: (line: string) => void): void {
  ws.on("close", (code, reason) => log(`#${id} close ${code}${reason.length ? ` ${reason}` : ""}`));
}

class TestServer {
  readonly #opts: ResolvedOptions;
  readonly #log: (line: string) => void;
  readonly #http = createServer(answerPlainRequest);
  readonly #wss: WebSocketServer;
  readonly #rooms = new Rooms();
  readonly #heartbeat: Heartbeat | undefined;
  /** Upgrade sockets not (yet) owned by ws: /hang, /delay, refusals. */
  readonly #rawSockets = new Set<Duplex>();
  readonly #timers = new Set<NodeJS.Timeout>();
  /** Delayed upgrades that will become connections. */
  #pending = 0;
  #nextId = 1;
  #closing: Promise<void> | undefined;

  constructor(opts: ResolvedOptions) {
    this.#opts = opts;
    this.#log = opts.quiet ? ignore : opts.log;
    const rawSockets = this.#rawSockets;
    this.#forgetSocket = function (this: Duplex) {
      rawSockets.delete(this);
    };
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: opts.maxPayload,
      perMessageDeflate: opts.perMessageDeflate,
      handleProtocols: (offered) => selectProtocol(offered, opts.protocols),
    });
    if (opts.heartbeat > 0) this.#heartbeat = startHeartbeat(this.#wss.clients, opts.heartbeat);
    this.#http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.#upgrade(req, socket, head),
    );
  }

  async listen(): Promise<RunningServer> {
    const { port, host, path } = this.#opts;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => reject(listenError(err, this.#opts));
      this.#http.once("error", onError);
      this.#http.listen(port, host, () => {
        this.#http.off("error", onError);
        resolve();
      });
    });
    const bound = (this.#http.address() as AddressInfo).port;
    const urlHost = host.includes(":") ? `[${host}]` : host;
    const wss = this.#wss;
    return {
      url: `ws://${urlHost}:${bound}${path}`,
      port: bound,
      host,
      close: () => {
        this.#closing ??= this.#shutdown();
        return this.#closing;
      },
      get connections() {
        return wss.clients.size;
      },
    };
  }

  /** Runs `action` after `ms` unless the server shuts down first. Faults and delayed upgrades use it. */
  readonly #schedule = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, ms);
    this.#timers.add(timer);
  };

  /** One "close" listener for every raw socket (`this` is the socket), so none costs a closure of its own. */
  readonly #forgetSocket: (this: Duplex) => void;

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const opts = this.#opts;
    const id = this.#nextId++;
    socket.on("error", ignore); // a peer resetting mid-handshake is not a server error
    this.#rawSockets.add(socket);
    socket.once("close", this.#forgetSocket);
    if (this.#closing) {
      this.#refuse(id, socket, req, 503, "Server shutting down");
      return;
    }

    const origin = req.headers.origin;
    if (origin !== undefined && opts.allowOrigins && !opts.allowOrigins.includes(origin)) {
      this.#refuse(id, socket, req, 403, `Origin ${origin} is not allowed`);
      return;
    }

    let route: Route;
    try {
      route = matchRoute(new URL(req.url ?? "/", "http://localhost"), opts.faults, opts.maxPayload);
    } catch (err) {
      // new URL() throws on a malformed absolute-form target; never let a request crash the server.
      const text = err instanceof ParamError ? err.message : `Invalid request URL ${req.url}`;
      this.#refuse(id, socket, req, 400, text);
      return;
    }

    if (route.kind === "reject") {
      this.#refuse(id, socket, req, route.status, `Rejected with ${route.status} by /reject`, {
        "X-Wsport-Reason": "rejected by test route",
      });
      return;
    }
    if (route.kind === "hang") {
      this.#log(`#${id} hanging ${req.url}`);
      return; // never answered; close() destroys it
    }
    if (this.#wss.clients.size + this.#pending >= opts.maxConnections) {
      this.#refuse(id, socket, req, 503, `Too many connections: limit is ${opts.maxConnections}`);
      return;
    }
    if (route.kind === "delay") {
      this.#pending++;
      this.#schedule(route.ms, () => {
        this.#pending--;
        if (!socket.destroyed) this.#accept(id, route, req, socket, head);
      });
      return;
    }
    this.#accept(id, route, req, socket, head);
  }

  #refuse(id: number, socket: Duplex, req: IncomingMessage, status: number, body: string, extra = {}): void {
    this.#log(`#${id} refused ${status} ${req.url}: ${body}`);
    refuseUpgrade(socket, status, body, extra);
  }

  #accept(id: number, route: Route, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#opened(id, route, ws, req, socket));
  }

  // Listeners are attached in functions of their own (echo, logClose, Rooms.join, runFault): one
  // created in this scope would keep the upgrade request (headers, parser) alive as long as the connection.
  #opened(id: number, route: Route, ws: WebSocket, req: IncomingMessage, socket: Duplex): void {
    this.#rawSockets.delete(socket);
    this.#heartbeat?.watch(ws);
    ws.on("error", ignore); // protocol errors end in a close event; nothing to crash on
    if (!this.#opts.quiet) {
      const protocol = ws.protocol ? ` protocol=${ws.protocol}` : "";
      this.#log(`#${id} open ${req.socket.remoteAddress ?? "?"} ${req.url}${protocol}`);
      logClose(ws, id, this.#log);
    }
    if (this.#closing) {
      ws.close(1001, "Server shutting down");
      return;
    }
    if (route.kind === "room") this.#rooms.join(route.name, ws);
    else if (runFault(route, ws, socket, req, this.#schedule)) echo(ws);
  }

  async #shutdown(): Promise<void> {
    this.#heartbeat?.stop();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of this.#rawSockets) socket.destroy();

    const clients = [...this.#wss.clients];
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

    this.#wss.close();
    await new Promise<void>((resolve) => {
      this.#http.close(() => resolve());
      this.#http.closeAllConnections(); // idle keep-alive HTTP requests would otherwise hold close() open
    });
  }
}
