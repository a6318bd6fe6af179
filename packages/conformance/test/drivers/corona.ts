// Solar2D's plugin.websockets: one listener on ws.WSEVENT receives every event.
import WebSockets, { type WsEvent } from "@wsport/corona-compat";
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

const show = (v: unknown) => (v === undefined ? "nil" : typeof v === "string" ? `"${v}"` : String(v));

export const corona: Driver = {
  name: "corona",
  hangTimeoutMs: () => 6000, // the plugin's fixed connect timeout
  open(setup: Setup): Client {
    const r = new Recorder();
    const ws = WebSockets.new();
    const p: Progress = { opened: false, ended: false, messages: 0 };
    ws.addEventListener(ws.WSEVENT, (event: WsEvent) => {
      if (event.type === ws.ONOPEN) {
        p.opened = true;
        r.add("OnOpen0");
      } else if (event.type === ws.ONMESSAGE) {
        p.messages++;
        const text = typeof event.data === "string" ? event.data : new TextDecoder().decode(event.data);
        r.add(`OnMessage0 ${event.message.type} ${r.payload(text)}`);
      } else if (event.type === ws.ONCLOSE || event.type === ws.ONERROR) {
        p.ended = true;
        r.add(`${event.type} code=${show(event.code)} reason=${show(event.reason)}`);
      }
    });
    const connect = () => {
      p.ended = false;
      p.opened = false;
      try {
        ws.connect(setup.url);
      } catch (err) {
        r.thrown("connect", err);
        p.ended = true;
      }
    };
    connect();

    return callbackClient(r, p, {
      send: (text) => ws.send(text),
      sendName: "send",
      close: () => ws.disconnect(),
      closeName: "disconnect",
      reconnect: connect,
      dispose() {
        if (!p.ended) ws.disconnect();
      },
      openEvent: "OnOpen0",
      endEvent: "OnClose0",
      openWaitMs: 8000,
    });
  },
};

const NO_PROTOCOLS: Cell = {
  na: 'n/a: the plugin offers no subprotocol (wsport drops its default "13", README) and has no option for one',
};

export const EXPECTED: Record<string, Expectation> = {
  "connect-ok": same(["OnOpen0", "OnMessage0 text 5 B echo"]),
  refused: same(
    ["OnClose0 code=nil reason=nil"],
    "no code, no reason: refused, DNS, timeout and drops look alike (spec)",
  ),
  dns: same(["OnClose0 code=nil reason=nil"]),
  "reject-403": {
    node: ['OnError0 code=3002 reason="Received invalid websocket handshake"'],
    browser: ["OnClose0 code=nil reason=nil"],
    note: "Node: ONERROR 3002, terminal; browsers hide the response, so ONCLOSE without a code (README)",
  },
  hang: same(["OnClose0 code=nil reason=nil"], "the plugin's fixed 6000 ms connect timeout"),
  "protocol-accepted": { node: NO_PROTOCOLS, browser: NO_PROTOCOLS },
  "protocol-refused": { node: NO_PROTOCOLS, browser: NO_PROTOCOLS },
  "server-close-code": same(["OnOpen0", 'OnClose0 code=4000 reason="bye"']),
  "server-close-none": same(
    ["OnOpen0", 'OnClose0 code=1000 reason="Purpose for connection has been fulfilled"'],
    "no code in the frame: 1000 and the default reason (spec)",
  ),
  drop: firefoxMayMissOpen(same(["OnOpen0", "OnClose0 code=nil reason=nil"]), [
    "OnClose0 code=nil reason=nil",
  ]),
  "close-connecting": same(
    ['OnClose0 code=1000 reason="Purpose for connection has been fulfilled"'],
    "the attempt is abandoned and ONCLOSE 1000 comes later (README difference: the plugin ignores it during the TCP connect)",
  ),
  "close-open": same(
    ["OnOpen0", 'OnClose0 code=1000 reason="Purpose for connection has been fulfilled"'],
    "close 1000 with the plugin's reason; the server echoes it",
  ),
  "close-twice": same(["OnOpen0", 'OnClose0 code=1000 reason="Purpose for connection has been fulfilled"']),
  "send-before-open": same(["OnOpen0"], "dropped silently until ONOPEN (README difference)"),
  "send-after-close": same(
    ["OnOpen0", 'OnClose0 code=1000 reason="Purpose for connection has been fulfilled"'],
    "dropped silently (spec)",
  ),
  "size-0": same(["OnOpen0", "OnMessage0 text 0 B echo"]),
  "size-125": same(["OnOpen0", "OnMessage0 text 125 B echo"]),
  "size-126": same(["OnOpen0", "OnMessage0 text 126 B echo"]),
  "size-65535": same(["OnOpen0", "OnMessage0 text 65535 B echo"]),
  "size-65536": same(["OnOpen0", "OnMessage0 text 65536 B echo"]),
  "size-16mib": same(["OnOpen0", "OnMessage0 text 16777216 B echo"]),
  "over-limit": same(
    ["OnOpen0", 'OnClose0 code=1009 reason="Purpose for connection has been fulfilled"'],
    "no client limit in the plugin: the client sends 16 MiB + 1 and the server closes with 1009, reported with the default reason (spec: a code without a reason)",
  ),
  "invalid-utf8": firefoxMayMissOpen(
    {
      node: ["OnOpen0", 'OnClose0 code=1007 reason="Invalid WebSocket frame: invalid UTF-8 sequence"'],
      browser: ["OnOpen0", "OnClose0 code=nil reason=nil"],
      note: "Node: the code we sent and the failure's text (README difference: the plugin never validates UTF-8); browsers: no code",
    },
    ["OnClose0 code=nil reason=nil"],
  ),
  garbage: firefoxMayMissOpen(
    {
      node: ["OnOpen0", 'OnClose0 code=1002 reason="Invalid WebSocket frame: RSV2 and RSV3 must be clear"'],
      browser: ["OnOpen0", "OnClose0 code=nil reason=nil"],
      note: "Node: 1002 and the failure's text as reason (README difference: the plugin puts the number 1002 there); browsers: no code",
    },
    ["OnClose0 code=nil reason=nil"],
  ),
  restart: {
    node: [
      "OnOpen0",
      "OnMessage0 text 6 B echo",
      'OnClose0 code=1001 reason="Server shutting down"',
      "OnOpen0",
      "OnMessage0 text 5 B echo",
    ],
    browser: NO_RESTART,
  },
};

export const KNOWN_GAPS: Record<string, KnownGap> = {};

export const coronaAdapter: Adapter = { driver: corona, expected: EXPECTED, knownGaps: KNOWN_GAPS };
