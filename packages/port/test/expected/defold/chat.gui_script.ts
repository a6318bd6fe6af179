import { websocket } from "@wsport/defold-compat";
import { type LuaValue, lua } from "@wsport/port-runtime";
import { gui, hash, msg } from "../../engine/defold.ts";

// A small chat panel: connects when told to, sends what the player typed,
// and shows the last few lines in the "log" text node.
const MAX_LINES: LuaValue = 4;

function add_line(self: LuaValue, text: LuaValue) {
  lua.table.insert(self.lines, text);
  if (lua.len(self.lines) > MAX_LINES) {
    lua.table.remove(self.lines, 1); // drop the oldest
  }
  gui.set_text(gui.get_node("log"), lua.table.concat(self.lines, "\n"));
}

function on_socket(self: LuaValue, conn: LuaValue, data: LuaValue) {
  if (data.event === websocket.EVENT_CONNECTED) {
    self.connected = true;
    add_line(self, "connected");
    websocket.send(conn, lua.concat("hello from ", self.name));
  } else if (data.event === websocket.EVENT_MESSAGE) {
    self.received = lua.add(self.received, 1);
    add_line(self, lua.string.format("%d: %s", self.received, data.message));
  } else if (data.event === websocket.EVENT_DISCONNECTED) {
    self.connected = false;
    add_line(self, lua.concat("disconnected (", lua.tostring(data.code), ")"));
  } else if (data.event === websocket.EVENT_ERROR) {
    add_line(self, lua.concat("error: ", lua.tostring(data.message)));
  }
}

export function init(self: LuaValue) {
  self.lines = {};
  self.received = 0;
  self.connected = false;
  self.name = lua.concat("player", 1);
  msg.post(".", "acquire_input_focus");
}

export function on_message(self: LuaValue, message_id: LuaValue, message: LuaValue, sender: LuaValue) {
  if (message_id === hash("connect")) {
    self.conn = websocket.connect(message.url, { protocol: "chat" }, on_socket);
  } else if (lua.truthy(message_id === hash("say") && self.connected)) {
    // trim the text the way the old UI did
    const text: LuaValue = lua.first(
      lua.method(lua.first(lua.method(message.text, "gsub", "^%s+", "")), "gsub", "%s+$", ""),
    );
    if (lua.len(text) > 0) {
      websocket.send(self.conn, text);
    }
  }
}

export function on_input(self: LuaValue, action_id: LuaValue, action: LuaValue) {
  if (lua.truthy(action_id === hash("quit") && action.released)) {
    websocket.disconnect(self.conn);
    self.conn = undefined;
    return true;
  }
}

export function final(self: LuaValue) {
  if (lua.truthy(self.conn)) {
    websocket.disconnect(self.conn);
  }
  msg.post(".", "release_input_focus");
}
