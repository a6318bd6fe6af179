// Stand-ins for chat.tscn, client.tscn and server.tscn: the same node tree (names, default texts,
// the port 8000 and the "demo-chat" protocol) and the same signal connections as the scene files.
import { Button, type Control, LineEdit, Node, RichTextLabel, SpinBox } from "../stand-in/scene.ts";
import { Client } from "./client.ts";
import { Server } from "./server.ts";
import { WebSocketClient } from "./websocket/WebSocketClient.ts";
import { WebSocketServer } from "./websocket/WebSocketServer.ts";

/** chat.tscn: the panel both scenes share. */
function chat<T extends Control>(root: T) {
  const box = root.add_child(new Node("Panel")).add_child(new Node("VBoxContainer"));
  const connect = box.add_child(new Node("Connect"));
  const host = connect.add_child(new LineEdit("Host", "ws://localhost:8000/test/"));
  const connect_button = connect.add_child(new Button("Connect"));
  const port = connect.add_child(new SpinBox("Port", 8000));
  const listen = connect.add_child(new Button("Listen"));
  const send = box.add_child(new Node("Send"));
  const line_edit = send.add_child(new LineEdit("LineEdit"));
  const send_button = send.add_child(new Button("Send"));
  const log = box.add_child(new RichTextLabel("RichTextLabel"));
  return { root, host, connect_button, port, listen, line_edit, send_button, log };
}

/** client.tscn */
export function client_scene() {
  const root = new Client("Client");
  const ws = root.add_child(new WebSocketClient("WebSocketClient"));
  ws.supported_protocols = ["demo-chat"];
  const ui = chat(root);
  ws.connected_to_server.connect(() => root._on_web_socket_client_connected_to_server());
  ws.connection_closed.connect(() => root._on_web_socket_client_connection_closed());
  ws.message_received.connect((message) => root._on_web_socket_client_message_received(message as string));
  ui.connect_button.toggled.connect((pressed) => root._on_connect_toggled(pressed));
  ui.send_button.pressed.connect(() => root._on_send_pressed());
  return { ...ui, ws };
}

/** server.tscn */
export function server_scene() {
  const root = new Server("Server");
  const ws = root.add_child(new WebSocketServer("WebSocketServer"));
  ws.supported_protocols = ["demo-chat"];
  const ui = chat(root);
  ws.client_connected.connect((id) => root._on_web_socket_server_client_connected(id));
  ws.client_disconnected.connect((id) => root._on_web_socket_server_client_disconnected(id));
  ws.message_received.connect((id, message) =>
    root._on_web_socket_server_message_received(id, message as string),
  );
  ui.listen.toggled.connect((pressed) => root._on_listen_toggled(pressed));
  ui.send_button.pressed.connect(() => root._on_send_pressed());
  return { ...ui, ws };
}
