// @wsport/godot-compat for Node: everything the browser entry has, with the WebSocketPeer of
// Godot's native build (handshake headers, TLS, the server side, heartbeat, socket info).
// The classes below extend aliases of the browser entry's classes of the same name, so that the
// build does not have to rename either of them (users would see `WebSocketPeer2`).
import { OK } from "./core/error.js";
import { StreamPeerTLS } from "./io/stream-peer-tls.js";
import { nativeFeatures } from "./websocket/node-native.js";
import { WebSocketMultiplayerPeerBase } from "./websocket/websocket-multiplayer-peer.js";
import { WebSocketPeerBase } from "./websocket/websocket-peer.js";

export { Crypto, CryptoKey, X509Certificate } from "./crypto/node-crypto.js";
export * from "./index.js";

export class WebSocketPeer extends WebSocketPeerBase {
  /** @internal */
  static override _native = nativeFeatures;
}

/** Its connections are the native WebSocketPeer above, so it can also be a server, over TLS too. */
export class WebSocketMultiplayerPeer extends WebSocketMultiplayerPeerBase {
  constructor() {
    super(
      () => new WebSocketPeer(),
      (tcp, options) => {
        const tls = new StreamPeerTLS();
        return tls.accept_stream(tcp, options) === OK ? tls : null;
      },
    );
  }
}
