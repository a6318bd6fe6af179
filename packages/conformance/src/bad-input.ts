// Bad input: fast-check throws random values at every public function of every adapter. Each call
// must return (Godot: an error code, never a throw) or throw an Error with a message; nothing may
// crash the process or reject unhandled, and every socket opened must be closed in the end.
// URL arguments are random but stay on loopback (random host names would go to DNS).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket as AsepriteSocket } from "@wsport/aseprite-compat";
import WebSockets from "@wsport/corona-compat";
import { websocket } from "@wsport/defold-compat";
import {
  bytes_to_var,
  Color,
  Crypto,
  CryptoKey,
  NodePath,
  PackedByteArray,
  StreamPeerBuffer,
  StreamPeerTCP,
  StreamPeerTLS,
  TLSOptions,
  var_to_bytes,
  WebSocketPeer,
  X509Certificate,
} from "@wsport/godot-compat";
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

/** Method `name` of `target` called with the random arguments. */
function method(target: object, name: string): Call {
  return (a) => (target as Record<string, (...args: unknown[]) => unknown>)[name]!.apply(target, a);
}

/**
 * Godot's StreamPeer*, TLS, Crypto and Variant functions. Host names are kept on loopback and file
 * paths inside a temporary folder; RSA sizes are kept small so a run stays quick.
 */
function godotStreamsAndVariants(cleanups: Array<() => void>): Array<[string, Call, boolean]> {
  const folder = mkdtempSync(join(tmpdir(), "wsport-bad-input-"));
  const buffer = StreamPeerBuffer.new();
  const tcp = StreamPeerTCP.new();
  const tls = StreamPeerTLS.new();
  const crypto = Crypto.new();
  const key = crypto.generate_rsa(512)!;
  const certificate = crypto.generate_self_signed_certificate(key)!;
  const fileKey = CryptoKey.new();
  const fileCert = X509Certificate.new();
  cleanups.push(
    () => tcp.disconnect_from_host(),
    () => tls.disconnect_from_stream(),
    () => rmSync(folder, { recursive: true, force: true }),
  );
  const path = (a: unknown[]) => [
    typeof a[0] === "string" ? join(folder, encodeURIComponent(a[0])) : a[0],
    ...a.slice(1),
  ];
  const surface: Array<[string, Call, boolean]> = [];
  for (const name of [
    "put_data",
    "put_partial_data",
    "get_data",
    "get_partial_data",
    "put_8",
    "put_u16",
    "put_32",
    "put_u64",
    "put_float",
    "put_double",
    "put_string",
    "put_utf8_string",
    "put_var",
    "get_u32",
    "get_64",
    "get_string",
    "get_utf8_string",
    "get_var",
    "seek",
    "resize",
    "clear",
    "duplicate",
  ]) {
    surface.push([`godot StreamPeerBuffer.${name}`, method(buffer, name), true]);
  }
  surface.push([
    "godot StreamPeerBuffer.data_array =",
    (a) => Object.assign(buffer, { data_array: a[0] }),
    true,
  ]);
  for (const name of [
    "put_data",
    "get_data",
    "get_var",
    "poll",
    "set_no_delay",
    "bind",
    "disconnect_from_host",
  ]) {
    surface.push([`godot StreamPeerTCP.${name}`, method(tcp, name), true]);
  }
  surface.push([
    "godot StreamPeerTCP.connect_to_host",
    (a) => tcp.connect_to_host(typeof a[0] === "string" ? "127.0.0.1" : (a[0] as string), a[1] as number),
    true,
  ]);
  for (const name of [
    "accept_stream",
    "connect_to_stream",
    "poll",
    "get_data",
    "put_data",
    "disconnect_from_stream",
  ]) {
    surface.push([`godot StreamPeerTLS.${name}`, method(tls, name), true]);
  }
  surface.push(
    [
      "godot StreamPeerTLS.accept_stream(tcp, ...)",
      (a) => tls.accept_stream(tcp, a[0] as never, a[1] as never),
      true,
    ],
    ["godot TLSOptions.client", (a) => (TLSOptions.client as unknown as Call)(a), true],
    ["godot TLSOptions.server", (a) => (TLSOptions.server as unknown as Call)(a), true],
    ["godot TLSOptions.server(key, cert)", () => TLSOptions.server(key, certificate), true],
    [
      "godot Crypto.generate_random_bytes",
      (a) => crypto.generate_random_bytes((typeof a[0] === "number" ? Math.min(a[0], 4096) : a[0]) as number),
      true,
    ],
    [
      "godot Crypto.generate_rsa",
      (a) => crypto.generate_rsa((typeof a[0] === "number" && a[0] > 512 ? 512 : a[0]) as number),
      true,
    ],
    [
      "godot Crypto.generate_self_signed_certificate",
      (a) => (crypto.generate_self_signed_certificate as unknown as Call)(a),
      true,
    ],
    [
      "godot Crypto.generate_self_signed_certificate(key, ...)",
      (a) => (crypto.generate_self_signed_certificate as unknown as Call)([key, ...a]),
      true,
    ],
    ["godot Crypto.hmac_digest", method(crypto, "hmac_digest"), true],
    ["godot Crypto.constant_time_compare", method(crypto, "constant_time_compare"), true],
    ["godot CryptoKey.load_from_string", method(fileKey, "load_from_string"), true],
    ["godot CryptoKey.save_to_string", method(fileKey, "save_to_string"), true],
    ["godot CryptoKey.load", (a) => fileKey.load(...(path(a) as [string])), true],
    ["godot CryptoKey.save", (a) => fileKey.save(...(path(a) as [string])), true],
    ["godot CryptoKey.save (real key)", (a) => key.save(...(path(a) as [string])), true],
    ["godot X509Certificate.load_from_string", method(fileCert, "load_from_string"), true],
    ["godot X509Certificate.load", (a) => fileCert.load(...(path(a) as [string])), true],
    ["godot X509Certificate.save (real)", (a) => certificate.save(...(path(a) as [string])), true],
    ["godot var_to_bytes", (a) => var_to_bytes(a[0]), true],
    ["godot bytes_to_var", (a) => bytes_to_var(a[0] as Uint8Array), true],
    ["godot Color.html", (a) => Color.html(a[0] as string), true],
    ["godot new NodePath", (a) => String(new NodePath(a[0] as string)), true],
  );
  return surface;
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
  surface.push(
    ["godot PackedByteArray decode", (a) => new PackedByteArray(8).decode_u32(a[0] as number), true],
    ["godot PackedByteArray decode_var", (a) => new PackedByteArray(8).decode_var(a[0] as number), true],
  );
  surface.push(...godotStreamsAndVariants(cleanups));

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
