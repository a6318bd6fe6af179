// The browser side: joins the server given as ?server=ws://…, calls ask() on it over an RPC and leaves
// what came back on window.__result.
import { OK, SceneTree, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import { Game } from "./game.ts";

declare global {
  interface Window {
    __result?: { echo?: string; error?: string };
  }
}

const tree = new SceneTree();
const game = new Game();
tree.root.add_child(game);
const peer = new WebSocketMultiplayerPeer();
const server = new URLSearchParams(location.search).get("server") ?? "";
if (peer.create_client(server) !== OK) window.__result = { error: "create_client failed" };
tree.get_multiplayer().multiplayer_peer = peer;
tree.get_multiplayer().connected_to_server.connect(() => game.ask.rpc_id(1, "hello from rpc"));
tree.get_multiplayer().connection_failed.connect(() => {
  window.__result = { error: "connection failed" };
});
const frame = setInterval(() => {
  tree.process(1 / 60);
  const answer = game.answers[0];
  if (answer !== undefined) {
    clearInterval(frame);
    window.__result = { echo: answer };
  }
}, 16);
