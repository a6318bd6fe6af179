// The scene every replication test builds on each peer (Node tests, browser tests, and the Node server the
// browsers join): an Arena with a Players branch its PlayerSpawner fills from "res://player.tscn", a Npcs
// branch (server-owned "res://npc.tscn") and a Bombs branch its BombSpawner fills with spawn(data).
// A Player belongs to the peer its name says (set in _enter_tree, as Godot's tutorials do); its
// synchronizer sends position and the label's text (ALWAYS) and score (ON_CHANGE).
import {
  MultiplayerSpawner,
  MultiplayerSynchronizer,
  Node,
  preload,
  register_scene,
  rpc,
  SceneReplicationConfig,
  Vector2,
} from "@wsport/godot-compat";

export const PLAYER_SCENE = "res://player.tscn";
export const NPC_SCENE = "res://npc.tscn";

/** A node with a text, like a Label. */
export class Tag extends Node {
  text = "";
}

/** position and Label:text every frame (and in the spawn), score when it changes. */
function playerConfig(): SceneReplicationConfig {
  const config = new SceneReplicationConfig();
  config.add_property(".:position");
  config.add_property("Label:text");
  config.add_property(".:score");
  config.property_set_replication_mode(".:score", SceneReplicationConfig.REPLICATION_MODE_ON_CHANGE);
  config.property_set_spawn(".:score", false);
  return config;
}

export class Player extends Node {
  position = new Vector2(0, 0);
  score = 0;
  /** The position the node had in _ready (the spawn state arrives before it). */
  positionAtReady: Vector2 | null = null;
  readonly label = new Tag();
  readonly sync = new MultiplayerSynchronizer();

  constructor() {
    super();
    this.label.name = "Label";
    this.add_child(this.label);
    this.sync.name = "Sync";
    this.sync.replication_config = playerConfig();
    this.add_child(this.sync);
  }

  _enter_tree(): void {
    const id = Number(this.name);
    if (Number.isInteger(id) && id > 0) this.set_multiplayer_authority(id);
  }

  _ready(): void {
    this.positionAtReady = new Vector2(this.position.x, this.position.y);
  }
}

/** Owned by the server: its state travels in the spawn and in every SYNC. */
export class Npc extends Player {
  /** What the server said to this NPC's copy (an RPC). */
  heard: string[] = [];
  override _enter_tree(): void {}

  @rpc("reliable")
  say(text: string): void {
    this.heard.push(text);
  }
}

export class Bomb extends Node {
  position = new Vector2(0, 0);
  owner_id = 0;
}

register_scene(PLAYER_SCENE, () => new Player());
register_scene(NPC_SCENE, () => new Npc());

export class Arena extends Node {
  readonly players = new Node();
  readonly npcs = new Node();
  readonly bombs = new Node();
  readonly playerSpawner = new MultiplayerSpawner();
  readonly npcSpawner = new MultiplayerSpawner();
  readonly bombSpawner = new MultiplayerSpawner();
  /** Nodes the spawners' signals reported, as [signal, node name]. */
  readonly log: [string, string][] = [];

  constructor() {
    super();
    for (const [node, name] of [
      [this.players, "Players"],
      [this.npcs, "Npcs"],
      [this.bombs, "Bombs"],
      [this.playerSpawner, "PlayerSpawner"],
      [this.npcSpawner, "NpcSpawner"],
      [this.bombSpawner, "BombSpawner"],
    ] as const) {
      node.name = name;
      this.add_child(node);
    }
    this.playerSpawner.spawn_path = "../Players";
    this.playerSpawner.add_spawnable_scene(PLAYER_SCENE);
    this.npcSpawner.spawn_path = "../Npcs";
    this.npcSpawner.add_spawnable_scene(NPC_SCENE);
    this.bombSpawner.spawn_path = "../Bombs";
    this.bombSpawner.spawn_function = (data) => {
      const [x, y, owner] = data as [number, number, number];
      const bomb = new Bomb();
      bomb.position = new Vector2(x, y);
      bomb.owner_id = owner;
      return bomb;
    };
    for (const spawner of [this.playerSpawner, this.npcSpawner, this.bombSpawner]) {
      spawner.spawned.connect((node) => this.log.push(["spawned", node.name]));
      spawner.despawned.connect((node) => this.log.push(["despawned", node.name]));
    }
  }

  /** On the server: a player for peer `id` (the spawner sends it to everyone). */
  add_player(id: number): Player {
    const player = preload(PLAYER_SCENE)!.instantiate() as Player;
    player.name = String(id);
    this.players.add_child(player, true);
    return player;
  }

  /** On the server: an NPC (`setup` runs before it enters the tree, where it is spawned). */
  add_npc(name: string, x: number, y: number, text: string, setup?: (npc: Npc) => void): Npc {
    const npc = preload(NPC_SCENE)!.instantiate() as Npc;
    npc.name = name;
    npc.position = new Vector2(x, y);
    npc.label.text = text;
    setup?.(npc);
    this.npcs.add_child(npc, true);
    return npc;
  }

  player(id: number): Player | null {
    return this.players.get_node_or_null(String(id)) as Player | null;
  }

  npc(name: string): Npc | null {
    return this.npcs.get_node_or_null(name) as Npc | null;
  }
}
