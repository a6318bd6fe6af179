// @wsport/aseprite-compat: Aseprite's scripting WebSocket, name for name.
export type { Part } from "./lua-string.js";
export { MessageType, WebSocketMessageType } from "./message-type.js";
export { WebSocket, type WebSocketConstructor, type WebSocketOptions } from "./websocket.js";
