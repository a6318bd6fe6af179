// The pong page: builds the same SceneTree a Godot player would run (/root/Lobby, then /root/Pong
// when the server starts the match), hands it to Phaser, and wires the page's controls to the
// Lobby's Label, LineEdit and Button stand-ins. Game logic lives in ../scripts; this folder only
// draws and reads input.

import { SceneTree } from "@wsport/godot-compat";
import * as Phaser from "phaser";
import { VIEWPORT_SIZE } from "../engine/nodes.ts";
import { DEFAULT_PORT, Lobby } from "../scripts/lobby.ts";
import { CourtScene } from "./court-scene.ts";
import { Hud } from "./hud.ts";
import "../../style.css";
import "./pong.css";

/** ?server=ws://host:port/ wins; else the dedicated server on this page's host (LAN play). */
function serverAddress(): string {
  const given = new URLSearchParams(location.search).get("server");
  if (given) return given;
  const port = import.meta.env.VITE_PONG_PORT ?? String(DEFAULT_PORT);
  return `ws://${location.hostname || "127.0.0.1"}:${port}/`;
}

const tree = new SceneTree();
const lobby = new Lobby();
lobby.name = "Lobby";
lobby.address.text = serverAddress();
tree.get_root().add_child(lobby);

const hud = new Hud(tree, lobby);

new Phaser.Game({
  type: new URLSearchParams(location.search).get("renderer") === "canvas" ? Phaser.CANVAS : Phaser.AUTO,
  parent: "game",
  width: VIEWPORT_SIZE.x,
  height: VIEWPORT_SIZE.y,
  backgroundColor: "#0d1017",
  scene: [new CourtScene(tree, hud)],
});
