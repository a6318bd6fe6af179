// Stand-in for Main.tscn: the Server and Client nodes, a log label for each (%TextServer,
// %TextClient) and the Ping / Pong buttons wired to the scripts as the scene file wires them.
import { Button, Control, Node, RichTextLabel } from "../stand-in/scene.ts";
import { Client } from "./client.ts";
import { Server } from "./server.ts";

export function main() {
  const root = new Control("Main");
  const server = root.add_child(new Server("Server"));
  const client = root.add_child(new Client("Client"));
  const ui = root.add_child(new Node("UI"));
  const text_server = ui.add_child(new RichTextLabel("TextServer"));
  const text_client = ui.add_child(new RichTextLabel("TextClient"));
  const button_ping = ui.add_child(new Button("ButtonPing"));
  const button_pong = ui.add_child(new Button("ButtonPong"));
  button_ping.pressed.connect(() => client._on_button_ping_pressed());
  button_pong.pressed.connect(() => server._on_button_pong_pressed());
  return { root, server, client, text_server, text_client, button_ping, button_pong };
}
