// Godot 4's WebSocketPeer: state and packets change only in poll(), so the transcript records what a
// game sees at its observation points (after waiting for open, each packet, the final state), plus
// every error code a call returns and every error Godot would print.
import { OK, WebSocketPeer } from "@wsport/godot-compat";
import {
  type Adapter,
  type Client,
  type Driver,
  type Expectation,
  type KnownGap,
  NO_RESTART,
  Recorder,
  type Setup,
  same,
  until,
} from "./recorder.ts";

const STATES = ["STATE_CONNECTING", "STATE_OPEN", "STATE_CLOSING", "STATE_CLOSED"];
const ERRORS: Record<number, string> = {
  1: "FAILED",
  6: "ERR_OUT_OF_MEMORY",
  22: "ERR_ALREADY_IN_USE",
  31: "ERR_INVALID_PARAMETER",
};

/** Runs `call`, logging what Godot would print to its console (console.error "ERROR: ..."). */
function capturePrints<T>(r: Recorder, call: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => r.add(`print "${args.map(String).join(" ")}"`);
  try {
    return call();
  } finally {
    console.error = original;
  }
}

export const godot: Driver = {
  name: "godot",
  hangTimeoutMs: () => undefined, // WebSocketPeer has no connect timeout (as in Godot)
  inboundLimit: 65535, // inbound_buffer_size's default
  open(setup: Setup): Client {
    const r = new Recorder();
    let peer = WebSocketPeer.new();
    let messages = 0;

    const state = () => peer.get_ready_state();
    const closedLine = () => `STATE_CLOSED code=${peer.get_close_code()} reason="${peer.get_close_reason()}"`;
    const poll = () =>
      capturePrints(r, () => {
        peer.poll();
        while (peer.get_available_packet_count() > 0) {
          const packet = peer.get_packet();
          const kind = peer.was_string_packet() ? "text" : "binary";
          messages++;
          r.add(`packet ${kind} ${r.payload(packet.get_string_from_utf8())}`);
        }
      });
    const result = (call: string, code: number) => {
      if (code !== OK) r.add(`${call} → ${ERRORS[code] ?? code}`);
    };
    const connect = () => {
      peer = WebSocketPeer.new();
      if (setup.bigMessages) {
        peer.inbound_buffer_size = 16 * 1024 * 1024 + 1024;
        peer.outbound_buffer_size = 0;
      }
      if (setup.protocols) peer.supported_protocols = setup.protocols;
      result(
        "connect_to_url",
        capturePrints(r, () => peer.connect_to_url(setup.url)),
      );
    };
    connect();
    let closedLogged = false;
    const settled = async (ms = 8000) => {
      await until(() => state() === WebSocketPeer.STATE_CLOSED, "STATE_CLOSED", ms, { tick: poll });
      if (!closedLogged) r.add(closedLine());
      closedLogged = true;
    };

    return {
      log: r.log,
      note: (text) => r.add(text),
      async waitOpen(ms = 5000) {
        await until(() => state() !== WebSocketPeer.STATE_CONNECTING, "STATE_OPEN", ms, { tick: poll });
        if (state() === WebSocketPeer.STATE_OPEN) {
          r.add(`STATE_OPEN protocol="${peer.get_selected_protocol()}"`);
        } else if (state() === WebSocketPeer.STATE_CLOSED) {
          r.add(closedLine());
          closedLogged = true;
        }
      },
      waitMessages: (count, ms = 10000) =>
        until(() => messages >= count || state() === WebSocketPeer.STATE_CLOSED, `${count} packets`, ms, {
          tick: poll,
        }),
      settled,
      idle: async (ms) => {
        // A scenario's deliberate wait (what the engine shows after a given time), polling as a game does.
        const end = Date.now() + ms;
        await until(() => Date.now() >= end, "time", ms + 1000, { tick: poll });
      },
      send(text) {
        r.sent.push(text);
        result(
          "send_text",
          capturePrints(r, () => peer.send_text(text)),
        );
      },
      close() {
        capturePrints(r, () => peer.close());
        r.add(`close() → ${STATES[state()]}`);
      },
      reconnect() {
        closedLogged = false;
        connect();
      },
      dispose() {
        if (state() !== WebSocketPeer.STATE_CLOSED) capturePrints(r, () => peer.close(-1));
      },
    };
  },
};

