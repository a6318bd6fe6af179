// Puts the page together: a panel and a player per engine, the Phaser scene, the fault buttons.
import * as Phaser from "phaser";
import { readConfig, routeUrl } from "./config.ts";
import { ENGINES, type EngineId } from "./engines.ts";
import { FAULTS, type Fault } from "./faults.ts";
import { Panel } from "./panel.ts";
import { asepritePlayer } from "./players/aseprite.ts";
import { coronaPlayer } from "./players/corona.ts";
import { defoldPlayer } from "./players/defold.ts";
import { godotPlayer } from "./players/godot.ts";
import type { PlayerFactory } from "./players/player.ts";
import { GameLink } from "./protocol.ts";
import { ArenaScene, HELP_H, QUAD_H, QUAD_W, type Seat } from "./scene.ts";
import { HEIGHT, WIDTH } from "./world.ts";
import "./style.css";

const FACTORIES: Record<EngineId, PlayerFactory> = {
  defold: defoldPlayer,
  godot: godotPlayer,
  corona: coronaPlayer,
  aseprite: asepritePlayer,
};

const config = readConfig(location.search, import.meta.env);
const roomPath = `/room/${config.room}`;
const panelsEl = document.getElementById("panels")!;

const seats: Seat[] = ENGINES.map((info, i) => {
  const body = { x: (WIDTH / 5) * (i + 1), y: HEIGHT / 2 };
  const panel = new Panel(info, panelsEl);
  const player = FACTORIES[info.id](new GameLink(info.id, body, panel));
  return { info, body, panel, player };
});

function joinRoom() {
  for (const seat of seats)
    seat.player.join(routeUrl(config, roomPath), seat.panel.session(roomPath, "room"));
}

// --- fault buttons ---------------------------------------------------------------------------
const buttonsEl = document.getElementById("faults")!;
const statusEl = document.getElementById("fault-status")!;
const explainEl = document.getElementById("fault-explain")!;
const buttons: HTMLButtonElement[] = [];

function runFault(fault: Fault) {
  for (const b of buttons) b.disabled = true;
  statusEl.dataset.running = fault.id;
  statusEl.textContent = `All four players are on ${fault.route}; back to the room in ${fault.ms / 1000} s.`;
  explainEl.textContent = fault.explain;
  for (const seat of seats) {
    seat.player.leave();
    seat.player.join(routeUrl(config, fault.route), seat.panel.session(fault.route, "fault"));
  }
  setTimeout(() => {
    for (const seat of seats) seat.player.leave();
    joinRoom();
    for (const b of buttons) b.disabled = false;
    statusEl.dataset.running = "";
    statusEl.textContent = `Back in room “${config.room}”. The panels keep what ${fault.route} did.`;
  }, fault.ms);
}

for (const fault of FAULTS) {
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.fault = fault.id;
  button.textContent = fault.label;
  button.title = fault.explain;
  button.addEventListener("click", () => runFault(fault));
  buttonsEl.append(button);
  buttons.push(button);
}
document.getElementById("server")!.textContent = `${config.server} · room “${config.room}”`;

// --- start ----------------------------------------------------------------------------------
joinRoom();
setInterval(() => {
  const now = performance.now();
  for (const seat of seats) seat.panel.render(now);
}, 200);

new Phaser.Game({
  type: new URLSearchParams(location.search).get("renderer") === "canvas" ? Phaser.CANVAS : Phaser.AUTO,
  parent: "game",
  width: QUAD_W * 2,
  height: QUAD_H * 2 + HELP_H,
  backgroundColor: "#0d1017",
  scene: [new ArenaScene(seats)],
});
