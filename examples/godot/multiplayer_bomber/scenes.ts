// The demo's scenes (lobby.tscn, world.tscn, player.tscn, bomb.tscn, rock.tscn) built in code: the same node
// names, positions, replication configs, animations' method tracks and signal connections, with the stand-ins
// of engine.ts. register_scene gives world, player and bomb the paths the scripts load them by; the autoload
// (project.godot's gamestate) and the lobby (the main scene) go under /root of each game's SceneTree.
import {
  MultiplayerSynchronizer,
  register_scene,
  SceneReplicationConfig,
  SceneTree,
  Vector2,
} from "@wsport/godot-compat";
import { useGamestate } from "./autoload.js";
import { Bomb } from "./bomb.js";
import { BombSpawner } from "./bomb_spawner.js";
import {
  AcceptDialog,
  AnimationPlayer,
  Button,
  type Game,
  ItemList,
  Label,
  LineEdit,
  Node2D,
  named,
  Panel,
  Sprite2D,
  TileMap,
} from "./engine.js";
import { Gamestate } from "./gamestate.js";
import { Lobby } from "./lobby.js";
import { Player } from "./player.js";
import { PlayerControls } from "./player_controls.js";
import { PlayerSpawner } from "./player_spawner.js";
import { Rock } from "./rock.js";
import { Score } from "./score.js";

function at<T extends Node2D>(node: T, x: number, y: number): T {
  node.position = new Vector2(x, y);
  return node;
}

function config(...properties: [path: string, spawn: boolean, mode: number][]): SceneReplicationConfig {
  const replication = new SceneReplicationConfig();
  for (const [path, spawn, mode] of properties) {
    replication.add_property(path);
    replication.property_set_spawn(path, spawn);
    replication.property_set_replication_mode(path, mode);
  }
  return replication;
}

const { REPLICATION_MODE_NEVER: NEVER, REPLICATION_MODE_ALWAYS: ALWAYS } = SceneReplicationConfig;
const ROCKS = [
  [120, 72],
  [264, 168],
  [264, 120],
  [216, 72],
  [264, 72],
  [312, 72],
  [552, 168],
  [600, 168],
  [552, 216],
  [264, 312],
  [120, 360],
  [168, 360],
  [216, 360],
  [120, 264],
  [168, 216],
  [72, 360],
  [72, 312],
  [72, 264],
  [360, 360],
  [408, 360],
  [504, 360],
  [600, 360],
  [648, 360],
  [504, 456],
  [552, 456],
  [552, 408],
  [360, 456],
  [360, 504],
  [264, 504],
  [264, 552],
  [168, 456],
  [168, 504],
  [72, 552],
  [120, 552],
  [504, 552],
  [600, 552],
  [648, 552],
  [648, 504],
  [456, 216],
  [360, 216],
  [360, 168],
  [456, 120],
  [456, 408],
  [456, 456],
  [456, 504],
  [600, 264],
  [600, 72],
  [408, 72],
  [792, 168],
  [744, 168],
  [744, 264],
  [792, 264],
  [744, 360],
  [744, 408],
  [792, 552],
  [840, 552],
  [840, 504],
  [840, 312],
  [840, 264],
  [840, 216],
  [840, 120],
  [792, 72],
  [840, 72],
  [936, 216],
  [936, 264],
  [936, 408],
  [888, 456],
  [936, 456],
  [792, 456],
  [840, 456],
] as const;
const SPAWN_POINTS = [
  [72, 72],
  [264, 216],
  [72, 456],
  [360, 552],
  [840, 360],
  [456, 264],
  [696, 264],
  [744, 456],
  [312, 456],
  [696, 72],
  [504, 72],
  [936, 72],
] as const;

/** rock.tscn */
function instantiateRock(): Rock {
  return named(
    new Rock(),
    "Rock",
    named(new Sprite2D(), "Sprite"),
    named(new AnimationPlayer({ explode: { length: 1, methods: [[1, "queue_free"]] } }), "AnimationPlayer"),
  );
}

