// @wsport/godot-compat for Node: everything the browser entry has, with the WebSocketPeer of
// Godot's native build (handshake headers, TLS, the server side, heartbeat, socket info).
import { nativeFeatures } from "./node-native.js";
import { WebSocketPeer as WebWebSocketPeer } from "./websocket-peer.js";

export * from "./index.js";
export { Crypto, CryptoKey, X509Certificate } from "./node-crypto.js";

export class WebSocketPeer extends WebWebSocketPeer {
  constructor() {
    super(nativeFeatures);
  }
}
