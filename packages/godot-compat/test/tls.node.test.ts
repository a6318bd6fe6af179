// The TLS server path of Godot's networking: TCPServer → StreamPeerTLS.accept_stream →
// WebSocketPeer.accept_stream, with a key and self-signed certificate made by Crypto; reached by a
// WebSocketPeer client of this package over wss://. Also: plain clients, failed and hung handshakes,
// a handshake flood, and StreamPeerTLS as a client.
import { connect as netConnect } from "node:net";
import {
  ERR_ALREADY_IN_USE,
  ERR_INVALID_PARAMETER,
  OK,
  StreamPeerTCP,
  StreamPeerTLS,
  type TCPServer,
  TLSOptions,
  WebSocketPeer,
} from "@wsport/godot-compat";
import { describe, expect, it } from "vitest";
import { until } from "../../../test/until.mjs";
import { capturePrints, listeningServer, newPeer, pollUntil, takeConnection } from "./helpers.ts";
import { rawSockets, selfSigned } from "./tls-fixtures.ts";

const { STATUS_HANDSHAKING, STATUS_CONNECTED, STATUS_ERROR, STATUS_ERROR_HOSTNAME_MISMATCH } = StreamPeerTLS;
const { STATE_OPEN, STATE_CLOSED } = WebSocketPeer;

const prints = capturePrints();
const pair = selfSigned();
const sockets = rawSockets();

const listening = () => listeningServer();
const take = takeConnection;

/** Polls a StreamPeerTLS until its status is no longer STATUS_HANDSHAKING. */
async function handshake(tls: StreamPeerTLS, timeoutMs = 8000): Promise<number> {
  const done = () => tls.get_status() !== STATUS_HANDSHAKING;
  await until(done, "the handshake", timeoutMs, { tick: () => tls.poll() }).catch(() => {});
  return tls.get_status(); // still STATUS_HANDSHAKING after the time limit: the caller's expect says so
}

/** The server side of one wss:// connection, as the chat demo's server does it. */
async function acceptTls(server: TCPServer): Promise<{ tls: StreamPeerTLS; ws: WebSocketPeer }> {
  const tcp = await take(server);
  const tls = StreamPeerTLS.new();
  expect(tls.accept_stream(tcp, TLSOptions.server(pair.key, pair.cert))).toBe(OK);
  expect(await handshake(tls)).toBe(STATUS_CONNECTED);
  expect(tls.get_stream()).toBe(tcp);
  const ws = newPeer();
  expect(ws.accept_stream(tls)).toBe(OK);
  return { tls, ws };
}