/** world.tscn */
function instantiateWorld(): Node2D {
  const winner = named(new Label(), "Winner", named(new Button(), "ExitGame"));
  const score = named(new Score(), "Score");
  const world = named(
    new Node2D(),
    "World",
    named(new TileMap(), "Layer0"),
    named(
      new Node2D(),
      "SpawnPoints",
      ...SPAWN_POINTS.map(([x, y], i) => named(at(new Node2D(), x, y), String(i))),
    ),
    named(new Node2D(), "Rocks", ...ROCKS.map(([x, y], i) => named(at(instantiateRock(), x, y), `Rock${i}`))),
    named(new Node2D(), "Players"),
    score,
    winner,
    named(new PlayerSpawner(), "PlayerSpawner"),
    named(new BombSpawner(), "BombSpawner"),
  );
  (world.get_node("PlayerSpawner") as PlayerSpawner).spawn_path = "../Players";
  (world.get_node("BombSpawner") as BombSpawner).spawn_path = "..";
  (winner.get_node("ExitGame") as Button).pressed.connect(score._on_exit_game_pressed);
  return world;
}

/** player.tscn */
function instantiatePlayer(): Player {
  const sync = named(new MultiplayerSynchronizer(), "MultiplayerSynchronizer");
  sync.replication_config = config([".:synced_position", true, ALWAYS], ["label:text", true, NEVER]);
  const inputsSync = named(new MultiplayerSynchronizer(), "InputsSync");
  inputsSync.replication_config = config([".:motion", true, ALWAYS], [".:bombing", true, ALWAYS]);
  const walk = { length: 0.8 };
  return named(
    new Player(),
    "player",
    named(new Sprite2D(), "sprite"),
    named(
      new AnimationPlayer({
        standing: walk,
        walk_up: walk,
        walk_down: walk,
        walk_left: walk,
        walk_right: walk,
        stunned: { length: 1 },
      }),
      "anim",
    ),
    named(new Label(), "label"),
    sync,
    named(new PlayerControls(), "Inputs", inputsSync),
  );
}

/** bomb.tscn */
function instantiateBomb(): Bomb {
  const bomb = named(
    new Bomb(),
    "Bomb",
    named(new Sprite2D(), "Sprite"),
    named(
      new AnimationPlayer(
        {
          anim: {
            length: 4,
            methods: [
              [2.8, "explode"],
              [3.4, "done"],
            ],
          },
        },
        "anim",
      ),
      "AnimationPlayer",
    ),
  );
  bomb.body_entered.connect(bomb._on_bomb_body_enter);
  bomb.body_exited.connect(bomb._on_bomb_body_exit);
  return bomb;
}

register_scene("res://world.tscn", instantiateWorld);
register_scene("res://player.tscn", instantiatePlayer);
register_scene("res://bomb.tscn", instantiateBomb);

/** lobby.tscn */
function instantiateLobby(): Lobby {
  const line = (name: string, text: string) => Object.assign(named(new LineEdit(), name), { text });
  const lobby = named(
    new Lobby(),
    "Lobby",
    named(new Panel(), "Players", named(new Button(), "Start"), named(new ItemList(), "List")),
    named(
      new Panel(),
      "Connect",
      line("Name", "The Warrior"),
      line("IPAddress", "127.0.0.1"),
      named(new Button(), "Host"),
      named(new Button(), "Join"),
      named(new Label(), "ErrorLabel"),
    ),
    named(new AcceptDialog(), "ErrorDialog"),
  );
  (lobby.get_node("Players") as Panel).hide();
  (lobby.get_node("Players/Start") as Button).pressed.connect(lobby._on_start_pressed);
  (lobby.get_node("Connect/Host") as Button).pressed.connect(lobby._on_host_pressed);
  (lobby.get_node("Connect/Join") as Button).pressed.connect(lobby._on_join_pressed);
  return lobby;
}

export interface BomberGame extends Game {
  gamestate: Gamestate;
  lobby: Lobby;
}

/** One running copy of the project: a SceneTree with the gamestate autoload and the lobby as main scene. */
export function startGame(): BomberGame {
  const tree = new SceneTree();
  const gamestate = named(new Gamestate(), "gamestate");
  useGamestate(gamestate);
  tree.root.add_child(gamestate);
  const lobby = instantiateLobby();
  tree.root.add_child(lobby);
  return { tree, gamestate, lobby, held: new Set(), enter: () => useGamestate(gamestate) };
}
