import { WebSocket, WebSocketMessageType } from "@wsport/aseprite-compat";
import { type LuaValue, lua } from "@wsport/port-runtime";
import { app, Dialog } from "../../engine/aseprite.ts";

// Tells a helper program which sprite is open and shows its answers in a dialog.
let ws: LuaValue;
const dlg: LuaValue = Dialog("Sprite share");
const answers: LuaValue = {};

function show(text: LuaValue) {
  answers[lua.len(answers) + 1] = text;
  dlg.modify({ id: "status", text });
}

function describe(sprite: LuaValue) {
  if (!lua.truthy(sprite)) {
    return lua.ret("none", 0, 0);
  }
  return lua.ret(sprite.filename, sprite.width, sprite.height);
}

function on_receive(kind: LuaValue, data: LuaValue) {
  if (kind === WebSocketMessageType.OPEN) {
    show("connected");
    const [name, w, h]: LuaValue[] = lua.values(3, ...lua.all(describe(app.activeSprite)));
    ws.sendText(lua.concat("sprite ", name, " ", w, "x", h));
  } else if (kind === WebSocketMessageType.TEXT) {
    show(lua.concat("got ", data));
    if (lua.truthy(lua.first(lua.method(data, "find", "^bye")))) {
      ws.close();
    }
  } else if (kind === WebSocketMessageType.CLOSE) {
    show(lua.concat("closed after ", lua.len(answers), " lines"));
  }
}

const url: LuaValue = lua.concat("ws://127.0.0.1:", lua.or(app.params.port, "9080"), "/");
ws = WebSocket({ url, onreceive: lua.fn(on_receive), deflate: false });
dlg.label({ id: "status", text: "connecting" });
dlg.button({
  text: "Close",
  onclick: lua.fn(() => {
    ws.close();
    dlg.close();
  }),
});
dlg.show({ wait: false });
ws.connect();
