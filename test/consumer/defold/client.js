// Defold: connect, send one text message, read its echo, disconnect.
import { websocket } from "@wsport/defold-compat";

export function run(url, print) {
  return new Promise((resolve, reject) => {
    const connection = websocket.connect(url, { timeout: 5000 }, (_self, conn, data) => {
      if (data.event === websocket.EVENT_CONNECTED) {
        websocket.send(conn, "hello from defold", { type: websocket.DATA_TYPE_TEXT });
      } else if (data.event === websocket.EVENT_MESSAGE) {
        websocket.disconnect(conn);
        // Lua's tostring(conn) of the handle, and how the runtime prints the module table.
        resolve({ echo: data.message, printed: [String(connection), print(websocket)] });
      } else if (data.event === websocket.EVENT_ERROR) {
        reject(new Error(data.message));
      }
    });
  });
}
