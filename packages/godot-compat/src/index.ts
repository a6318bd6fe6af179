// @wsport/godot-compat: Godot 4's WebSocket networking, name for name.
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
export { PackedByteArray, to_utf8_buffer } from "./packed-byte-array.js";
export { StreamPeerTCP } from "./stream-peer-tcp.js";
export { TCPServer } from "./tcp-server.js";
export { type CryptoKey, TLSOptions, type X509Certificate } from "./tls-options.js";
export { bytes_to_var, type Variant, var_to_bytes } from "./variant.js";
export { WebSocketPeer } from "./websocket-peer.js";