describe("Crypto, CryptoKey and X509Certificate make a working key pair", () => {
  it("generate_rsa and generate_self_signed_certificate give PEM text that loads again", () => {
    expect(pair.key.is_public_only()).toBe(false);
    expect(pair.key.save_to_string()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pair.cert.save_to_string()).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(pair.key.save_to_string(true)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
});

describe("a wss:// server through TCPServer + StreamPeerTLS + WebSocketPeer", () => {
  it("echoes text and binary to a WebSocketPeer client that trusts the certificate", async () => {
    const server = await listening();
    const client = newPeer();
    const url = `wss://127.0.0.1:${server.get_local_port()}/chat`;
    expect(client.connect_to_url(url, TLSOptions.client(pair.cert, "myserver"))).toBe(OK);
    const { ws } = await acceptTls(server);
    await pollUntil(
      [client, ws],
      () => client.get_ready_state() === STATE_OPEN && ws.get_ready_state() === STATE_OPEN,
    );
    expect(ws.get_requested_url()).toBe(`wss://127.0.0.1:${server.get_local_port()}/chat`);
    expect(client.send_text("hello over TLS")).toBe(OK);
    await pollUntil(ws, () => ws.get_available_packet_count() > 0);
    const text = ws.get_packet();
    expect(ws.was_string_packet()).toBe(true);
    expect(ws.send_text(text.get_string_from_utf8())).toBe(OK);
    expect(client.put_var({ pos: [1, 2], big: 2 ** 40 })).toBe(OK);
    await pollUntil(ws, () => ws.get_available_packet_count() > 0);
    expect(ws.put_packet(ws.get_packet())).toBe(OK);
    await pollUntil(client, () => client.get_available_packet_count() >= 2);
    expect(client.get_packet().get_string_from_utf8()).toBe("hello over TLS");
    expect(client.get_var()).toEqual({ pos: [1, 2], big: 2 ** 40 });
    client.close();
    await pollUntil(
      [client, ws],
      () => client.get_ready_state() === STATE_CLOSED && ws.get_ready_state() === STATE_CLOSED,
    );
    expect(client.get_close_code()).toBe(1000);
  });

  it("a client that does not trust the certificate fails, and so does the server's handshake", async () => {
    const server = await listening();
    const client = newPeer();
    expect(client.connect_to_url(`wss://127.0.0.1:${server.get_local_port()}/`, TLSOptions.client())).toBe(
      OK,
    );
    const tcp = await take(server);
    const tls = StreamPeerTLS.new();
    expect(tls.accept_stream(tcp, TLSOptions.server(pair.key, pair.cert))).toBe(OK);
    await pollUntil(client, () => client.get_ready_state() === STATE_CLOSED);
    expect(client.get_close_code()).toBe(-1);
    expect(await handshake(tls)).toBe(STATUS_ERROR);
    // Both sides print, as Godot's TLS streams do: the client says why it refused.
    const printed = prints.spy.mock.calls
      .flat()
      .filter((line) => String(line).includes("TLS handshake error"));
    expect(printed).toHaveLength(2);
    expect(printed.join("\n")).toMatch(/TLS handshake error: .*self[- ]signed certificate/i);
  });

  it("a plain ws:// client on the TLS port is refused: STATUS_ERROR, socket freed, client closed", async () => {
    const server = await listening();
    const client = newPeer();
    expect(client.connect_to_url(`ws://127.0.0.1:${server.get_local_port()}/`)).toBe(OK);
    const tcp = await take(server);
    const tls = StreamPeerTLS.new();
    expect(tls.accept_stream(tcp, TLSOptions.server(pair.key, pair.cert))).toBe(OK);
    expect(await handshake(tls)).toBe(STATUS_ERROR);
    await pollUntil(client, () => client.get_ready_state() === STATE_CLOSED);
    expect(client.get_close_code()).toBe(-1);
    expect(tcp.get_status()).not.toBe(StreamPeerTCP.STATUS_CONNECTED);
  });

  it("a client that never starts the handshake ends in STATUS_ERROR after the handshake timeout", async () => {
    const server = await listening();
    const silent = netConnect(server.get_local_port(), "127.0.0.1");
    sockets.push(silent);
    const closed = new Promise<void>((resolve) => silent.once("close", () => resolve()));
    silent.on("error", () => {});
    const tls = StreamPeerTLS.new();
    expect(tls.accept_stream(await take(server), TLSOptions.server(pair.key, pair.cert))).toBe(OK);
    expect(tls.get_status()).toBe(STATUS_HANDSHAKING);
    expect(await handshake(tls, 15_000)).toBe(STATUS_ERROR);
    await closed; // the server freed the socket
  });

  it("keeps serving a real client while 30 others hang in their handshake", async () => {
    const server = await listening();
    const pending: StreamPeerTLS[] = [];
    for (let i = 0; i < 30; i++) {
      const idle = netConnect(server.get_local_port(), "127.0.0.1");
      idle.on("error", () => {});
      sockets.push(idle);
      const tls = StreamPeerTLS.new();
      expect(tls.accept_stream(await take(server), TLSOptions.server(pair.key, pair.cert))).toBe(OK);
      pending.push(tls);
    }
    const client = newPeer();
    expect(
      client.connect_to_url(
        `wss://127.0.0.1:${server.get_local_port()}/`,
        TLSOptions.client(pair.cert, "myserver"),
      ),
    ).toBe(OK);
    const { ws } = await acceptTls(server);
    await pollUntil(
      [client, ws],
      () => ws.get_ready_state() === STATE_OPEN && client.get_ready_state() === STATE_OPEN,
    );
    expect(client.send_text("still here")).toBe(OK);
    await pollUntil(ws, () => ws.get_available_packet_count() > 0);
    expect(ws.get_packet().get_string_from_utf8()).toBe("still here");
    expect(pending.every((tls) => tls.get_status() === STATUS_HANDSHAKING)).toBe(true);
    for (const tls of pending) tls.disconnect_from_stream();
    expect(pending.every((tls) => tls.get_status() === StreamPeerTLS.STATUS_DISCONNECTED)).toBe(true);
  });
});

describe("StreamPeerTLS as a client, and raw bytes through it", () => {
  async function tlsPair(commonName: string, options: TLSOptions | null) {
    const server = await listening();
    const tcp = StreamPeerTCP.new();
    expect(tcp.connect_to_host("127.0.0.1", server.get_local_port())).toBe(OK);
    const serverTls = StreamPeerTLS.new();
    expect(serverTls.accept_stream(await take(server), TLSOptions.server(pair.key, pair.cert))).toBe(OK);
    await until(() => tcp.get_status() === StreamPeerTCP.STATUS_CONNECTED, "the TCP connection");
    const clientTls = StreamPeerTLS.new();
    expect(clientTls.connect_to_stream(tcp, commonName, options)).toBe(OK);
    return { serverTls, clientTls };
  }

  it("connects with the right common name and carries StreamPeer data both ways", async () => {
    const { serverTls, clientTls } = await tlsPair("myserver", TLSOptions.client(pair.cert));
    expect(await handshake(clientTls)).toBe(STATUS_CONNECTED);
    expect(await handshake(serverTls)).toBe(STATUS_CONNECTED);
    clientTls.put_u32(0xdeadbeef);
    clientTls.put_utf8_string("héllo");
    await until(() => serverTls.get_available_bytes() >= 14, "14 bytes");
    expect(serverTls.get_u32()).toBe(0xdeadbeef);
    expect(serverTls.get_utf8_string()).toBe("héllo");
    serverTls.big_endian = true;
    serverTls.put_16(-2);
    await until(() => clientTls.get_available_bytes() >= 2, "2 bytes");
    expect([...clientTls.get_data(2)[1]]).toEqual([0xff, 0xfe]);
    clientTls.disconnect_from_stream();
    expect(clientTls.get_status()).toBe(StreamPeerTLS.STATUS_DISCONNECTED);
  });

  it("reports STATUS_ERROR_HOSTNAME_MISMATCH for another common name", async () => {
    const { clientTls } = await tlsPair("other.example", TLSOptions.client(pair.cert));
    expect(await handshake(clientTls)).toBe(STATUS_ERROR_HOSTNAME_MISMATCH);
  });

  it("client_unsafe() accepts any certificate", async () => {
    const { clientTls } = await tlsPair("whatever", TLSOptions.client_unsafe());
    expect(await handshake(clientTls)).toBe(STATUS_CONNECTED);
  });
});

describe("StreamPeerTLS with bad input", () => {
  it("returns Godot's error codes and prints, never throws", async () => {
    const tls = StreamPeerTLS.new();
    const bad: unknown[] = [null, undefined, 0, "x", {}, StreamPeerTCP.new(), Symbol("s")];
    for (const value of bad) {
      expect(tls.accept_stream(value as never, TLSOptions.server(pair.key, pair.cert))).toBe(
        ERR_INVALID_PARAMETER,
      );
      expect(tls.accept_stream(StreamPeerTCP.new(), value as never)).toBe(ERR_INVALID_PARAMETER);
      expect(tls.connect_to_stream(value as never, "x")).toBe(ERR_INVALID_PARAMETER);
      expect(tls.connect_to_stream(StreamPeerTCP.new(), value as never)).toBe(ERR_INVALID_PARAMETER);
    }
    expect(tls.accept_stream(StreamPeerTCP.new(), TLSOptions.client())).toBe(ERR_INVALID_PARAMETER);
    expect(tls.connect_to_stream(StreamPeerTCP.new(), "x", TLSOptions.server(pair.key, pair.cert))).toBe(
      ERR_INVALID_PARAMETER,
    );
    expect(tls.get_status()).toBe(StreamPeerTLS.STATUS_DISCONNECTED);
    expect(tls.get_stream()).toBe(null);
    expect(tls.get_data(1)[0]).not.toBe(OK);
    expect(tls.put_data(new Uint8Array([1]))).not.toBe(OK);
    tls.poll();
    tls.disconnect_from_stream();
    expect(prints.spy).toHaveBeenCalled();
    // Busy: a second accept on a handshaking peer.
    const server = await listening();
    const idle = netConnect(server.get_local_port(), "127.0.0.1");
    idle.on("error", () => {});
    sockets.push(idle);
    const busy = StreamPeerTLS.new();
    const tcp = await take(server);
    expect(busy.accept_stream(tcp, TLSOptions.server(pair.key, pair.cert))).toBe(OK);
    const other = await (async () => {
      const second = netConnect(server.get_local_port(), "127.0.0.1");
      second.on("error", () => {});
      sockets.push(second);
      return take(server);
    })();
    expect(busy.accept_stream(other, TLSOptions.server(pair.key, pair.cert))).toBe(ERR_ALREADY_IN_USE);
    busy.disconnect_from_stream();
  });

  it("the constants read through an instance too", () => {
    const tls = StreamPeerTLS.new();
    expect([tls.STATUS_DISCONNECTED, tls.STATUS_HANDSHAKING, tls.STATUS_CONNECTED, tls.STATUS_ERROR]).toEqual(
      [0, 1, 2, 3],
    );
    expect(tls.STATUS_ERROR_HOSTNAME_MISMATCH).toBe(4);
  });
});
