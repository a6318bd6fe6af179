import WebSockets from "@wsport/corona-compat";
import { type LuaValue, lua } from "@wsport/port-runtime";
import { config, json, timer } from "../../engine/solar2d.ts";

//---------------------------------------------------------------------------
// Pings an echo server a few times with JSON and prints every echo.
//---------------------------------------------------------------------------

const ws: LuaValue = WebSockets.new();
let sent: LuaValue = 0;
let echoed: LuaValue = 0;
const COUNT: LuaValue = 3;

function send_next() {
  sent = sent + 1;
  ws.send(json.encode({ seq: sent, note: lua.concat("ping ", sent) }));
}

function onEvent(event: LuaValue) {
  if (event.type === ws.ONOPEN) {
    lua.print("open");
    send_next();
  } else if (event.type === ws.ONMESSAGE) {
    const reply: LuaValue = json.decode(event.data);
    echoed = echoed + 1;
    lua.print("echo", reply.seq, reply.note);
    if (echoed < COUNT) {
      timer.performWithDelay(10, send_next);
    } else {
      ws.disconnect();
    }
  } else if (event.type === ws.ONCLOSE) {
    lua.print("closed", event.code);
  } else if (event.type === ws.ONERROR) {
    lua.print("error", event.code, event.reason);
  }
}

ws.addEventListener(ws.WSEVENT, onEvent);
ws.connect(config.url);
