// @wsport/godot-compat for Node: everything the browser entry has, with the WebSocketPeer of
// Godot's native build (handshake headers, TLS, the server side, heartbeat, socket info).
import { nativeFeatures } from "./node-native.js";
import { WebSocketPeerBase } from "./websocket-peer.js";

export * from "./index.js";

export class WebSocketPeer extends WebSocketPeerBase {
  constructor() {
    super(nativeFeatures);
  }
}
