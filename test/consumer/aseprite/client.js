// Aseprite: WebSocket{...} with onreceive, one text message echoed back.
import { WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";

export function run(url, print) {
  return new Promise((resolve) => {
    const ws = WebSocket({
      url,
      onreceive(type, data) {
        if (type === WebSocketMessageType.OPEN) ws.sendText("hello from ", "aseprite");
        else if (type === WebSocketMessageType.TEXT) {
          ws.close();
          // A write to the read-only url shows the name V8 puts in its own error texts.
          let v8Error = "";
          try {
            ws.url = "ws://elsewhere";
          } catch (err) {
            v8Error = err.message;
          }
          resolve({ echo: data, printed: [print(ws), v8Error] });
        }
      },
    });
    ws.connect();
  });
}
