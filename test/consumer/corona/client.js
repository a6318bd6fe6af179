// Corona / Solar2D: plugin.websockets with one listener, one text message echoed back.
import WebSockets from "@wsport/corona-compat";

export function run(url, print) {
  const ws = WebSockets.new();
  return new Promise((resolve, reject) => {
    ws.addEventListener(ws.WSEVENT, (event) => {
      if (event.type === ws.ONOPEN) ws.send("hello from corona");
      else if (event.type === ws.ONMESSAGE) {
        ws.disconnect();
        // A Lua table prints as a table: a plain object, its methods under their own names.
        resolve({ echo: event.data, printed: [print(ws), ws.connect.name, ws.addEventListener.name] });
      } else if (event.type === ws.ONERROR) reject(new Error(event.reason));
    });
    ws.connect(url);
  });
}
