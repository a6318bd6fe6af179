// Aseprite's WebSocket: one onreceive handler, automatic reconnection until close(). Like a script
// that wants one connection, the handler calls close() when the connection ends or fails (unless
// the scenario relies on the automatic reconnection); a run of ERRORs while it retries is recorded
// as its last one, since how many there are depends on timing.
import { WebSocketMessageType as T, WebSocket } from "@wsport/aseprite-compat";
import {
  type Adapter,
  type Cell,
  type Client,
  callbackClient,
  type Driver,
  type Expectation,
  firefoxMayMissOpen,
  type KnownGap,
  NO_RESTART,
  type Progress,
  Recorder,
  type Setup,
  same,
} from "./recorder.ts";

const NAMES: Record<number, string> = {
  0: "TEXT",
  1: "OPEN",
  2: "CLOSE",
  3: "ERROR",
  4: "PING",
  5: "PONG",
  6: "FRAGMENT",
  16: "BINARY",
};

export const aseprite: Driver = {
  name: "aseprite",
  hangTimeoutMs: () => undefined, // IXWebSocket's 60 s handshake timeout: too long for the matrix
  open(setup: Setup): Client {
    const r = new Recorder();
    const p: Progress = { opened: false, ended: false, messages: 0 };
    const stopOnEnd = !setup.keepReconnecting;
    const ws = WebSocket({
      url: setup.url,
      onreceive(type, data, error) {
        const name = NAMES[type] ?? String(type);
        if (type === T.OPEN) {
          p.opened = true;
          p.ended = false;
        }
        if (type === T.TEXT || type === T.BINARY) {
          p.messages++;
          const text = typeof data === "string" ? data : new TextDecoder().decode(data);
          r.add(`${name} ${r.payload(text)}`);
          return;
        }
        // A run of ERRORs (one per retry) is recorded as its last one: how many there are is timing.
        if (type === T.ERROR && r.log[r.log.length - 1]?.startsWith("ERROR")) r.log.pop();
        r.add(type === T.ERROR ? `${name} "${error}"` : name);
        if (type === T.CLOSE || (type === T.ERROR && stopOnEnd)) {
          p.ended = true;
          p.opened = false;
          if (stopOnEnd) ws.close();
        }
      },
    });
    ws.connect();

    return callbackClient(r, p, {
      send: (text) => ws.sendText(text),
      sendName: "sendText",
      close: () => ws.close(),
      closeName: "close",
      reconnect() {
        p.ended = false; // nothing to call: the socket reconnects by itself
      },
      dispose: () => ws.close(),
      openEvent: "OPEN",
      endEvent: "CLOSE or ERROR",
      openWaitMs: 5000,
    });
  },
};

const NO_PROTOCOLS: Cell = { na: "n/a: Aseprite scripts cannot offer subprotocols" };

export const EXPECTED: Record<string, Expectation> = {
  "connect-ok": same(
    ["OPEN", "TEXT 5 B echo"],
    "the script's handler calls close() on CLOSE or ERROR, else the socket would reconnect forever (as in Aseprite)",
  ),
  refused: {
    node: [
      'ERROR "Unable to connect to 127.0.0.1 on port <closed-port>, error: Connect error: Connection refused"',
    ],
    browser: [
      'ERROR "Unable to connect to 127.0.0.1 on port <closed-port>, error: the browser gives no reason"',
    ],
    note: "browsers give no reason (README); the first ERROR, then the handler's close() stops the retries",
  },
  dns: {
    node: ['ERROR "Unable to connect to nothing.invalid on port 80, error: Name or service not known"'],
    browser: ['ERROR "Unable to connect to nothing.invalid on port 80, error: the browser gives no reason"'],
  },
  "reject-403": {
    node: [
      'ERROR "Expecting status 101 (Switching Protocol), got 403 status connecting to ws://127.0.0.1:<port>/reject/403, HTTP Status line: HTTP/1.1 403 Forbidden\r\n"',
    ],
    browser: ['ERROR "Unable to connect to 127.0.0.1 on port <port>, error: the browser gives no reason"'],
    note: "Node: IXWebSocket's status-line text; browsers hide the response (README)",
  },
  hang: same(
    ["(1 s later)", "(no end event)"],
    "IXWebSocket's 60 s handshake timeout cannot be changed from Lua: nothing in 1 s, then close() cancels the attempt quietly (README)",
  ),
  "protocol-accepted": { node: NO_PROTOCOLS, browser: NO_PROTOCOLS },
  "protocol-refused": { node: NO_PROTOCOLS, browser: NO_PROTOCOLS },
  "server-close-code": same(["OPEN", "CLOSE"], "CLOSE carries no code or reason in Aseprite (spec)"),
  "server-close-none": same(["OPEN", "CLOSE"]),
  drop: firefoxMayMissOpen(same(["OPEN", "CLOSE"]), [
    'ERROR "Unable to connect to 127.0.0.1 on port <port>, error: the browser gives no reason"',
  ]),
  "close-connecting": same(
    ["(no end event)"],
    "close() cancels the attempt in flight: no event at all (README)",
  ),
  "close-open": same(["OPEN", "CLOSE"]),
  "close-twice": same(["OPEN", "CLOSE"]),
  "send-before-open": same(['sendText threw Error "WebSocket is not connected, can\'t send text"', "OPEN"]),
  "send-after-close": same([
    "OPEN",
    "CLOSE",
    'sendText threw Error "WebSocket is not connected, can\'t send text"',
  ]),
  "size-0": same(["OPEN", "TEXT 0 B echo"]),
  "size-125": same(["OPEN", "TEXT 125 B echo"]),
  "size-126": same(["OPEN", "TEXT 126 B echo"]),
  "size-65535": same(["OPEN", "TEXT 65535 B echo"]),
  "size-65536": same(["OPEN", "TEXT 65536 B echo"]),
  "size-16mib": same(["OPEN", "TEXT 16777216 B echo"]),
  "over-limit": same(
    ["OPEN", "CLOSE"],
    "no client limit: the client sends 16 MiB + 1 and the server closes with 1009; Aseprite shows only CLOSE",
  ),
  "invalid-utf8": firefoxMayMissOpen(same(["OPEN", "CLOSE"], "only CLOSE, in both runtimes (spec)"), [
    'ERROR "Unable to connect to 127.0.0.1 on port <port>, error: the browser gives no reason"',
  ]),
  garbage: firefoxMayMissOpen(same(["OPEN", "CLOSE"]), [
    'ERROR "Unable to connect to 127.0.0.1 on port <port>, error: the browser gives no reason"',
  ]),
  restart: {
    node: [
      "OPEN",
      "TEXT 6 B echo",
      "CLOSE",
      'ERROR "Unable to connect to 127.0.0.1 on port <restart-port>, error: Connect error: Connection refused"',
      "OPEN",
      "TEXT 5 B echo",
    ],
    browser: NO_RESTART,
    note: "automatic reconnection: CLOSE, a run of ERRORs while the server is down (recorded as its last), then OPEN by itself",
  },
};

export const KNOWN_GAPS: Record<string, KnownGap> = {};

export const asepriteAdapter: Adapter = { driver: aseprite, expected: EXPECTED, knownGaps: KNOWN_GAPS };
