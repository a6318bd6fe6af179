// @wsport/godot-compat for Node: everything the browser entry has, with the WebSocketPeer of
// Godot's native build (handshake headers, TLS, the server side, heartbeat, socket info).
import { NATIVE } from "./native.js";
import { nativeFeatures } from "./node-native.js";
import { WebSocketMultiplayerPeer as WebWebSocketMultiplayerPeer } from "./websocket-multiplayer-peer.js";
import { WebSocketPeer as WebWebSocketPeer } from "./websocket-peer.js";

export * from "./index.js";
export { Crypto, CryptoKey, X509Certificate } from "./node-crypto.js";

export class WebSocketPeer extends WebWebSocketPeer {
  static override [NATIVE] = nativeFeatures;
}

/** Its connections are the native WebSocketPeer above, so it can also be a server. */
export class WebSocketMultiplayerPeer extends WebWebSocketMultiplayerPeer {
  constructor() {
    super(() => new WebSocketPeer());
  }
}
