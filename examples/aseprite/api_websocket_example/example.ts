// Port of the WebSocket() example in aseprite/api api/websocket.md (Aseprite 1.3: WebSocketMessageType).
import { WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";
import { print } from "../stand-in/app.ts";

function handleMessage(mt: number, data: string | Uint8Array) {
  if (mt === WebSocketMessageType.OPEN) {
    print("Connection open. Sending a message...");
    ws.sendText("Hello!");
  } else if (mt === WebSocketMessageType.TEXT) {
    print("Message recived: " + data);
    ws.close();
  } else if (mt === WebSocketMessageType.CLOSE) {
    print("Connection closed");
  }
}

export const ws = WebSocket({
  onreceive: handleMessage,
  url: "http://127.0.0.1:34613",
  deflate: false,
});
