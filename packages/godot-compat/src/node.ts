// @wsport/godot-compat for Node: everything the browser entry has, with the WebSocketPeer of
// Godot's native build (handshake headers, TLS, the server side, heartbeat, socket info).
// Its WebSocketPeer and WebSocketMultiplayerPeer are subclasses of the browser entry's, but their
// published types are the browser entry's classes: the subclasses add no public member. They extend
// aliases of those classes (WebSocketPeerBase …), so that the build does not rename either class
// (users would see `WebSocketPeer2`). Crypto, CryptoKey and X509Certificate (crypto/node-crypto.ts) are
// made the same way.
import { OK } from "./core/error.js";
import { StreamPeerTLS } from "./io/stream-peer-tls.js";
import { nativeFeatures } from "./websocket/node-native.js";
import {
  type WebSocketMultiplayerPeer as WebMultiplayerPeer,
  WebSocketMultiplayerPeerBase,
} from "./websocket/websocket-multiplayer-peer.js";
import { type WebSocketPeer as WebPeer, WebSocketPeerBase } from "./websocket/websocket-peer.js";

export { Crypto, CryptoKey, X509Certificate } from "./crypto/node-crypto.js";
export * from "./index.js";

export type WebSocketPeer = WebPeer;
export const WebSocketPeer: typeof WebPeer = class WebSocketPeer extends WebSocketPeerBase {
  static override _native = nativeFeatures;
};

export type WebSocketMultiplayerPeer = WebMultiplayerPeer;
/** Its connections are the native WebSocketPeer above, so it can also be a server, over TLS too. */
export const WebSocketMultiplayerPeer: typeof WebMultiplayerPeer = class WebSocketMultiplayerPeer extends WebSocketMultiplayerPeerBase {
  constructor() {
    super(
      () => new WebSocketPeer(),
      (tcp, options) => {
        const tls = new StreamPeerTLS();
        return tls.accept_stream(tcp, options) === OK ? tls : null;
      },
    );
  }
};
