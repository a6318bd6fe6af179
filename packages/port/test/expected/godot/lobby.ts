import { Node, OK, rpc, Signal, WebSocketMultiplayerPeer } from "@wsport/godot-compat";
import type {} from "@wsport/godot-compat/rpc-callable";
import { gd, type Variant } from "@wsport/port-runtime";

export const PROTOCOL = "lobby";

export class Lobby extends Node {
  /// A lobby where players say hello: the host keeps the roster and tells everyone who joined.
  roster_changed = new Signal<[names: Variant[]]>("roster_changed");

  peer = WebSocketMultiplayerPeer.new();
  player_name = "anonymous";
  roster = gd.dict();
  chat: string[] = [];

  host(port: number): number {
    this.peer.supported_protocols = [PROTOCOL];
    const err = this.peer.create_server(port, "127.0.0.1");
    if (err === OK) {
      this.multiplayer.multiplayer_peer = this.peer;
      gd.set_index(this.roster, 1, this.player_name);
    }
    return err;
  }

  join(url: string): number {
    this.peer.supported_protocols = [PROTOCOL];
    const err = this.peer.create_client(url);
    if (err === OK) {
      this.multiplayer.multiplayer_peer = this.peer;
      this.multiplayer.connected_to_server.connect(this._on_connected);
    }
    return err;
  }

  _on_connected(): void {
    this.register.rpc_id(1, this.player_name);
  }

  // Runs on the host only: a client says who it is.
  @rpc("any_peer", "reliable")
  register(p_name: string): void {
    if (!gd.truthy(this.multiplayer.is_server())) {
      return;
    }
    const id = this.multiplayer.get_remote_sender_id();
    gd.set_index(this.roster, id, p_name);
    this.update_roster.rpc(gd.call(this.roster, "values"));
    this.say.rpc(gd.format("%s joined (%d players)", [p_name, gd.call(this.roster, "size")]));
  }

  @rpc("authority", "call_local", "reliable")
  update_roster(names: Variant[]): void {
    this.roster_changed.emit(names);
  }

  @rpc("any_peer", "call_local", "reliable")
  say(text: string): void {
    const from = this.multiplayer.get_remote_sender_id();
    gd.call(this.chat, "append", gd.format("[%d] %s", [from, text]));
  }

  leave(): void {
    this.peer.close();
  }
}

export default Lobby;
