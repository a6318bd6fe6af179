// @wsport/godot-compat: Godot 4's WebSocket networking, name for name.
export * from "./error.js";
export { PackedByteArray, to_utf8_buffer } from "./packed-byte-array.js";
export { StreamPeerTCP } from "./stream-peer-tcp.js";
export { TCPServer } from "./tcp-server.js";
export { type CryptoKey, TLSOptions, type X509Certificate } from "./tls-options.js";
export { bytes_to_var, type Variant, var_to_bytes } from "./variant.js";
export { WebSocketPeer, type WriteMode } from "./websocket-peer.js";
