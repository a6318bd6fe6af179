// The official websocket_chat demo's server with `use_tls = true`, ported with syntax-only edits
// (GDScript → TypeScript: `.new()`, `[]`, `Map`), end to end: TCPServer → StreamPeerTLS.accept_stream
// → WebSocketPeer.accept_stream, with the key and certificate made by Crypto, and two of the demo's
// clients connecting over wss:// and chatting through it (text and var_to_bytes messages).
import {
  bytes_to_var,
  Crypto,
  type CryptoKey,
  OK,
  StreamPeerTCP,
  StreamPeerTLS,
  TCPServer,
  TLSOptions,
  type Variant,
  Vector2,
  var_to_bytes,
  WebSocketPeer,
  type X509Certificate,
} from "@wsport/godot-compat";
import { expect, it } from "vitest";
import { delay } from "../../../test/events.ts";
import { capturePrints } from "./helpers.ts";

capturePrints();

// --- websocket/WebSocketServer.gd -------------------------------------------------------------
class PendingPeer {
  connect_time = Date.now();
  connection: StreamPeerTCP | StreamPeerTLS;
  ws: WebSocketPeer | null = null;
  constructor(public tcp: StreamPeerTCP) {
    this.connection = tcp;
  }
}

class WebSocketServer {
  handshake_headers: string[] = [];
  supported_protocols: string[] = [];
  handshake_timout = 3000;
  use_tls = false;
  tls_cert: X509Certificate | null = null;
  tls_key: CryptoKey | null = null;
  tcp_server = TCPServer.new();
  pending_peers: PendingPeer[] = [];
  peers = new Map<number, WebSocketPeer>();
  message_received: (peer_id: number, message: Variant) => void = () => {};
  client_connected: (peer_id: number) => void = () => {};

  listen(port: number): number {
    return this.tcp_server.listen(port);
  }

  stop(): void {
    this.tcp_server.stop();
    this.pending_peers = [];
    this.peers.clear();
  }

  send(peer_id: number, message: Variant): number {
    if (peer_id <= 0) {
      for (const [id, peer] of this.peers) {
        if (id === -peer_id) continue;
        if (typeof message === "string") peer.send_text(message);
        else peer.put_packet(message as Uint8Array);
      }
      return OK;
    }
    const socket = this.peers.get(peer_id)!;
    return typeof message === "string" ? socket.send_text(message) : socket.send(var_to_bytes(message));
  }

  get_message(peer_id: number): Variant {
    const socket = this.peers.get(peer_id)!;
    if (socket.get_available_packet_count() < 1) return null;
    const pkt = socket.get_packet();
    return socket.was_string_packet() ? pkt.get_string_from_utf8() : bytes_to_var(pkt);
  }

  _create_peer(): WebSocketPeer {
    const ws = WebSocketPeer.new();
    ws.supported_protocols = this.supported_protocols;
    ws.handshake_headers = this.handshake_headers;
    return ws;
  }

  poll(): void {
    if (!this.tcp_server.is_listening()) return;
    while (this.tcp_server.is_connection_available()) {
      const conn = this.tcp_server.take_connection()!;
      this.pending_peers.push(new PendingPeer(conn));
    }
    this.pending_peers = this.pending_peers.filter(
      (p) => !this._connect_pending(p) && p.connect_time + this.handshake_timout >= Date.now(),
    );
    for (const [id, p] of [...this.peers]) {
      p.poll();
      if (p.get_ready_state() !== WebSocketPeer.STATE_OPEN) {
        this.peers.delete(id);
        continue;
      }
      while (p.get_available_packet_count()) this.message_received(id, this.get_message(id));
    }
  }

