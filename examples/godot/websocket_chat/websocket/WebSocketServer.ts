// Port of godot-demo-projects networking/websocket_chat/websocket/WebSocketServer.gd, both paths
// (plain, and use_tls: StreamPeerTLS between the TCP stream and the WebSocketPeer).
import {
  bytes_to_var,
  type CryptoKey,
  Node,
  OK,
  randi_range,
  Signal,
  StreamPeerTCP,
  StreamPeerTLS,
  TCPServer,
  TLSOptions,
  type Variant,
  var_to_bytes,
  WebSocketPeer,
  type X509Certificate,
} from "@wsport/godot-compat";
import { assert, Time } from "../../stand-in/ui.ts";

class PendingPeer {
  connect_time: number;
  tcp: StreamPeerTCP;
  connection: StreamPeerTCP | StreamPeerTLS; // StreamPeer in GDScript, which calls poll() on it untyped
  ws: WebSocketPeer | null = null;

  constructor(p_tcp: StreamPeerTCP) {
    this.tcp = p_tcp;
    this.connection = p_tcp;
    this.connect_time = Time.get_ticks_msec();
  }
}

export class WebSocketServer extends Node {
  message_received = new Signal<[peer_id: number, message: Variant]>(this, "message_received");
  client_connected = new Signal<[peer_id: number]>(this, "client_connected");
  client_disconnected = new Signal<[peer_id: number]>(this, "client_disconnected");

  handshake_headers: string[] = [];
  supported_protocols: string[] = [];
  handshake_timout = 3000;
  use_tls = false;
  tls_cert: X509Certificate | null = null;
  tls_key: CryptoKey | null = null;
  #refuse_new_connections = false;
  get refuse_new_connections(): boolean {
    return this.#refuse_new_connections;
  }
  set refuse_new_connections(refuse: boolean) {
    if (refuse) {
      this.pending_peers.length = 0;
    }
  }

  tcp_server = TCPServer.new();
  pending_peers: PendingPeer[] = [];
  peers = new Map<number, WebSocketPeer>();

  listen(port: number): number {
    assert(!this.tcp_server.is_listening());
    return this.tcp_server.listen(port);
  }

  stop(): void {
    this.tcp_server.stop();
    this.pending_peers.length = 0;
    this.peers.clear();
  }

  send(peer_id: number, message: Variant): number {
    const type = typeof message;
    if (peer_id <= 0) {
      // Send to multiple peers, (zero = brodcast, negative = exclude one)
      for (const id of this.peers.keys()) {
        if (id === -peer_id) {
          continue;
        }
        if (type === "string") {
          this.peers.get(id)!.send_text(message as string);
        } else {
          this.peers.get(id)!.put_packet(message as Uint8Array);
        }
      }
      return OK;
    }

    assert(this.peers.has(peer_id));
    const socket = this.peers.get(peer_id)!;
    if (type === "string") {
      return socket.send_text(message as string);
    }
    return socket.send(var_to_bytes(message));
  }

  get_message(peer_id: number): Variant {
    assert(this.peers.has(peer_id));
    const socket = this.peers.get(peer_id)!;
    if (socket.get_available_packet_count() < 1) {
      return null;
    }
    const pkt = socket.get_packet();
    if (socket.was_string_packet()) {
      return pkt.get_string_from_utf8();
    }
    return bytes_to_var(pkt);
  }

  has_message(peer_id: number): boolean {
    assert(this.peers.has(peer_id));
    return this.peers.get(peer_id)!.get_available_packet_count() > 0;
  }

  _create_peer(): WebSocketPeer {
    const ws = WebSocketPeer.new();
    ws.supported_protocols = this.supported_protocols;
    ws.handshake_headers = this.handshake_headers;
    return ws;
  }

  poll(): void {
    if (!this.tcp_server.is_listening()) {
      return;
    }
    while (!this.refuse_new_connections && this.tcp_server.is_connection_available()) {
      const conn = this.tcp_server.take_connection();
      assert(conn !== null);
      this.pending_peers.push(new PendingPeer(conn));
    }
    const to_remove: unknown[] = [];
    for (const p of this.pending_peers) {
      if (!this._connect_pending(p)) {
        if (p.connect_time + this.handshake_timout < Time.get_ticks_msec()) {
          // Timeout
          to_remove.push(p);
        }
        continue; // Still pending
      }
      to_remove.push(p);
    }
    for (const r of to_remove) {
      this.pending_peers.splice(this.pending_peers.indexOf(r as PendingPeer), 1);
    }
    to_remove.length = 0;
    for (const id of this.peers.keys()) {
      const p: WebSocketPeer = this.peers.get(id)!;
      const packets = p.get_available_packet_count();
      p.poll();
      if (p.get_ready_state() !== WebSocketPeer.STATE_OPEN) {
        this.client_disconnected.emit(id);
        to_remove.push(id);
        continue;
      }
      while (p.get_available_packet_count()) {
        this.message_received.emit(id, this.get_message(id));
      }
    }
    for (const r of to_remove) {
      this.peers.delete(r as number);
    }
    to_remove.length = 0;
  }

  _connect_pending(p: PendingPeer): boolean {
    if (p.ws !== null) {
      // Poll websocket client if doing handshake
      p.ws.poll();
      const state = p.ws.get_ready_state();
      if (state === WebSocketPeer.STATE_OPEN) {
        const id = randi_range(2, 1 << 30);
        this.peers.set(id, p.ws);
        this.client_connected.emit(id);
        return true; // Success.
      } else if (state !== WebSocketPeer.STATE_CONNECTING) {
        return true; // Failure.
      }
      return false; // Still connecting.
    } else if (p.tcp.get_status() !== StreamPeerTCP.STATUS_CONNECTED) {
      return true; // TCP disconnected.
    } else if (!this.use_tls) {
      // TCP is ready, create WS peer
      p.ws = this._create_peer();
      p.ws.accept_stream(p.tcp);
      return false; // WebSocketPeer connection is pending.
    } else {
      if (p.connection === p.tcp) {
        assert(this.tls_key !== null && this.tls_cert !== null);
        const tls = StreamPeerTLS.new();
        tls.accept_stream(p.tcp, TLSOptions.server(this.tls_key, this.tls_cert));
        p.connection = tls;
      }
      p.connection.poll();
      const status = p.connection.get_status();
      if (status === StreamPeerTLS.STATUS_CONNECTED) {
        p.ws = this._create_peer();
        p.ws.accept_stream(p.connection);
        return false; // WebSocketPeer connection is pending.
      }
      if (status !== StreamPeerTLS.STATUS_HANDSHAKING) {
        return true; // Failure.
      }
      return false;
    }
  }

  _process(_delta: number): void {
    this.poll();
  }
}
