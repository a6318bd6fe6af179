// Defold's websocket.connect / send with a callback. `binary_as_bytes` keeps binary frames as the
// exact bytes (the binary-protocol path); the default would hand the callback a decoded string.
import { websocket } from "@wsport/defold-compat";
import type { ClientKind } from "./types.ts";

export const defold: ClientKind = {
  name: "@wsport/defold-compat",
  note: "Defold: websocket.connect(url, { binary_as_bytes: true }, callback); send() with the default binary type.",
  open(url, onReply) {
    return new Promise((resolve, reject) => {
      const connection = websocket.connect(url, { binary_as_bytes: true }, (_self, conn, data) => {
        if (data.event === websocket.EVENT_MESSAGE) onReply();
        else if (data.event === websocket.EVENT_CONNECTED)
          resolve({
            send: (payload) =>
              websocket.send(
                conn,
                payload,
                typeof payload === "string" ? { type: websocket.DATA_TYPE_TEXT } : undefined,
              ),
            close: () => websocket.disconnect(conn),
          });
        else if (data.event === websocket.EVENT_ERROR) reject(new Error(data.message));
      });
      void connection;
    });
  },
};
