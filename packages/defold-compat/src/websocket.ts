// websocket.connect / send / disconnect: each call becomes one call on a core Connection, and the
// connection's events become the extension's callback.
import { type Connection as CoreConnection, type ErrorEvent, messageText } from "@wsport/core";
import { connectUnchecked } from "@wsport/core/internal";
import { badArgument, errorData, openFailureText } from "./errors.js";
import { checkParams } from "./params.js";
import { asScript, runningScript } from "./script.js";
import type {
  Callback,
  Connection,
  ConnectParams,
  ErrorData,
  EventData,
  MessageOf,
  SendOptions,
} from "./types.js";
import { webSocketHost } from "./url.js";

// The extension's event numbers (the callback's data.event) and frame types (send's options.type).
const EVENT_CONNECTED = 0,
  EVENT_DISCONNECTED = 1,
  EVENT_MESSAGE = 2,
  EVENT_ERROR = 3;
const DATA_TYPE_TEXT = 1,
  DATA_TYPE_BINARY = 2;
const NOT_CONNECTED = "Connection isn't connected";

interface Entry {
  /** Undefined when the URL was unusable and only the failure is left to report. */
  core: CoreConnection | undefined;
  /** disconnect() was called: no more MESSAGE or ERROR, DISCONNECTED is on its way. */
  closing: boolean;
  /** False once DISCONNECTED has been delivered: the handle is dead. */
  live: boolean;
}

/** Every handle ever returned, so a dead one is told apart from something that never was one. */
const entries = new WeakMap<object, Entry>();
let handles = 0;

/**
 * Opens a connection; every outcome arrives through `callback(self, connection, data)` on a later
 * task. Without a 4th argument `self` is, as in Defold, the instance of the script that runScript is
 * running when connect is called, and `undefined` outside one (a callback typed with a `self` relies
 * on runScript here).
 */
function connect<S = undefined, P extends ConnectParams<boolean> | null | undefined = undefined>(
  url: string,
  params: P,
  callback: Callback<S, MessageOf<P>>,
): Connection;
/**
 * Opens a connection; every outcome arrives through `callback(self, connection, data)` on a later
 * task. `self` (Defold's script instance) is handed back as the callback's first argument and as its
 * `this`: a callback that declares a `self` needs it here.
 */
function connect<S, P extends ConnectParams<boolean> | null | undefined = undefined>(
  url: string,
  params: P,
  callback: Callback<S, MessageOf<P>>,
  self: S,
): Connection;
function connect<S, P extends ConnectParams<boolean> | null | undefined>(
  url: string,
  params: P,
  callback: Callback<S, MessageOf<P>>,
  self?: S,
): Connection {
  if (typeof url !== "string") {
    throw badArgument(1, "connect", "string", url);
  }
  if (typeof callback !== "function") {
    throw badArgument(3, "connect", "function", callback);
  }
  const { options, bytes } = checkParams(params);
  const owner = (self === undefined ? runningScript() : self) as S;
  const text = `userdata: 0x${(++handles).toString(16).padStart(8, "0")}`;
  const handle = Object.freeze({ toString: () => text }) as unknown as Connection;
  const entry: Entry = { core: undefined, closing: false, live: true };
  entries.set(handle, entry);

  const deliver = (data: EventData<MessageOf<P>>) => {
    try {
      asScript(owner as object | undefined, callback, owner, owner, handle, data);
    } catch (err) {
      // Defold logs a failing callback and carries on; throwing here would kill the socket's task.
      console.error("ERROR:WEBSOCKET: the callback threw:", err);
    }
  };
  const finish = (error: ErrorData | undefined, code: number) => {
    if (error !== undefined) deliver(error);
    deliver({ event: EVENT_DISCONNECTED, message: "", code });
    entry.live = false;
    entry.core = undefined;
  };

  // Defold takes http:/https: as ws:/wss:.
  const target = url.replace(/^http(s?):/i, "ws$1:");
  let host: string;
  let core: CoreConnection;
  try {
    host = webSocketHost(target);
    core = connectUnchecked(target, options); // a browser's WebSocket may still refuse the URL
  } catch (err) {
    // Defold reports an unusable URL through the callback, on a later frame.
    const failure: ErrorData = { event: EVENT_ERROR, message: openFailureText((err as Error).message) };
    setTimeout(() => finish(entry.closing ? undefined : failure, 1006));
    return handle;
  }
  entry.core = core;
  let opened = false;
  let error: ErrorData | undefined;
  const fail = (event: ErrorEvent) => {
    if (error === undefined && !entry.closing) error = errorData(event, opened, host);
  };
  core.onevent = (event) => {
    if (event.type === "open") {
      opened = true;
      deliver({ event: EVENT_CONNECTED, message: "" });
    } else if (event.type === "message") {
      if (entry.closing) return; // the game said goodbye; Defold drops what is still in flight
      const message = bytes && event.binary ? (event.data as Uint8Array) : messageText(event.data);
      deliver({ event: EVENT_MESSAGE, message } as EventData<MessageOf<P>>);
    } else if (event.type === "error") {
      fail(event);
    } else if (event.type === "close") {
      // No close frame and no reason given: the connection was lost, which is an error too.
      if (event.code === 1006) fail({ type: "error", kind: "network", message: "connection lost" });
      finish(error, event.code);
    }
  };
  return handle;
}

function entryOf(connection: unknown): Entry {
  const entry = entries.get(connection as object);
  if (entry === undefined) throw new Error("The first argument must be a valid connection!");
  return entry;
}

/** Closes with 1000 (or aborts a connect); DISCONNECTED follows. A dead handle is a no-op. */
function disconnect(connection: Connection): void {
  const entry = entryOf(connection);
  if (!entry.live || entry.closing) return; // a dead handle is a silent no-op, as in Defold
  entry.closing = true;
  entry.core?.close(1000);
}

/** Sends one message; `options.type` defaults to DATA_TYPE_BINARY. Throws unless CONNECTED. */
function send(connection: Connection, message: string | Uint8Array, options?: SendOptions | null): void {
  const entry = entryOf(connection);
  if (!entry.live) throw new Error("Invalid connection");
  const core = entry.core;
  if (core === undefined || core.state !== "open" || entry.closing) throw new Error(NOT_CONNECTED);
  if (typeof message !== "string" && !(message instanceof Uint8Array)) {
    throw badArgument(2, "send", "string", message);
  }
  // A non-table `options` is ignored, as in Defold: reading `type` off it gives undefined.
  const type = options?.type ?? DATA_TYPE_BINARY;
  if (type !== DATA_TYPE_BINARY && type !== DATA_TYPE_TEXT) {
    throw badArgument(3, "send", "type: websocket.DATA_TYPE_TEXT or websocket.DATA_TYPE_BINARY", type);
  }
  try {
    core.send(message, type === DATA_TYPE_BINARY);
  } catch {
    throw new Error(NOT_CONNECTED); // the server's close frame arrived meanwhile
  }
}

/** Defold's `websocket` module: three functions and six constants. */
export const websocket = Object.freeze({
  connect,
  disconnect,
  send,
  EVENT_CONNECTED,
  EVENT_DISCONNECTED,
  EVENT_MESSAGE,
  EVENT_ERROR,
  DATA_TYPE_TEXT,
  DATA_TYPE_BINARY,
} as const);
