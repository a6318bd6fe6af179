import {
  load,
  type MultiplayerSpawner,
  Node,
  rpc,
  Signal,
  type Vector2,
  WebSocketMultiplayerPeer,
} from "@wsport/godot-compat";
import { assert, Color, hash, type Node2D, wrapf } from "./engine.js";
import type { Lobby } from "./lobby.js";
import type { Player } from "./player.js";
import type { Score } from "./score.js";

// Default game server port. Can be any number between 1024 and 49151.
// Not on the list of registered or common ports as of May 2024:
// https://en.wikipedia.org/wiki/List_of_TCP_and_UDP_port_numbers
const DEFAULT_PORT = 10567;

/** The maximum number of players. */
const MAX_PEERS = 12;

export class Gamestate extends Node {
  peer!: WebSocketMultiplayerPeer;

  /** Our local player's name. */
  player_name: string = "The Warrior";

  // Names for remote players in id:name format.
  players = new Map<number, string>();
  players_ready: number[] = [];

  // Signals to let lobby GUI know what's going on.
  readonly player_list_changed = new Signal<[]>("player_list_changed");
  readonly connection_failed = new Signal<[]>("connection_failed");
  readonly connection_succeeded = new Signal<[]>("connection_succeeded");
  readonly game_ended = new Signal<[]>("game_ended");
  readonly game_error = new Signal<[what: string]>("game_error");

  // Callback from SceneTree.
  _player_connected(id: number): void {
    // Registration of a client beings here, tell the connected player that we are here.
    this.register_player.rpc_id(id, this.player_name);
  }

  // Callback from SceneTree.
  _player_disconnected(id: number): void {
    if (this.has_node("/root/World")) {
      // Game is in progress.
      if (this.multiplayer.is_server()) {
        this.game_error.emit("Player " + this.players.get(id) + " disconnected");
        this.end_game();
      }
    } else {
      // Game is not in progress.
      // Unregister this player.
      this.unregister_player(id);
    }
  }

  // Callback from SceneTree, only for clients (not server).
  _connected_ok(): void {
    // We just connected to a server
    this.connection_succeeded.emit();
  }

  // Callback from SceneTree, only for clients (not server).
  _server_disconnected(): void {
    this.game_error.emit("Server disconnected");
    this.end_game();
  }

  // Callback from SceneTree, only for clients (not server).
  _connected_fail(): void {
    this.multiplayer.set_multiplayer_peer(null); // Remove peer
    this.connection_failed.emit();
  }

  // Lobby management functions.
  @rpc("any_peer")
  register_player(new_player_name: string): void {
    const id = this.multiplayer.get_remote_sender_id();
    this.players.set(id, new_player_name);
    this.player_list_changed.emit();
  }

  unregister_player(id: number): void {
    this.players.delete(id);
    this.player_list_changed.emit();
  }

  @rpc("call_local")
  load_world(): void {
    // Change scene.
    const world = load("res://world.tscn")!.instantiate() as Node2D;
    this.get_tree().get_root().add_child(world);
    (this.get_tree().get_root().get_node("Lobby") as Lobby).hide();

    // Set up score.
    (world.get_node("Score") as Score).add_player(this.multiplayer.get_unique_id(), this.player_name);
    for (const pn of this.players.keys()) {
      (world.get_node("Score") as Score).add_player(pn, this.players.get(pn)!);
    }

    // Unpause and unleash the game!
    this.get_tree().paused = false;
  }

  host_game(new_player_name: string): void {
    this.player_name = new_player_name;
    this.peer = WebSocketMultiplayerPeer.new();
    this.peer.create_server(DEFAULT_PORT);
    this.multiplayer.set_multiplayer_peer(this.peer);
  }

  join_game(ip: string, new_player_name: string): void {
    this.player_name = new_player_name;
    this.peer = WebSocketMultiplayerPeer.new();
    this.peer.create_client(`ws://${ip}:${DEFAULT_PORT}`);
    this.multiplayer.set_multiplayer_peer(this.peer);
  }

  get_player_list(): string[] {
    return [...this.players.values()];
  }

  begin_game(): void {
    assert(this.multiplayer.is_server());
    this.load_world.rpc();

    const world = this.get_tree().get_root().get_node("World") as Node2D;

    // Create a dictionary with peer ID. and respective spawn points.
    // TODO: This could be improved by randomizing spawn points for players.
    const spawn_points = new Map<number, number>();
    spawn_points.set(1, 0); // Server in spawn point 0.
    let spawn_point_idx = 1;
    for (const p of this.players.keys()) {
      spawn_points.set(p, spawn_point_idx);
      spawn_point_idx += 1;
    }

    const spawner = world.get_node("PlayerSpawner") as MultiplayerSpawner;
    for (const p_id of spawn_points.keys()) {
      const spawn_pos: Vector2 = (world.get_node("SpawnPoints/" + String(spawn_points.get(p_id))) as Node2D)
        .position;
      const player = spawner.spawn([spawn_pos, p_id]) as Player;
      player.set_player_name.rpc(
        p_id === this.multiplayer.get_unique_id() ? this.player_name : this.players.get(p_id)!,
      );
    }
  }

  end_game(): void {
    if (this.has_node("/root/World")) {
      // If the game is in progress, end it.
      this.get_node("/root/World").queue_free();
    }

    this.game_ended.emit();
    this.players.clear();
  }

  _ready(): void {
    this.multiplayer.peer_connected.connect(this._player_connected);
    this.multiplayer.peer_disconnected.connect(this._player_disconnected);
    this.multiplayer.connected_to_server.connect(this._connected_ok);
    this.multiplayer.connection_failed.connect(this._connected_fail);
    this.multiplayer.server_disconnected.connect(this._server_disconnected);
  }

  /** Returns an unique-looking player color based on the name's hash. */
  get_player_color(p_name: string): Color {
    return Color.from_hsv(wrapf(hash(p_name) * 0.001, 0.0, 1.0), 0.6, 1.0);
  }
}
