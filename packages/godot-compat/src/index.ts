// @wsport/godot-compat: Godot 4's WebSocket networking, name for name.

export { Crypto, HashingContext } from "./crypto.js";
export { CryptoKey, X509Certificate } from "./crypto-resources.js";
export * from "./error.js";
export {
  error_string,
  is_stdout_verbose,
  print_verbose,
  push_error,
  push_warning,
  set_stdout_verbose,
  str,
} from "./global-scope.js";
export { MultiplayerAPI } from "./multiplayer-api.js";
export { MultiplayerPeer } from "./multiplayer-peer.js";
export { OfflineMultiplayerPeer } from "./offline-multiplayer-peer.js";
export { PackedByteArray, to_utf8_buffer } from "./packed-byte-array.js";
export { type MethodDecorator, rpc } from "./rpc.js";
export type { RpcArgument, RpcConfig, RpcMode, TransferMode } from "./rpc-config.js";
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
export { StreamPeer } from "./stream-peer.js";
export { StreamPeerBuffer } from "./stream-peer-buffer.js";
export { StreamPeerTCP } from "./stream-peer-tcp.js";
export { StreamPeerTLS } from "./stream-peer-tls.js";
export { TCPServer } from "./tcp-server.js";
export { type Certificate, TLSOptions } from "./tls-options.js";
export { bytes_to_var, var_to_bytes } from "./variant.js";
export * from "./variant-ids.js";
export * from "./variant-types.js";
export { WebSocketMultiplayerPeer } from "./websocket-multiplayer-peer.js";
export { WebSocketPeer, type WriteMode } from "./websocket-peer.js";
