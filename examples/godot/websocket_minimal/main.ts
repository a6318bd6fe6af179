// Stand-in for Main.tscn: the Server and Client nodes, a log label for each (%TextServer,
// %TextClient, unique names in the scene) and the Ping / Pong buttons wired to the scripts as the
// scene file wires them.
import { Button, Control, named, RichTextLabel, VBoxContainer } from "../stand-in/ui.ts";
import { Client } from "./client.ts";
import { Server } from "./server.ts";

export function main() {
  const root = named(new Control(), "Main");
  const server = named(new Server(), "Server");
  const client = named(new Client(), "Client");
  const ui = named(new VBoxContainer(), "UI");
  const text_server = named(new RichTextLabel(), "TextServer");
  const text_client = named(new RichTextLabel(), "TextClient");
  const button_ping = named(new Button(), "ButtonPing");
  const button_pong = named(new Button(), "ButtonPong");
  root.add_child(server);
  root.add_child(client);
  root.add_child(ui);
  for (const control of [text_server, text_client, button_ping, button_pong]) ui.add_child(control);
  // What instantiating the scene file does: the scene's root owns every node in it.
  for (const node of [server, client, ui, text_server, text_client, button_ping, button_pong])
    node.owner = root;
  text_server.unique_name_in_owner = true;
  text_client.unique_name_in_owner = true;
  button_ping.pressed.connect(client._on_button_ping_pressed);
  button_pong.pressed.connect(server._on_button_pong_pressed);
  return { root, server, client, text_server, text_client, button_ping, button_pong };
}
