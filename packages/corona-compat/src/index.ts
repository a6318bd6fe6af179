// `import WebSockets from "@wsport/corona-compat"` is what `require("plugin.websockets")` returns.
import { newClient } from "./client.js";
import type { WebSocketClient } from "./types.js";

export type {
  CloseEvent,
  ConnectOptions,
  ErrorEvent,
  MessageEvent,
  OpenEvent,
  WebSocketClient,
  WsEvent,
  WsListener,
} from "./types.js";

const WebSockets: { new: () => WebSocketClient } = {
  /** A new client; like the plugin, it ignores any arguments. */
  new: () => newClient(),
};

export default WebSockets;
