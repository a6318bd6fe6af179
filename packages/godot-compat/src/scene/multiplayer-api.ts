// Follows Godot's scene/main/multiplayer_api.cpp.
// Godot 4's MultiplayerAPI: what a game talks to (`multiplayer` in GDScript). SceneMultiplayer is
// the implementation; this holds what every MultiplayerAPI shares: its signals and constants.
import { constantsOnInstances } from "../core/class-constants.js";
import type { GodotError } from "../core/error.js";
import { printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import type { MultiplayerPeer } from "./multiplayer-peer.js";

/** The MultiplayerAPI classes registered by name, as Godot's ClassDB knows them (multiplayer/register-types.ts). */
const interfaces = new Map<string, () => MultiplayerAPI>();
/** What create_default_interface() builds: Godot's default, "SceneMultiplayer". */
let defaultInterface = "SceneMultiplayer";

// The values other modules compare against (plain constants: reading a class's statics at load would keep it in bundles).
export const RPC_MODE_DISABLED = 0;
export const RPC_MODE_ANY_PEER = 1;
export const RPC_MODE_AUTHORITY = 2;

export abstract class MultiplayerAPI {
  static readonly RPC_MODE_DISABLED = RPC_MODE_DISABLED;
  static readonly RPC_MODE_ANY_PEER = RPC_MODE_ANY_PEER;
  static readonly RPC_MODE_AUTHORITY = RPC_MODE_AUTHORITY;
  declare readonly RPC_MODE_DISABLED: typeof MultiplayerAPI.RPC_MODE_DISABLED;
  declare readonly RPC_MODE_ANY_PEER: typeof MultiplayerAPI.RPC_MODE_ANY_PEER;
  declare readonly RPC_MODE_AUTHORITY: typeof MultiplayerAPI.RPC_MODE_AUTHORITY;

  constructor() {
    constantsOnInstances(MultiplayerAPI);
  }

  readonly peer_connected = new Signal<[id: number]>("peer_connected");
  readonly peer_disconnected = new Signal<[id: number]>("peer_disconnected");
  /** A client reached the server (and, with auth_callback, both sides completed authentication). */
  readonly connected_to_server = new Signal<[]>("connected_to_server");
  /** A client's connection attempt failed. */
  readonly connection_failed = new Signal<[]>("connection_failed");
  /** A connected client lost its server. */
  readonly server_disconnected = new Signal<[]>("server_disconnected");

  /** The peer this API sends through; null detaches it. */
  abstract get multiplayer_peer(): MultiplayerPeer | null;
  abstract set multiplayer_peer(peer: MultiplayerPeer | null);

  /** The multiplayer_peer property as Godot binds it: a setter method. */
  set_multiplayer_peer(peer: MultiplayerPeer | null): void {
    this.multiplayer_peer = peer;
  }
  get_multiplayer_peer(): MultiplayerPeer | null {
    return this.multiplayer_peer;
  }

  /** Reads the network and emits the signals. Call it every frame (Godot's SceneTree does). */
  abstract poll(): GodotError;
  abstract get_unique_id(): number;
  abstract get_peers(): number[];
  abstract get_remote_sender_id(): number;

  /** Names the class create_default_interface() builds; it must be a registered MultiplayerAPI. */
  static set_default_interface(interface_name: string): void {
    const name = String(interface_name);
    if (!interfaces.has(name)) {
      printError(
        `Can't make ${name} the default multiplayer interface since it does not extend MultiplayerAPI.`,
      );
      return;
    }
    defaultInterface = name;
  }

  /** The class create_default_interface() builds ("SceneMultiplayer" unless set_default_interface changed it). */
  static get_default_interface(): string {
    return defaultInterface;
  }

  /** A new API of the default kind (SceneMultiplayer), as Godot's `MultiplayerAPI.create_default_interface()`. */
  static create_default_interface(): MultiplayerAPI {
    return interfaces.get(defaultInterface)!();
  }

  /** @internal Registers a MultiplayerAPI class by name, as a Godot module's register_types does. */
  static _registerInterface(name: string, create: () => MultiplayerAPI): void {
    interfaces.set(name, create);
  }

  /** Calls `method` on `object` (a Node) on peer `peer` (0: every peer); what Node.rpc_id() does. */
  abstract rpc(peer: number, object: object, method: string, arguments_?: unknown[]): GodotError;

  /**
   * Tells the API about an object it serves. SceneTree calls it with its root node and the path of the
   * branch the API serves (Godot passes no object and reads the root from its one SceneTree).
   */
  abstract object_configuration_add(object: object | null, configuration: unknown): GodotError;
  /** Undoes object_configuration_add. */
  abstract object_configuration_remove(object: object | null, configuration: unknown): GodotError;

  has_multiplayer_peer(): boolean {
    return this.multiplayer_peer !== null;
  }

  is_server(): boolean {
    return this.get_unique_id() === 1;
  }
}
