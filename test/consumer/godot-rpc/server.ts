// The Node side: a Godot-style dedicated server on the port given as argv[2]; prints "listening" once
// it is, then answers every ask() until it is stopped.
import { OK, SceneTree, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import { Game } from "./game.ts";

const tree = new SceneTree();
tree.root.add_child(new Game());
const peer = new WebSocketMultiplayerPeer();
if (peer.create_server(Number(process.argv[2]), "127.0.0.1") !== OK) process.exit(1);
tree.get_multiplayer().multiplayer_peer = peer;
console.log("listening");
setInterval(() => tree.process(1 / 60), 16);
