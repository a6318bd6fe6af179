// The scene both sides of the replication benchmark build (a Godot game's shape): a Game with a Players
// branch that a MultiplayerSpawner fills with one Player per peer, each with a MultiplayerSynchronizer that
// sends its position and the time the owner stamped it (ALWAYS, 30 times a second) from the player's peer.
import {
  MultiplayerSpawner,
  MultiplayerSynchronizer,
  Node,
  SceneReplicationConfig,
  SceneTree,
  Vector2,
} from "@wsport/godot-compat";

/** Updates per second each player sends. */
export const UPDATES_PER_SECOND = 30;

export class BenchPlayer extends Node {
  position = new Vector2();
  /** performance.now() in the owner's process when it last moved (all clients share one process). */
  stamp = 0.5;
  readonly sync = new MultiplayerSynchronizer();
  constructor() {
    super();
    const config = new SceneReplicationConfig();
    config.add_property(".:position");
    config.add_property(".:stamp");
    this.sync.name = "Sync";
    this.sync.replication_config = config;
    // Silent while everyone joins; the benchmark sets 1 / UPDATES_PER_SECOND when it starts.
    this.sync.replication_interval = 1e6;
    this.add_child(this.sync);
  }
  _enter_tree(): void {
    this.set_multiplayer_authority(Number(this.name));
  }
}

export interface BenchGame {
  tree: SceneTree;
  players: Node;
}

export function newBenchGame(): BenchGame {
  const tree = new SceneTree();
  const game = new Node();
  game.name = "Game";
  const players = new Node();
  players.name = "Players";
  const spawner = new MultiplayerSpawner();
  spawner.name = "Spawner";
  game.add_child(players);
  game.add_child(spawner);
  spawner.spawn_path = "../Players";
  spawner.spawn_function = (id: number) => {
    const player = new BenchPlayer();
    player.name = String(id);
    return player;
  };
  tree.root.add_child(game);
  return { tree, players };
}
