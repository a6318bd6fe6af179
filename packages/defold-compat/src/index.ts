// @wsport/defold-compat: Defold's extension-websocket, name for name.

export { type InputAction, runScript, type ScriptFunctions, type ScriptInstance } from "./script.js";
export type {
  Callback,
  ConnectedData,
  Connection,
  ConnectParams,
  DisconnectedData,
  ErrorData,
  EventData,
  HandshakeResponse,
  MessageData,
  MessageOf,
  SendOptions,
} from "./types.js";
export { websocket } from "./websocket.js";
