// partysocket's WebSocket (a reconnecting drop-in for the browser's), as its README shows it.
import { WebSocket as PartySocket } from "partysocket";
import { type ReconnectingClass, reconnectingClient, type WebSocketClass } from "./web-socket-api.ts";

export const partysocket = (webSocketClass?: WebSocketClass) =>
  reconnectingClient("partysocket", PartySocket as unknown as ReconnectingClass, webSocketClass);
