// Port of defold/extension-websocket examples/websocket.gui_script.
import { type Connection, type EventData, websocket } from "@wsport/defold-compat";
import { type GuiNode, gui, msg, os, tostring, vmath } from "../stand-in/engine.ts";

let URL = "echo.websocket.org";
//URL = "defold.com"

export interface Self {
  connect_ws_node: GuiNode;
  connect_wss_node: GuiNode;
  send_node: GuiNode;
  close_node: GuiNode;
  connection_text: GuiNode;
  connection: Connection | undefined;
  url: string;
  ws?: { step(): void; close(): void };
}

function click_button(node: GuiNode, action: Action) {
  return gui.is_enabled(node) && action.pressed && gui.pick_node(node, action.x, action.y);
}

function update_gui(self: Self) {
  if (self.connection) {
    gui.set_enabled(self.connect_ws_node, false);
    gui.set_enabled(self.connect_wss_node, false);
    gui.set_enabled(self.send_node, true);
    gui.set_enabled(self.close_node, true);
    gui.set_enabled(self.connection_text, true);
    gui.set_text(self.connection_text, "Connected to " + self.url);
  } else {
    gui.set_enabled(self.connect_ws_node, true);
    gui.set_enabled(self.connect_wss_node, true);
    gui.set_enabled(self.send_node, false);
    gui.set_enabled(self.close_node, false);
    gui.set_enabled(self.connection_text, true);
    gui.set_text(self.connection_text, "Connect to " + URL);
  }
}

const LOG_LINES: string[] = [];
function log(...args: unknown[]) {
  let text = os.date("%H:%M:%S") + " ";
  const len = args.length;
  for (let i = 1; i <= len; i++) {
    text = text + tostring(args[i - 1]) + (i === len ? "" : ", ");
  }
  LOG_LINES.push(text);
  if (LOG_LINES.length > 20) {
    LOG_LINES.splice(0, 1);
  }
  let s = "";
  for (const line of LOG_LINES) {
    s = s + line + "\n";
  }
  const node = gui.get_node("log");
  gui.set_text(node, s);
}

export function init(self: Self) {
  msg.post(".", "acquire_input_focus");
  msg.post("@render:", "clear_color", { color: vmath.vector4(0.2, 0.4, 0.8, 1.0) });
  self.connect_ws_node = gui.get_node("connect_ws/button");
  self.connect_wss_node = gui.get_node("connect_wss/button");
  self.send_node = gui.get_node("send/button");
  self.close_node = gui.get_node("close/button");
  self.connection_text = gui.get_node("connection_text");
  self.connection = undefined;
  update_gui(self);
}

export function final(self: Self) {
  msg.post(".", "release_input_focus");
}

export function update(self: Self, dt: number) {
  if (self.ws) {
    self.ws.step();
  }
}

function websocket_callback(self: Self, conn: Connection, data: EventData) {
  if (data.event === websocket.EVENT_DISCONNECTED) {
    log("Disconnected: " + tostring(conn) + " Code: " + data.code + " Message: " + tostring(data.message));
    self.connection = undefined;
    update_gui(self);
  } else if (data.event === websocket.EVENT_CONNECTED) {
    update_gui(self);
    log("Connected: " + tostring(conn));
  } else if (data.event === websocket.EVENT_ERROR) {
    log("Error: '" + tostring(data.message) + "'");
    if (data.handshake_response) {
      const response = data.handshake_response;
      log("Handshake response status: '" + tostring(response.status) + "'");
      for (const [key, value] of Object.entries(response.headers)) {
        log("Handshake response header: '" + key + ": " + value + "'");
      }
      log("Handshake response body: '" + tostring(response.response) + "'");

      const status = response.status;
      if (status === 301 || status === 302 || status === 303 || status === 307 || status === 308) {
        const location = response.headers.location!;
        URL = location.match(/https+:\/\/(.*)\/+/)?.[1] as string;
        log("Handshake redirect to:", response.headers.location);
        update_gui(self);
        return;
      }
    }
  } else if (data.event === websocket.EVENT_MESSAGE) {
    log("Receiving: '" + tostring(data.message) + "'");
  }
}

function connect(self: Self, scheme: string) {
  const params = {};

  self.url = scheme + "://" + URL;
  log("Connecting to " + self.url);
  self.connection = websocket.connect(self.url, params, websocket_callback);
}

function disconnect(self: Self) {
  if (self.connection !== undefined) {
    websocket.disconnect(self.connection);
  }
  self.connection = undefined;
}

interface Action {
  pressed: boolean;
  x: number;
  y: number;
}

export function on_input(self: Self, action_id: string | undefined, action: Action) {
  if (click_button(self.connect_ws_node, action)) {
    connect(self, "ws");
  } else if (click_button(self.connect_wss_node, action)) {
    connect(self, "wss");
  } else if (click_button(self.close_node, action)) {
    disconnect(self);
  } else if (click_button(gui.get_node("send/button"), action)) {
    const message_to_send = "sending to server";
    const [ok, was_clean, code, reason]: unknown[] = [websocket.send(self.connection!, message_to_send)];
    log("Sending '" + message_to_send + "'", ok, was_clean, code, reason);
  } else if (click_button(gui.get_node("close/button"), action)) {
    log("Closing");
    self.ws!.close();
  }
}

// The one non-syntax edit (see README.md): the tests point URL at the loopback server.
export function use_url(url: string) {
  URL = url;
}
