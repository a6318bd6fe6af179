// A wss:// echo server built the way Godot builds one (the websocket_chat demo's TLS path), for the
// browser tests: TCPServer → StreamPeerTLS.accept_stream(tcp, TLSOptions.server(key, cert)) → once
// STATUS_CONNECTED, WebSocketPeer.accept_stream(tls). The key and self-signed certificate are made
// by Crypto at start; the browsers trust it through their launch options (test/chromium.mjs,
// test/firefox.mjs, test/webkit.mjs). Each message comes back as it came (text as text, binary as
// binary), except the text "url?", answered with the server side's get_requested_url().

import { until } from "../../../test/until.mjs";
import { Crypto, OK, StreamPeerTLS, TCPServer, TLSOptions, WebSocketPeer } from "../src/node.ts";

/** One client: its TLS stream, and the WebSocketPeer over it once the handshake is done. */
interface Connection {
  tls: StreamPeerTLS;
  ws: WebSocketPeer | null;
}

/** Starts the server on 127.0.0.1 and resolves with its port once it is listening. */
export async function startTlsEchoServer(): Promise<number> {
  const crypto = Crypto.new();
  const key = crypto.generate_rsa(2048);
  const cert = key && crypto.generate_self_signed_certificate(key, "CN=127.0.0.1,O=wsport,C=IT");
  if (!key || !cert) throw new Error("Crypto could not make the test server's key and certificate");
  const options = TLSOptions.server(key, cert);
  const server = TCPServer.new();
  const error = server.listen(0, "127.0.0.1");
  if (error !== OK) throw new Error(`TCPServer.listen failed with ${error}`);
  await until(() => server.is_listening(), "the TCPServer to listen");
  if (!server.is_listening()) throw new Error("TCPServer did not start listening");

  let connections: Connection[] = [];
  setInterval(() => {
    while (server.is_connection_available()) {
      const tls = StreamPeerTLS.new();
      const tcp = server.take_connection();
      if (tcp && tls.accept_stream(tcp, options) === OK) connections.push({ tls, ws: null });
    }
    connections = connections.filter(serve);
  }, 5);
  return server.get_local_port();
}

/** Moves one connection along; false once it is over (failed handshake or closed socket). */
function serve(connection: Connection): boolean {
  if (!connection.ws) {
    connection.tls.poll();
    const status = connection.tls.get_status();
    if (status === StreamPeerTLS.STATUS_HANDSHAKING) return true;
    if (status !== StreamPeerTLS.STATUS_CONNECTED) return false;
    connection.ws = WebSocketPeer.new();
    if (connection.ws.accept_stream(connection.tls) !== OK) return false;
  }
  const ws = connection.ws;
  ws.poll();
  while (ws.get_available_packet_count() > 0) {
    const packet = ws.get_packet();
    if (!ws.was_string_packet()) ws.put_packet(packet);
    else {
      const text = packet.get_string_from_utf8();
      ws.send_text(text === "url?" ? ws.get_requested_url() : text);
    }
  }
  return ws.get_ready_state() !== WebSocketPeer.STATE_CLOSED;
}
