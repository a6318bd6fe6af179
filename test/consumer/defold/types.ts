// What a game's TypeScript writes against @wsport/defold-compat, checked strict.
import { type Connection, type ConnectParams, type EventData, websocket } from "@wsport/defold-compat";

const params: ConnectParams = { timeout: 3000, protocol: "chat" };

function callback(_self: undefined, conn: Connection, data: EventData): void {
  if (data.event === websocket.EVENT_CONNECTED)
    websocket.send(conn, "hi", { type: websocket.DATA_TYPE_TEXT });
  else if (data.event === websocket.EVENT_MESSAGE) {
    const text: string = data.message;
    console.log(text.length);
  } else if (data.event === websocket.EVENT_DISCONNECTED) console.log(data.code);
  else if (data.event === websocket.EVENT_ERROR) console.log(data.message, data.handshake_response?.status);
}

const conn: Connection = websocket.connect("ws://127.0.0.1:9080", params, callback);
websocket.disconnect(conn);
