// @wsport/godot-compat: Godot 4's WebSocket networking, name for name.

export { Crypto, HashingContext } from "./crypto.js";
export { CryptoKey, X509Certificate } from "./crypto-resources.js";
export * from "./error.js";
export { PackedByteArray, to_utf8_buffer } from "./packed-byte-array.js";
export { StreamPeer } from "./stream-peer.js";
export { StreamPeerBuffer } from "./stream-peer-buffer.js";
export { StreamPeerTCP } from "./stream-peer-tcp.js";
export { StreamPeerTLS } from "./stream-peer-tls.js";
export { TCPServer } from "./tcp-server.js";
export { TLSOptions } from "./tls-options.js";
export { bytes_to_var, var_to_bytes } from "./variant.js";
export * from "./variant-ids.js";
export * from "./variant-types.js";
export { WebSocketPeer } from "./websocket-peer.js";