  _connect_pending(p: PendingPeer): boolean {
    if (p.ws !== null) {
      p.ws.poll();
      const state = p.ws.get_ready_state();
      if (state === WebSocketPeer.STATE_OPEN) {
        const id = 2 + Math.floor(Math.random() * (1 << 30));
        this.peers.set(id, p.ws);
        this.client_connected(id);
        return true; // Success.
      }
      return state !== WebSocketPeer.STATE_CONNECTING; // Failure, or still connecting.
    } else if (p.tcp.get_status() !== StreamPeerTCP.STATUS_CONNECTED) {
      return true; // TCP disconnected.
    } else if (!this.use_tls) {
      p.ws = this._create_peer();
      p.ws.accept_stream(p.tcp);
      return false;
    } else {
      if (p.connection === p.tcp) {
        const tls = StreamPeerTLS.new();
        tls.accept_stream(p.tcp, TLSOptions.server(this.tls_key!, this.tls_cert!));
        p.connection = tls;
      }
      p.connection.poll();
      const status = p.connection.get_status();
      if (status === StreamPeerTLS.STATUS_CONNECTED) {
        p.ws = this._create_peer();
        p.ws.accept_stream(p.connection);
        return false;
      }
      return status !== StreamPeerTLS.STATUS_HANDSHAKING;
    }
  }
}

// --- websocket/WebSocketClient.gd (its TLS arguments as Godot 4.1+'s TLSOptions) ---------------
class WebSocketClient {
  tls_trusted_certificate: X509Certificate | null = null;
  socket = WebSocketPeer.new();
  last_state = WebSocketPeer.STATE_CLOSED;
  received: Variant[] = [];

  connect_to_url(url: string): number {
    const err = this.socket.connect_to_url(url, TLSOptions.client(this.tls_trusted_certificate, "myserver"));
    if (err !== OK) return err;
    this.last_state = this.socket.get_ready_state();
    return OK;
  }

  send(message: Variant): number {
    return typeof message === "string"
      ? this.socket.send_text(message)
      : this.socket.send(var_to_bytes(message));
  }

  get_message(): Variant {
    if (this.socket.get_available_packet_count() < 1) return null;
    const pkt = this.socket.get_packet();
    return this.socket.was_string_packet() ? pkt.get_string_from_utf8() : bytes_to_var(pkt);
  }

  poll(): void {
    if (this.socket.get_ready_state() !== WebSocketPeer.STATE_CLOSED) this.socket.poll();
    this.last_state = this.socket.get_ready_state();
    while (
      this.socket.get_ready_state() === WebSocketPeer.STATE_OPEN &&
      this.socket.get_available_packet_count()
    ) {
      this.received.push(this.get_message());
    }
  }
}

it("the chat demo's use_tls server relays text and Variant messages between two wss:// clients", async () => {
  const crypto = Crypto.new();
  const server = new WebSocketServer();
  server.use_tls = true;
  server.tls_key = crypto.generate_rsa(2048);
  server.tls_cert = crypto.generate_self_signed_certificate(server.tls_key!);
  // server.gd: relay every message to the others, prefixed with the sender's id for text.
  server.message_received = (id, message) =>
    server.send(-id, typeof message === "string" ? `${id}: ${message}` : var_to_bytes(message));
  expect(server.listen(0)).toBe(OK);
  for (let i = 0; i < 400 && !server.tcp_server.is_listening(); i++) await delay(5);
  const url = `wss://127.0.0.1:${server.tcp_server.get_local_port()}`;
  const alice = new WebSocketClient();
  const bob = new WebSocketClient();
  const clients = [alice, bob];
  const tick = async (done: () => boolean) => {
    for (let i = 0; i < 1600 && !done(); i++) {
      server.poll();
      for (const c of clients) c.poll();
      await delay(5);
    }
    expect(done()).toBe(true);
  };
  try {
    for (const client of clients) {
      client.tls_trusted_certificate = server.tls_cert;
      expect(client.connect_to_url(url)).toBe(OK);
    }
    await tick(
      () => server.peers.size === 2 && clients.every((c) => c.last_state === WebSocketPeer.STATE_OPEN),
    );
    expect(alice.send("hello from alice")).toBe(OK);
    expect(alice.send({ pos: new Vector2(3, 4), hp: 90 })).toBe(OK);
    await tick(() => bob.received.length === 2);
    expect(bob.received[0]).toMatch(/^\d+: hello from alice$/);
    expect(bob.received[1]).toEqual({ pos: new Vector2(3, 4), hp: 90 });
    expect(alice.received).toEqual([]);
  } finally {
    for (const client of clients) client.socket.close(-1);
    server.stop();
  }
});
