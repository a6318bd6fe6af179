// @wsport/godot-compat: Godot 4's WebSocket networking, name for name.
export * from "./error.js";
export { MultiplayerAPI } from "./multiplayer-api.js";
export { MultiplayerPeer } from "./multiplayer-peer.js";
export { OfflineMultiplayerPeer } from "./offline-multiplayer-peer.js";
export { PackedByteArray, to_utf8_buffer } from "./packed-byte-array.js";
export { rpc } from "./rpc.js";
export type { RpcArgument, RpcConfig } from "./rpc-config.js";
export { type AuthCallback, type CommandHandler, SceneMultiplayer } from "./scene-multiplayer.js";
export { Node } from "./scene-node.js";
export { SceneTree } from "./scene-tree.js";
export {
  type Callable,
  CONNECT_DEFERRED,
  CONNECT_ONE_SHOT,
  CONNECT_PERSIST,
  CONNECT_REFERENCE_COUNTED,
  Signal,
} from "./signal.js";
export { StreamPeerTCP } from "./stream-peer-tcp.js";
export { TCPServer } from "./tcp-server.js";
export { type CryptoKey, TLSOptions, type X509Certificate } from "./tls-options.js";
export { bytes_to_var, type Variant, var_to_bytes } from "./variant.js";
export { WebSocketMultiplayerPeer } from "./websocket-multiplayer-peer.js";
export { WebSocketPeer } from "./websocket-peer.js";
