// Defold's websocket extension: connect / send / disconnect, every outcome through the callback.
import { type Connection, type EventData, websocket } from "@wsport/defold-compat";
import {
  type Adapter,
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

const NAMES = ["EVENT_CONNECTED", "EVENT_DISCONNECTED", "EVENT_MESSAGE", "EVENT_ERROR"];

export const defold: Driver = {
  name: "defold",
  hangTimeoutMs: (setup) => setup.timeoutMs ?? 3000,
  open(setup: Setup): Client {
    const r = new Recorder();
    const p: Progress = { opened: false, ended: false, messages: 0 };
    let conn: Connection | undefined;

    const callback = (_self: unknown, _conn: Connection, data: EventData) => {
      const name = NAMES[data.event] ?? `event ${data.event}`;
      if (data.event === websocket.EVENT_CONNECTED) {
        p.opened = true;
        r.add(name);
      } else if (data.event === websocket.EVENT_MESSAGE) {
        p.messages++;
        r.add(`${name} ${r.payload(data.message as string)}`);
      } else if (data.event === websocket.EVENT_ERROR) {
        const hs = data.handshake_response;
        const extra = hs ? ` handshake_response={status=${hs.status}, response="${hs.response}"}` : "";
        r.add(`${name} "${data.message}"${extra}`);
      } else if (data.event === websocket.EVENT_DISCONNECTED) {
        p.ended = true;
        r.add(`${name} code=${data.code}`);
      }
    };
    const connect = () => {
      p.ended = false;
      p.opened = false;
      const params: { timeout?: number; protocol?: string } = {};
      if (setup.timeoutMs !== undefined) params.timeout = setup.timeoutMs;
      if (setup.protocols) params.protocol = setup.protocols.join(",");
      conn = websocket.connect(setup.url, params, callback);
    };
    connect();

    return callbackClient(r, p, {
      send: (text) => websocket.send(conn!, text, { type: websocket.DATA_TYPE_TEXT }),
      sendName: "send",
      close: () => websocket.disconnect(conn!),
      closeName: "disconnect",
      reconnect: connect,
      dispose() {
        try {
          if (!p.ended) websocket.disconnect(conn!);
        } catch {
          // already gone
        }
      },
      openEvent: "CONNECTED",
      endEvent: "EVENT_DISCONNECTED",
      openWaitMs: 5000,
    });
  },
};

export const EXPECTED: Record<string, Expectation> = {
  "connect-ok": same(["EVENT_CONNECTED", "EVENT_MESSAGE 5 B echo"]),
  refused: {
    node: ['EVENT_ERROR "Failed to open connection: CONNREFUSED"', "EVENT_DISCONNECTED code=1006"],
    browser: ['EVENT_ERROR "Failed to open connection: WebSocket error"', "EVENT_DISCONNECTED code=1006"],
    note: 'browser: the page is told nothing more than "error" (README, Node vs browser)',
  },
  dns: {
    node: ['EVENT_ERROR "Failed to open connection: HOST_NOT_FOUND"', "EVENT_DISCONNECTED code=1006"],
    browser: ['EVENT_ERROR "Failed to open connection: WebSocket error"', "EVENT_DISCONNECTED code=1006"],
    note: "browser: as refused; code 1006 where Defold leaves it uninitialised (README)",
  },
  "reject-403": {
    node: [
      'EVENT_ERROR "Wrong response status: 403" handshake_response={status=403, response="Rejected with 403 by /reject"}',
      "EVENT_DISCONNECTED code=1006",
    ],
    browser: ['EVENT_ERROR "Failed to open connection: WebSocket error"', "EVENT_DISCONNECTED code=1006"],
    note: "Node reports the status and body in handshake_response; browsers hide the response (README)",
  },
  hang: same(
    ['EVENT_ERROR "Connect sequence timed out"', "EVENT_DISCONNECTED code=1006"],
    "the timeout aborts the whole connect in both runtimes (README: Defold HTML5 only records the text)",
  ),
  "protocol-accepted": same(["EVENT_CONNECTED"]),
  "protocol-refused": {
    node: [
      'EVENT_ERROR "Failed verifying handshake headers:\nServer sent no subprotocol"',
      "EVENT_DISCONNECTED code=1006",
    ],
    browser: ['EVENT_ERROR "Failed to open connection: WebSocket error"', "EVENT_DISCONNECTED code=1006"],
    firefox: ["EVENT_CONNECTED", "(still open 1 s later)"],
    webkit: ["EVENT_CONNECTED", "(still open 1 s later)"],
    note: "native Defold does not check the server's Sec-WebSocket-Protocol reply; core does, as Chromium does. Firefox and WebKit accept the 101 without it and open, as native Defold does (README)",
  },
  "server-close-code": same(["EVENT_CONNECTED", "EVENT_DISCONNECTED code=4000"]),
  "server-close-none": same(["EVENT_CONNECTED", "EVENT_DISCONNECTED code=1005"]),
  drop: firefoxMayMissOpen(
    same(
      [
        "EVENT_CONNECTED",
        'EVENT_ERROR "Websocket closing for 127.0.0.1 (connection lost)"',
        "EVENT_DISCONNECTED code=1006",
      ],
      "ERROR then DISCONNECTED in both runtimes; Defold HTML5 gives DISCONNECTED only (README difference). Firefox may fire no open: a failed connect (README)",
    ),
    ['EVENT_ERROR "Failed to open connection: connection lost"', "EVENT_DISCONNECTED code=1006"],
  ),
  "close-connecting": same(
    ["EVENT_DISCONNECTED code=1006"],
    "aborts in any state, only DISCONNECTED follows (README: HTML5's disconnect() before open is a no-op)",
  ),
  "close-open": same(
    ["EVENT_CONNECTED", "EVENT_DISCONNECTED code=1000"],
    "a proper close 1000, answered by the server (README: native never flushes its close frame)",
  ),
  "close-twice": same(
    ["EVENT_CONNECTED", "EVENT_DISCONNECTED code=1000"],
    "a second disconnect(), and one on a dead handle, are silent no-ops (spec)",
  ),
  "send-before-open": same(['send threw Error "Connection isn\'t connected"', "EVENT_CONNECTED"]),
  "send-after-close": same(
    ["EVENT_CONNECTED", "EVENT_DISCONNECTED code=1000", 'send threw Error "Invalid connection"'],
    "the handle is dead after EVENT_DISCONNECTED: Invalid connection (spec)",
  ),
  "size-0": same(["EVENT_CONNECTED", "EVENT_MESSAGE 0 B echo"]),
  "size-125": same(["EVENT_CONNECTED", "EVENT_MESSAGE 125 B echo"]),
  "size-126": same(["EVENT_CONNECTED", "EVENT_MESSAGE 126 B echo"]),
  "size-65535": same(["EVENT_CONNECTED", "EVENT_MESSAGE 65535 B echo"]),
  "size-65536": same(["EVENT_CONNECTED", "EVENT_MESSAGE 65536 B echo"]),
  "size-16mib": same(["EVENT_CONNECTED", "EVENT_MESSAGE 16777216 B echo"]),
  "over-limit": same(
    ["EVENT_CONNECTED", "EVENT_DISCONNECTED code=1009"],
    "Defold ≥ 3.2 has no inbound limit: the client sends 16 MiB + 1 and the server's limit closes with 1009",
  ),
  "invalid-utf8": firefoxMayMissOpen(
    {
      node: [
        "EVENT_CONNECTED",
        'EVENT_ERROR "Websocket closing for 127.0.0.1 (Invalid WebSocket frame: invalid UTF-8 sequence)"',
        "EVENT_DISCONNECTED code=1007",
      ],
      browser: [
        "EVENT_CONNECTED",
        'EVENT_ERROR "Websocket closing for 127.0.0.1 (WebSocket error)"',
        "EVENT_DISCONNECTED code=1006",
      ],
      note: "native Defold leaves the connection silently stuck; wsport reports it (README difference). Browsers only say 1006",
    },
    ['EVENT_ERROR "Failed to open connection: WebSocket error"', "EVENT_DISCONNECTED code=1006"],
  ),
  garbage: firefoxMayMissOpen(
    {
      node: [
        "EVENT_CONNECTED",
        'EVENT_ERROR "Websocket closing for 127.0.0.1 (Invalid WebSocket frame: RSV2 and RSV3 must be clear)"',
        "EVENT_DISCONNECTED code=1002",
      ],
      browser: [
        "EVENT_CONNECTED",
        'EVENT_ERROR "Websocket closing for 127.0.0.1 (WebSocket error)"',
        "EVENT_DISCONNECTED code=1006",
      ],
      note: "as invalid UTF-8, with 1002 in Node",
    },
    ['EVENT_ERROR "Failed to open connection: WebSocket error"', "EVENT_DISCONNECTED code=1006"],
  ),
  restart: {
    node: [
      "EVENT_CONNECTED",
      "EVENT_MESSAGE 6 B echo",
      "EVENT_DISCONNECTED code=1001",
      "EVENT_CONNECTED",
      "EVENT_MESSAGE 5 B echo",
    ],
    browser: NO_RESTART,
    note: "the server's shutdown close (1001); the game connects again itself",
  },
};

export const KNOWN_GAPS: Record<string, KnownGap> = {};

export const defoldAdapter: Adapter = { driver: defold, expected: EXPECTED, knownGaps: KNOWN_GAPS };
