// The replication benchmark's server in a process of its own: "godot" is a SceneTree game on a
// WebSocketMultiplayerPeer (peer 1) that spawns a player for each peer and relays the players' SYNCs, as
// a Godot server does; "ws" is a bare ws server that sends every message to every other client (the most
// a relay can do). Its CPU time is read from outside (/proc), since a saturated server answers late.
import { OK, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import { WebSocketServer } from "ws";
import { newBenchGame } from "../replication-scene.ts";
import { reply, serve } from "./ipc.ts";

const kind = process.argv[2];

async function godotServer(): Promise<number> {
  const { createServer } = await import("node:net");
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
  const { tree } = newBenchGame();
  const peer = new WebSocketMultiplayerPeer();
  peer.inbound_buffer_size = 1 << 22;
  peer.outbound_buffer_size = 1 << 22;
  if (peer.create_server(port, "127.0.0.1") !== OK) throw new Error(`create_server(${port}) failed`);
  const multiplayer = tree.get_multiplayer();
  multiplayer.multiplayer_peer = peer;
  const spawner = tree.root.get_node("Game/Spawner") as import("@wsport/godot-compat").MultiplayerSpawner;
  multiplayer.peer_connected.connect((id) => spawner.spawn(id));
  multiplayer.peer_disconnected.connect((id) =>
    tree.root.get_node_or_null(`Game/Players/${id}`)?.queue_free(),
  );
  // A dedicated server polls often, so that relaying adds little delay (a frame every 2 ms).
  const loop = () => {
    tree.process(0.002);
    setTimeout(loop, 2);
  };
  loop();
  return port;
}

async function wsServer(): Promise<number> {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  wss.on("connection", (ws) => {
    ws.on("message", (data: Buffer) => {
      for (const other of wss.clients) if (other !== ws) other.send(data);
    });
  });
  await new Promise((resolve) => wss.once("listening", resolve));
  return (wss.address() as { port: number }).port;
}

const port = kind === "godot" ? await godotServer() : await wsServer();
serve(async () => ({}));
reply({ port });
