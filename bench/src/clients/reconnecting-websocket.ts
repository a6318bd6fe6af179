// reconnecting-websocket (partysocket's ancestor), as its README shows it.
import ReconnectingWebSocket from "reconnecting-websocket";
import { type ReconnectingClass, reconnectingClient, type WebSocketClass } from "./web-socket-api.ts";

export const reconnectingWebSocket = (webSocketClass?: WebSocketClass) =>
  reconnectingClient(
    "reconnecting-websocket",
    ReconnectingWebSocket as unknown as ReconnectingClass,
    webSocketClass,
  );
