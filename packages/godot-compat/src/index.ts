// @wsport/godot-compat: Godot 4's WebSocket networking, name for name.

export { Callable } from "./core/callable.js";
export * from "./core/error.js";
export { error_string, is_stdout_verbose, set_stdout_verbose } from "./core/global-scope.js";
export { GodotObject as Object } from "./core/object.js";
export {
  CONNECT_DEFERRED,
  CONNECT_ONE_SHOT,
  CONNECT_PERSIST,
  CONNECT_REFERENCE_COUNTED,
  type Connection,
  Signal,
} from "./core/signal.js";
export { Crypto } from "./crypto/crypto.js";
export { CryptoKey, X509Certificate } from "./crypto/crypto-resources.js";
export { HashingContext, type HashType } from "./crypto/hashing-context.js";
export { type Certificate, TLSOptions } from "./crypto/tls-options.js";
export { JSON } from "./io/json.js";
export { Marshalls } from "./io/marshalls.js";
export { PacketPeer } from "./io/packet-peer.js";
export { PacketPeerStream } from "./io/packet-peer-stream.js";
export { SocketServer } from "./io/socket-server.js";
export { StreamPeer } from "./io/stream-peer.js";
export { StreamPeerBuffer } from "./io/stream-peer-buffer.js";
export { type SocketStatus, StreamPeerSocket } from "./io/stream-peer-socket.js";
export { StreamPeerTCP } from "./io/stream-peer-tcp.js";
export { StreamPeerTLS, type TLSStatus } from "./io/stream-peer-tls.js";
export { TCPServer } from "./io/tcp-server.js";
export { MultiplayerSpawner, type SpawnFunction } from "./multiplayer/multiplayer-spawner.js";
export { MultiplayerSynchronizer } from "./multiplayer/multiplayer-synchronizer.js";
export { OfflineMultiplayerPeer } from "./multiplayer/offline-multiplayer-peer.js";
export { SceneTree } from "./multiplayer/register-types.js";
export { type AuthCallback, SceneMultiplayer } from "./multiplayer/scene-multiplayer.js";
export { SceneReplicationConfig } from "./multiplayer/scene-replication-config.js";
export type { ProcessMode } from "./scene/constants-of-node.js";
export { MultiplayerAPI } from "./scene/multiplayer-api.js";
export { type ConnectionStatus, MultiplayerPeer } from "./scene/multiplayer-peer.js";
export { Node } from "./scene/node.js";
export { load, PackedScene, preload, register_scene, type SceneFactory } from "./scene/packed-scene.js";
export { type MethodDecorator, rpc } from "./scene/rpc.js";
export type { RpcArgument, RpcConfig, RpcMode, TransferMode } from "./scene/rpc-config.js";
export { SceneTreeTimer } from "./scene/scene-tree-timer.js";
export * from "./variant/math-functions.js";
export { PackedByteArray, to_utf8_buffer } from "./variant/packed-byte-array.js";
export * from "./variant/utility-functions.js";
export { bytes_to_var, var_to_bytes } from "./variant/variant.js";
export * from "./variant/variant-ids.js";
export { str_to_var, var_to_str } from "./variant/variant-text.js";
export * from "./variant/variant-types.js";
export type { ReadyState } from "./websocket/session.js";
export { WebSocketMultiplayerPeer } from "./websocket/websocket-multiplayer-peer.js";
export { WebSocketPeer, type WriteMode } from "./websocket/websocket-peer.js";
