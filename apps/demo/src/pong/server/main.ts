// The dedicated server: what `godot --headless -- --port=8910` would run for this game. No page,
// no drawing: a SceneTree holding the same Lobby script the players run, told to host(), and a
// main loop that runs one frame (SceneTree.process, which polls the multiplayer peer) 60 times a
// second. Options:
//   --port=N          the port to listen on (default 8910)
//   --bind=ADDRESS    the address to listen on ("*" for every interface; default 127.0.0.1)
//   --score-to-win=N  points that win a match (default 10)
//   --ball-speed=N    the ball's serving speed in pixels per second (default 240)
import { MultiplayerPeer, OK, SceneTree } from "@wsport/godot-compat";
import { DEFAULT_PORT, Lobby } from "../scripts/lobby.ts";

const FRAME_RATE = 60;

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

function positiveInteger(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer, got "${option(name, "")}".`);
    process.exit(2);
  }
  return value;
}

const port = positiveInteger("port", DEFAULT_PORT);
const bind = option("bind", "127.0.0.1");

const tree = new SceneTree();
const lobby = new Lobby();
lobby.name = "Lobby";
lobby.score_to_win = positiveInteger("score-to-win", 10);
lobby.ball_speed = positiveInteger("ball-speed", 240);
tree.get_root().add_child(lobby);

if (lobby.host(port, bind) !== OK) {
  console.error(lobby.status_fail.text);
  process.exit(1);
}
// Node binds the port just after create_server returns; a taken port shows as the peer dropping.
lobby.multiplayer.server_disconnected.connect(() => {
  console.error(`Could not listen on ${bind}:${port}.`);
  process.exit(1);
});

let last = performance.now();
const frames = setInterval(() => {
  const now = performance.now();
  tree.process((now - last) / 1000);
  last = now;
}, 1000 / FRAME_RATE);

setTimeout(() => {
  if (lobby.peer?.get_connection_status() !== MultiplayerPeer.CONNECTION_CONNECTED) return;
  // The launcher waits for this line.
  const host = bind === "*" ? "0.0.0.0" : bind;
  console.log(
    `Pong dedicated server listening on ws://${host}:${port}/ (first to ${lobby.score_to_win}, ball ${lobby.ball_speed} px/s)`,
  );
}, 250);

function stop(): void {
  clearInterval(frames);
  lobby.peer?.close();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
