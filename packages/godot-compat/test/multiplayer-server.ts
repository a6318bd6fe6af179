// Godot multiplayer servers in a Node child process for the browser tests (a browser cannot be a
// server); global-setup.ts bundles this file and forks it. Each is a SceneMultiplayer on a
// WebSocketMultiplayerPeer, polled every few ms. What a client sends with send_bytes comes back to it,
// except these texts: "drop me" (disconnect_peer: the client loses its server), "refuse" / "accept"
// (refuse_new_connections on / off). The second server asks every peer for the password "secret".
// The third is a raw `ws` server playing Godot's side byte by byte (see rawGodotServer); the fourth
// is a game (a SceneTree with an EchoGame at /root/Game) that answers RPCs. The fifth is a wss://
// echo server built the Godot way, TCPServer + StreamPeerTLS + WebSocketPeer (tls-echo-server.ts).
// The sixth is the first served over wss:// by create_server(port, address, TLSOptions.server(...)).
import { WebSocketServer } from "ws";
import { freePort } from "../../../test/free-port.mjs";
import {
  Crypto,
  OK,
  SceneMultiplayer,
  SceneTree,
  TLSOptions,
  WebSocketMultiplayerPeer,
} from "../src/node.ts";
import { EchoGame } from "./rpc-echo-game.ts";
import { startTlsEchoServer } from "./tls-echo-server.ts";

/** The id the raw server gives every client, and the peer it announces. */
export const RAW_CLIENT_ID = 424242;
export const RAW_OTHER_PEER = 77;

/**
 * Godot's server side written out by hand: greets with RAW_CLIENT_ID (int32 LE), announces peer
 * RAW_OTHER_PEER with [SYS, ADD_PEER, id], then answers every message with a RAW packet from the
 * server whose payload is that message's exact bytes, so a client can check what it put on the wire.
 */
async function rawGodotServer(): Promise<number> {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  wss.on("connection", (ws) => {
    const greeting = Buffer.alloc(4);
    greeting.writeInt32LE(RAW_CLIENT_ID);
    ws.send(greeting);
    const add = Buffer.from([7, 1, 0, 0, 0, 0]);
    add.writeInt32LE(RAW_OTHER_PEER, 2);
    ws.send(add);
    ws.on("message", (data: Buffer) => ws.send(Buffer.concat([Buffer.from([3]), data])));
  });
  await new Promise((resolve) => wss.once("listening", resolve));
  return (wss.address() as { port: number }).port;
}

async function startMultiplayerServer(password?: string, tls: TLSOptions | null = null): Promise<number> {
  const port = await freePort();
  const peer = new WebSocketMultiplayerPeer();
  const multiplayer = new SceneMultiplayer();
  if (password !== undefined) {
    multiplayer.auth_callback = (id, data) => {
      if (data.get_string_from_utf8() === password) multiplayer.complete_auth(id);
      else multiplayer.disconnect_peer(id);
    };
  }
  multiplayer.peer_packet.connect((id, packet) => {
    const text = packet.get_string_from_utf8();
    if (text === "drop me") multiplayer.disconnect_peer(id);
    else {
      if (text === "refuse" || text === "accept") multiplayer.refuse_new_connections = text === "refuse";
      multiplayer.send_bytes(packet, id);
    }
  });
  const error = peer.create_server(port, "127.0.0.1", tls);
  if (error !== OK) throw new Error(`create_server(${port}) failed with ${error}`);
  multiplayer.multiplayer_peer = peer;
  setInterval(() => multiplayer.poll(), 5);
  return port;
}

async function startRpcGame(): Promise<number> {
  const port = await freePort();
  const tree = new SceneTree();
  const game = new EchoGame();
  game.name = "Game";
  tree.root.add_child(game);
  const peer = new WebSocketMultiplayerPeer();
  const error = peer.create_server(port, "127.0.0.1");
  if (error !== OK) throw new Error(`create_server(${port}) failed with ${error}`);
  tree.get_multiplayer().multiplayer_peer = peer;
  setInterval(() => tree.process(0.005), 5);
  return port;
}

/** The ports this process sends its parent (global-setup.ts) once every server listens. */
export interface ServerPorts {
  open: number;
  guarded: number;
  raw: number;
  rpcGame: number;
  tlsEcho: number;
  tlsOpen: number;
}

/** Server TLS options with a key and self-signed certificate made by Crypto (the browsers trust it). */
function selfSigned(): TLSOptions {
  const crypto = Crypto.new();
  const key = crypto.generate_rsa(2048);
  const cert = key && crypto.generate_self_signed_certificate(key, "CN=127.0.0.1,O=wsport,C=IT");
  if (!key || !cert) throw new Error("Crypto could not make the test server's key and certificate");
  return TLSOptions.server(key, cert);
}

const open = await startMultiplayerServer();
const guarded = await startMultiplayerServer("secret");
const raw = await rawGodotServer();
const rpcGame = await startRpcGame();
const tlsEcho = await startTlsEchoServer();
const tlsOpen = await startMultiplayerServer(undefined, selfSigned());
process.send?.({ open, guarded, raw, rpcGame, tlsEcho, tlsOpen } satisfies ServerPorts);
process.on("disconnect", () => process.exit(0)); // the test run ended
