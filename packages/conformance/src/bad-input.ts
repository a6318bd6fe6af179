// Bad input: fast-check throws random values at every public function of every adapter. Each call
// must return (Godot: an error code, never a throw) or throw an Error with a message; nothing may
// crash the process or reject unhandled, and every socket opened must be closed in the end.
// URL arguments are random but stay on loopback (random host names would go to DNS).
import { WebSocket as AsepriteSocket } from "@wsport/aseprite-compat";
import WebSockets from "@wsport/corona-compat";
import { websocket } from "@wsport/defold-compat";
import { PackedByteArray, WebSocketPeer } from "@wsport/godot-compat";
import fc from "fast-check";

export interface BadInputResult {
  calls: number;
  returned: number;
  threw: number;
  /** Throws that were not an Error with a message, or throws where the engine returns codes: "<function>: <error>", once each. */
  unclear: string[];
  /** One example call per unclear throw. */
  examples: string[];
}

type Call = (args: unknown[]) => unknown;

/** Random values of every shape, with loopback URLs and the engines' own constants mixed in. */
function values(url: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc
      .anything({
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withNullPrototype: true,
      })
      .filter((v) => typeof v !== "string"),
    // No scheme and a space: never a host name (Godot reads "abc" as ws://abc, which would go to DNS).
    fc
      .string({ maxLength: 20 })
      .filter((s) => !/[:.]/.test(s))
      .map((s) => `${s} `),
    fc.string({ maxLength: 20 }).map((s) => `${url}${encodeURIComponent(s)}`),
    fc.constantFrom(
      url,
      `${url}close/1000`,
      "ftp://127.0.0.1/",
      "ws://127.0.0.1:0/",
      "ws://[::1",
      "",
      0,
      -1,
      1,
      2,
      1000,
      4000,
      3.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      undefined,
      true,
    ),
    fc.uint8Array({ maxLength: 200 }),
  );
}

export async function throwAtAdapters(url: string, runs: number, seed = 1): Promise<BadInputResult> {
  const result: BadInputResult = { calls: 0, returned: 0, threw: 0, unclear: [], examples: [] };
  const cleanups: Array<() => void> = [];
  const noop = () => {};

  const defold = websocket;
  const corona = WebSockets.new();
  corona.addEventListener(corona.WSEVENT, noop);
  const peer = WebSocketPeer.new();
  const aseprite = AsepriteSocket({ url, onreceive: noop });
  aseprite.connect();
  cleanups.push(
    () => aseprite.close(),
    () => peer.close(-1),
    () => {
      try {
        corona.disconnect();
      } catch {
        // never connected
      }
    },
  );
  const handles: unknown[] = [];
  /** [name, call, whether the engine returns error codes instead of throwing] */
  const surface: Array<[string, Call, boolean]> = [
    [
      "defold connect",
      (a) => {
        const h = (defold.connect as unknown as Call)([
          a[0],
          a[1],
          typeof a[2] === "function" ? a[2] : a[2] === 1 ? noop : a[2],
        ]) as unknown;
        handles.push(h);
        return h;
      },
      false,
    ],
    [
      "defold send",
      (a) => (defold.send as unknown as Call)([a[0] === 1 ? handles[handles.length - 1] : a[0], a[1], a[2]]),
      false,
    ],
    [
      "defold disconnect",
      (a) => (defold.disconnect as unknown as Call)([a[0] === 1 ? handles[handles.length - 1] : a[0]]),
      false,
    ],
    ["corona connect", (a) => (corona.connect as unknown as Call)(a), false],
    ["corona send", (a) => (corona.send as unknown as Call)(a), false],
    ["corona disconnect", () => corona.disconnect(), false],
    ["corona addEventListener", (a) => (corona.addEventListener as unknown as Call)(a), false],
    ["corona removeEventListener", (a) => (corona.removeEventListener as unknown as Call)(a), false],
    ["corona new", (a) => (WebSockets.new as unknown as Call)(a), false],
    [
      "aseprite WebSocket",
      (a) => {
        const ws = (AsepriteSocket as unknown as unknown as Call)([
          typeof a[0] === "object" && a[0] !== null ? { ...a[0], url: a[1] } : a[0],
        ]) as { close(): void };
        cleanups.push(() => ws.close());
        return ws;
      },
      false,
    ],
    ["aseprite sendText", (a) => (aseprite.sendText as unknown as Call)(a), false],
    ["aseprite sendBinary", (a) => (aseprite.sendBinary as unknown as Call)(a), false],
    ["aseprite sendPing", (a) => (aseprite.sendPing as unknown as Call)(a), false],
    ["aseprite close/connect", (a) => (a[0] ? aseprite.close() : aseprite.connect()), false],
  ];
  for (const name of [
    "connect_to_url",
    "send",
    "send_text",
    "put_packet",
    "put_var",
    "close",
    "get_packet",
    "get_var",
    "set_no_delay",
    "accept_stream",
    "poll",
    "get_connected_host",
  ] as const) {
    surface.push([
      `godot ${name}`,
      (a) => (peer[name] as (...args: unknown[]) => unknown).apply(peer, a),
      true,
    ]);
  }
  for (const prop of [
    "supported_protocols",
    "handshake_headers",
    "inbound_buffer_size",
    "outbound_buffer_size",
    "max_queued_packets",
    "heartbeat_interval",
    "encode_buffer_max_size",
  ] as const) {
    surface.push([`godot .${prop} =`, (a) => Object.assign(peer, { [prop]: a[0] }), true]);
  }
  surface.push([
    "godot PackedByteArray decode",
    (a) => new PackedByteArray(8).decode_u32(a[0] as number),
    true,
  ]);

  const quiet = console.error;
  const warn = console.warn;
  console.error = noop; // Godot prints for every refused call; that is expected here
  console.warn = noop;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(surface.length - 1),
        fc.array(values(url), { maxLength: 4 }),
        async (index, args) => {
          const [name, call, returnsCodes] = surface[index]!;
          result.calls++;
          try {
            call(args);
            result.returned++;
          } catch (err) {
            result.threw++;
            const clear = err instanceof Error && err.message.length > 0 && !returnsCodes;
            const what = `${name}: ${String(err)}`;
            if (!clear && !result.unclear.includes(what)) {
              result.unclear.push(what);
              result.examples.push(`${name}(${fc.stringify(args).slice(0, 200)})`);
            }
          }
          await new Promise((r) => setImmediate(r));
          return true;
        },
      ),
      { numRuns: runs, seed },
    );
  } finally {
    console.error = quiet;
    console.warn = warn;
  }
  // Close everything that may be open: every Defold handle, every adapter object.
  for (const h of handles) {
    try {
      defold.disconnect(h as never);
    } catch {
      // not a handle
    }
  }
  for (const cleanup of cleanups) cleanup();
  return result;
}
