// What a game's TypeScript writes against @wsport/corona-compat, checked strict.
import WebSockets, { type WsEvent } from "@wsport/corona-compat";

const ws = WebSockets.new();

function WsHandler(event: WsEvent): void {
  if (event.type === ws.ONOPEN) ws.send("hi");
  else if (event.type === ws.ONMESSAGE) console.log(event.data);
  else if (event.type === ws.ONCLOSE) console.log(event.code, event.reason);
  else if (event.type === ws.ONERROR) console.log(event.code, event.reason);
}

ws.addEventListener(ws.WSEVENT, WsHandler);
ws.connect("ws://127.0.0.1:9080", { port: 9080 });
ws.send(new Uint8Array([1, 2]), ws.BINARY);
ws.disconnect();
