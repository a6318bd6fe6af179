// Stand-ins for chat.tscn, client.tscn and server.tscn: the same node tree (names, default texts,
// the port 8000, the toggle buttons and the "demo-chat" protocol) and the same signal connections as
// the scene files.
import {
  Button,
  type Control,
  HBoxContainer,
  LineEdit,
  named,
  Panel,
  RichTextLabel,
  SpinBox,
  VBoxContainer,
} from "../stand-in/ui.ts";
import { Client } from "./client.ts";
import { Server } from "./server.ts";
import { WebSocketClient } from "./websocket/WebSocketClient.ts";
import { WebSocketServer } from "./websocket/WebSocketServer.ts";

/** chat.tscn: the panel both scenes share. */
function chat<T extends Control>(root: T) {
  const host = Object.assign(named(new LineEdit(), "Host"), { text: "ws://localhost:8000/test/" });
  const connect_button = Object.assign(named(new Button(), "Connect"), { toggle_mode: true });
  const port = Object.assign(named(new SpinBox(), "Port"), { value: 8000 });
  const listen = Object.assign(named(new Button(), "Listen"), { toggle_mode: true });
  const line_edit = named(new LineEdit(), "LineEdit");
  const send_button = named(new Button(), "Send");
  const log = named(new RichTextLabel(), "RichTextLabel");
  const connect = named(new HBoxContainer(), "Connect", host, connect_button, port, listen);
  const send = named(new HBoxContainer(), "Send", line_edit, send_button);
  root.add_child(
    named(new Panel(), "Panel", named(new VBoxContainer(), "VBoxContainer", connect, send, log)),
  );
  return { root, host, connect_button, port, listen, line_edit, send_button, log };
}

/** client.tscn */
export function client_scene() {
  const root = named(new Client(), "Client");
  const ws = Object.assign(named(new WebSocketClient(), "WebSocketClient"), {
    supported_protocols: ["demo-chat"],
  });
  root.add_child(ws);
  const ui = chat(root);
  ws.connected_to_server.connect(root._on_web_socket_client_connected_to_server);
  ws.connection_closed.connect(root._on_web_socket_client_connection_closed);
  ws.message_received.connect((message) => root._on_web_socket_client_message_received(message as string));
  ui.connect_button.toggled.connect(root._on_connect_toggled);
  ui.send_button.pressed.connect(root._on_send_pressed);
  return { ...ui, ws };
}

/** server.tscn */
export function server_scene() {
  const root = named(new Server(), "Server");
  const ws = Object.assign(named(new WebSocketServer(), "WebSocketServer"), {
    supported_protocols: ["demo-chat"],
  });
  root.add_child(ws);
  const ui = chat(root);
  ws.client_connected.connect(root._on_web_socket_server_client_connected);
  ws.client_disconnected.connect(root._on_web_socket_server_client_disconnected);
  ws.message_received.connect((id, message) =>
    root._on_web_socket_server_message_received(id, message as string),
  );
  ui.listen.toggled.connect(root._on_listen_toggled);
  ui.send_button.pressed.connect(root._on_send_pressed);
  return { ...ui, ws };
}
