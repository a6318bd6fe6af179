// lobby.gd: connects, starts the match and ends it. The same script runs on both sides, as in a
// Godot project exported twice: the dedicated server (a headless Node process, see
// ../server/main.ts) calls host(); a player's page fills in the address and presses Join.
// The server admits two players, gives each a paddle (its multiplayer authority) and keeps the
// ball; a third player is told the game is full. When a player leaves, the other one's match ends.
import { CONNECT_DEFERRED, type GodotError, OK, rpc, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
// `method.rpc(...)`, Godot 4's Callable form, is typed for programs that opt in:
import type {} from "@wsport/godot-compat/rpc-callable";
import { print } from "../engine/global-scope.ts";
import { Button, Control, Label, LineEdit } from "../engine/nodes.ts";
import type { Ball } from "./ball.ts";
import type { Pong } from "./pong.ts";
import { PONG_SCENE } from "./scenes.ts";

export const DEFAULT_PORT = 8910;
/** Seconds a refused peer may stay before the server disconnects it. */
const REFUSED_GRACE = 2;

export class Lobby extends Control {
  readonly address = new LineEdit();
  readonly join_button = new Button();
  readonly status_ok = new Label();
  readonly status_fail = new Label();

  /** The match's rules; the dedicated server sets them and sends them with start_game. */
  score_to_win = 10;
  ball_speed = 240;

  /** On the server: the two players, in the order they came. */
  players: number[] = [];
  /** On a player's side: the other player's peer id once the match starts. */
  opponent = 0;
  /** Whether this peer is the dedicated server. */
  _hosting = false;
  /** On the server: refused peers and the seconds left before they are disconnected. */
  _refused = new Map<number, number>();
  peer: WebSocketMultiplayerPeer | null = null;

  _ready(): void {
    this.multiplayer.peer_connected.connect(this._player_connected);
    this.multiplayer.peer_disconnected.connect(this._player_disconnected);
    this.multiplayer.connected_to_server.connect(this._connected_ok);
    this.multiplayer.connection_failed.connect(this._connected_fail);
    this.multiplayer.server_disconnected.connect(this._server_disconnected);
    this.join_button.pressed.connect(this._on_join_pressed);
  }

  /** The dedicated server's start: listen, and wait for two players. */
  host(port = DEFAULT_PORT, bind_address = "*"): GodotError {
    this.peer = WebSocketMultiplayerPeer.new();
    const err = this.peer.create_server(port, bind_address);
    if (err !== OK) {
      this._set_status(`Can't host on port ${port} (error ${err}).`, false);
      return err;
    }
    this.multiplayer.multiplayer_peer = this.peer;
    this._hosting = true;
    this.join_button.set_disabled(true);
    this._set_status("Waiting for players...", true);
    return OK;
  }

  _process(delta: number): void {
    for (const [id, left] of this._refused) {
      if (left > delta) this._refused.set(id, left - delta);
      else {
        this._refused.delete(id);
        this.multiplayer.multiplayer_peer?.disconnect_peer(id);
      }
    }
  }

  // --- Network callbacks from the MultiplayerAPI ---

  _player_connected(id: number): void {
    if (!this._hosting) return; // a player learns of its opponent from start_game
    if (this.players.length >= 2) {
      print(`Peer ${id} refused: the game is full.`);
      this.game_full.rpc_id(id);
      // It leaves by itself on game_full; a peer that does not is let go a little later
      // (Godot's `await get_tree().create_timer(REFUSED_GRACE).timeout`).
      this._refused.set(id, REFUSED_GRACE);
      return;
    }
    this.players.push(id);
    print(`Player ${id} joined (${this.players.length}/2).`);
    const [left, right] = this.players;
    if (left !== undefined && right !== undefined)
      this.start_game.rpc(left, right, this.score_to_win, this.ball_speed);
  }

  _player_disconnected(id: number): void {
    if (this._hosting) {
      this._refused.delete(id);
      if (!this.players.includes(id)) return;
      this.players = this.players.filter((p) => p !== id);
      print(`Player ${id} left.`);
      // The other player ends its match and leaves too; until then its paddle's RPCs still find
      // /root/Pong here (Godot prints "Requested node was not found" for a freed node's calls).
      if (this.players.length === 0) this._end_game("Client disconnected");
      else (this.get_node_or_null("/root/Pong/Ball") as Ball | null)?.stop();
    } else if (id === this.opponent) {
      this._end_game("Opponent disconnected");
    }
  }

  /** Only on players: the server has given this peer its id. */
  _connected_ok(): void {
    this._set_status("Waiting for an opponent...", true);
  }

  /** Only on players. */
  _connected_fail(): void {
    this._set_status("Couldn't connect", false);
    this.multiplayer.multiplayer_peer = null;
    this.join_button.set_disabled(false);
  }

  /** Only on players. */
  _server_disconnected(): void {
    this._end_game("Server disconnected");
  }

  // --- RPCs: only the server (the lobby's authority, peer 1) may call them ---

  @rpc("reliable")
  game_full(): void {
    this._end_game("Game full: two players are already playing.");
  }

  @rpc("call_local", "reliable")
  start_game(left_id: number, right_id: number, score_to_win: number, ball_speed: number): void {
    const me = this.multiplayer.get_unique_id();
    this.opponent = me === left_id ? right_id : me === right_id ? left_id : 0;
    this._free_pong(); // a match whose remaining player never left
    const pong: Pong = PONG_SCENE.instantiate();
    pong.score_to_win = score_to_win;
    pong.ball_speed = ball_speed;
    // Each player steers one paddle; the ball stays the server's.
    pong.get_node("Left").set_multiplayer_authority(left_id);
    pong.get_node("Right").set_multiplayer_authority(right_id);
    // Deferred, so the callback can take the scene out of the tree.
    pong.game_finished.connect(this._end_game, CONNECT_DEFERRED);
    this.get_tree().get_root().add_child(pong);
    this.hide();
    this._set_status("", true);
  }

  // --- Game creation and end ---

  _end_game(with_error = ""): void {
    this._free_pong();
    this.show();
    if (!this._hosting) {
      this.multiplayer.multiplayer_peer = null;
      this.peer?.close();
      this.peer = null;
      this.opponent = 0;
      this.join_button.set_disabled(false);
    }
    this._set_status(with_error, false);
  }

  _free_pong(): void {
    const pong = this.get_node_or_null("/root/Pong");
    if (!pong) return;
    // Out of the tree at once, so no RPC reaches it any more; freed at the end of the frame.
    pong.get_parent()?.remove_child(pong);
    pong.queue_free();
  }

  _set_status(text: string, is_ok: boolean): void {
    this.status_ok.set_text(is_ok ? text : "");
    this.status_fail.set_text(is_ok ? "" : text);
  }

  _on_join_pressed(): void {
    const url = this.address.get_text().trim();
    this.peer = WebSocketMultiplayerPeer.new();
    const err = this.peer.create_client(url);
    if (err !== OK) {
      this._set_status(`"${url}" is not a WebSocket address.`, false);
      this.peer = null;
      return;
    }
    this.multiplayer.multiplayer_peer = this.peer;
    this.join_button.set_disabled(true);
    this._set_status("Connecting...", true);
  }
}