export const EXPECTED: Record<string, Expectation> = {
  "connect-ok": same(
    ['STATE_OPEN protocol=""', "packet text 5 B echo"],
    "state and packets as seen after poll(); STATE_OPEN is logged at the point the game waits for it",
  ),
  refused: {
    node: ['STATE_CLOSED code=-1 reason=""'],
    browser: ['STATE_CLOSED code=1006 reason=""'],
    note: "failures show as STATE_CLOSED: -1 natively, the browser's 1006 on Web (spec)",
  },
  dns: {
    node: ['STATE_CLOSED code=-1 reason=""'],
    browser: ['STATE_CLOSED code=1006 reason=""'],
  },
  "reject-403": {
    node: ['STATE_CLOSED code=-1 reason=""'],
    browser: ['STATE_CLOSED code=1006 reason=""'],
  },
  hang: same(
    ["(1 s later)", "close() → STATE_CLOSED", 'STATE_CLOSED code=-1 reason=""'],
    "WebSocketPeer has no connect timeout (spec, README): nothing happens in 1 s, then close() gives STATE_CLOSED -1 at once",
  ),
  "protocol-accepted": same(['STATE_OPEN protocol="chat"']),
  "protocol-refused": {
    node: ['STATE_CLOSED code=-1 reason=""'],
    browser: ['STATE_CLOSED code=1006 reason=""'],
    firefox: ['STATE_OPEN protocol=""', "(still open 1 s later)"],
    webkit: ['STATE_OPEN protocol=""', "(still open 1 s later)"],
    note: "Firefox and WebKit accept a 101 without the header and open with no subprotocol (README)",
  },
  "server-close-code": same(
    ['STATE_CLOSED code=4000 reason="bye"'],
    "the server closes right after the upgrade: the first poll that sees anything already sees STATE_CLOSED",
  ),
  "server-close-none": {
    node: ['STATE_CLOSED code=0 reason=""'],
    browser: ['STATE_CLOSED code=1005 reason=""'],
    note: "a close frame without a status: 0 natively, 1005 on Web (spec)",
  },
  drop: {
    node: ['STATE_CLOSED code=-1 reason=""'],
    browser: ['STATE_CLOSED code=1006 reason=""'],
  },
  "close-connecting": same(
    ["close() → STATE_CLOSED", 'STATE_CLOSED code=-1 reason=""'],
    "STATE_CLOSED at once, -1, in both runtimes (README API table; Godot Web would go through STATE_CLOSING)",
  ),
  "close-open": same([
    'STATE_OPEN protocol=""',
    "close() → STATE_CLOSING",
    'STATE_CLOSED code=1000 reason=""',
  ]),
  "close-twice": same([
    'STATE_OPEN protocol=""',
    "close() → STATE_CLOSING",
    "close() → STATE_CLOSING",
    'STATE_CLOSED code=1000 reason=""',
    "close() → STATE_CLOSED",
  ]),
  "send-before-open": same(
    [
      'print "ERROR: Condition "ready_state != STATE_OPEN" is true. Returning: FAILED"',
      "send_text → FAILED",
      'STATE_OPEN protocol=""',
    ],
    "send returns FAILED with Godot's native error print, in both runtimes (README: one poll model; Godot Web returns FAILED without a print)",
  ),
  "send-after-close": same([
    'STATE_OPEN protocol=""',
    "close() → STATE_CLOSING",
    'STATE_CLOSED code=1000 reason=""',
    'print "ERROR: Condition "ready_state != STATE_OPEN" is true. Returning: FAILED"',
    "send_text → FAILED",
  ]),
  "size-0": same(['STATE_OPEN protocol=""', "packet text 0 B echo"]),
  "size-125": same(['STATE_OPEN protocol=""', "packet text 125 B echo"]),
  "size-126": same(['STATE_OPEN protocol=""', "packet text 126 B echo"]),
  "size-65535": same(['STATE_OPEN protocol=""', "packet text 65535 B echo"]),
  "size-65536": same(['STATE_OPEN protocol=""', "packet text 65536 B echo"]),
  "size-16mib": same(
    ['STATE_OPEN protocol=""', "packet text 16777216 B echo"],
    "inbound_buffer_size raised to 16 MiB + 1 KiB and outbound_buffer_size to 0 first, as a game must (defaults: 65535)",
  ),
  "over-limit": same(
    ['STATE_CLOSED code=1009 reason="Message too big"'],
    'default inbound_buffer_size 65535, server sends 65536 bytes: 1009 "Message too big". Godot Web would drop the message with a print; the README\'s API table says 1009 for both runtimes but its differences table does not list it (reported)',
  ),
  "invalid-utf8": {
    node: ['STATE_CLOSED code=1007 reason="Invalid frame payload data"'],
    browser: ['STATE_CLOSED code=1006 reason=""'],
    note: "Node: 1007 with Godot's fixed reason; browsers only say 1006 (README)",
  },
  garbage: {
    node: ['STATE_CLOSED code=1002 reason="Protocol error"'],
    browser: ['STATE_CLOSED code=1006 reason=""'],
    note: 'Node: 1002 "Protocol error"; browsers only say 1006 (README)',
  },
  restart: {
    node: [
      'STATE_OPEN protocol=""',
      "packet text 6 B echo",
      'STATE_CLOSED code=1001 reason="Server shutting down"',
      'STATE_OPEN protocol=""',
      "packet text 5 B echo",
    ],
    browser: NO_RESTART,
    note: "a new WebSocketPeer connects once the server is back",
  },
};

export const KNOWN_GAPS: Record<string, KnownGap> = {};

export const godotAdapter: Adapter = { driver: godot, expected: EXPECTED, knownGaps: KNOWN_GAPS };
