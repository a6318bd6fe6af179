// Godot 4's MultiplayerAPI: what a game talks to (`multiplayer` in GDScript). SceneMultiplayer is
// the implementation; this holds what every MultiplayerAPI shares: its signals and constants.
import { constantsOnInstances } from "./class-constants.js";
import type { GodotError } from "./error.js";
import type { MultiplayerPeer } from "./multiplayer-peer.js";
import { printError } from "./print.js";
import type { Node } from "./scene-node.js";
import { Signal } from "./signal.js";

/** What create_default_interface() builds; the first SceneMultiplayer (a SceneTree makes one) names it. */
let defaultInterface: (() => MultiplayerAPI) | null = null;

export function setDefaultInterface(create: () => MultiplayerAPI): void {
  defaultInterface = create;
}

export abstract class MultiplayerAPI {
  static readonly RPC_MODE_DISABLED = 0;
  static readonly RPC_MODE_ANY_PEER = 1;
  static readonly RPC_MODE_AUTHORITY = 2;
  declare readonly RPC_MODE_DISABLED: typeof MultiplayerAPI.RPC_MODE_DISABLED;
  declare readonly RPC_MODE_ANY_PEER: typeof MultiplayerAPI.RPC_MODE_ANY_PEER;
  declare readonly RPC_MODE_AUTHORITY: typeof MultiplayerAPI.RPC_MODE_AUTHORITY;

  readonly peer_connected = new Signal<[id: number]>("peer_connected");
  readonly peer_disconnected = new Signal<[id: number]>("peer_disconnected");
  /** A client reached the server (and, with auth_callback, both sides completed authentication). */
  readonly connected_to_server = new Signal<[]>("connected_to_server");
  /** A client's connection attempt failed. */
  readonly connection_failed = new Signal<[]>("connection_failed");
  /** A connected client lost its server. */
  readonly server_disconnected = new Signal<[]>("server_disconnected");

  constructor() {
    // On the first instance rather than at load, so that a bundle which never makes one can drop the class.
    if (!Object.hasOwn(MultiplayerAPI.prototype, "RPC_MODE_DISABLED")) constantsOnInstances(MultiplayerAPI);
  }

  /** The peer this API sends through; null detaches it. */
  abstract get multiplayer_peer(): MultiplayerPeer | null;
  abstract set multiplayer_peer(peer: MultiplayerPeer | null);

  /** Reads the network and emits the signals. Call it every frame (Godot's SceneTree does). */
  abstract poll(): GodotError;
  abstract get_unique_id(): number;
  abstract get_peers(): number[];
  abstract get_remote_sender_id(): number;

  /** A new API of the default kind (SceneMultiplayer), as Godot's `MultiplayerAPI.create_default_interface()`. */
  static create_default_interface(): MultiplayerAPI {
    if (defaultInterface === null)
      printError("No default MultiplayerAPI yet: create a SceneTree (or a SceneMultiplayer) first.");
    return defaultInterface?.() as MultiplayerAPI;
  }

  /** Calls `method` on `object` on peer `peer` (0: every peer); what Node.rpc_id() does. */
  abstract rpc(peer: number, object: Node, method: string, arguments_?: unknown[]): GodotError;

  has_multiplayer_peer(): boolean {
    return this.multiplayer_peer !== null;
  }

  is_server(): boolean {
    return this.get_unique_id() === 1;
  }
}
