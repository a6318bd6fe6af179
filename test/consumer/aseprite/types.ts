// What a plugin's TypeScript writes against @wsport/aseprite-compat, checked strict.
import { WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";

const ws: WebSocket = WebSocket({
  url: "ws://127.0.0.1:9080",
  onreceive(type, data, error) {
    if (type === WebSocketMessageType.OPEN) ws.sendText("hi ", 42);
    else if (type === WebSocketMessageType.TEXT) console.log(data);
    else if (type === WebSocketMessageType.ERROR) console.log(error);
  },
  minreconnectwait: 0.5,
});
ws.connect();
ws.sendBinary(new Uint8Array([1]));
ws.close();
