// What a game's TypeScript writes against @wsport/defold-compat, checked strict.
import { type Connection, type ConnectParams, type EventData, websocket } from "@wsport/defold-compat";

// Params annotated with the package's own type: messages stay strings, an EventData callback fits.
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

// A script instance as `self`: the callback that declares it needs it as the 4th argument.
interface Script {
  url: string;
}
const script: Script = { url: "ws://127.0.0.1:9080" };
const withSelf = (self: Script, _conn: Connection, _data: EventData) => console.log(self.url);
websocket.connect(script.url, null, withSelf, script);
// Also without it: a script that runScript runs hands connect its own self, as Defold does.
websocket.connect(script.url, null, withSelf);

// Bytes only where they are asked for.
websocket.connect(script.url, { binary_as_bytes: true }, (_self, _conn, data) => {
  if (data.event === websocket.EVENT_MESSAGE)
    console.log(typeof data.message === "string" ? data.message : data.message.byteLength);
});

// @ts-expect-error 7 is no data type
websocket.send(conn, "x", { type: 7 });
websocket.disconnect(conn);
