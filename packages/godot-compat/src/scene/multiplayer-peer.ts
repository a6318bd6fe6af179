// Follows Godot's scene/main/multiplayer_peer.cpp, core/io/packet_peer.cpp.
// Godot 4's MultiplayerPeer (with the PacketPeer methods it inherits): the transport under a
// MultiplayerAPI. Peers are numbered: 1 is the server, clients get a random id of at least 2, and
// a negative target means "everyone but that peer".
import { describe } from "@wsport/core/internal";
import { constantsOnInstances } from "../core/class-constants.js";
import { printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import { PacketPeer } from "../io/packet-peer.js";

/** A whole number a peer id or target can be (Godot's ids are 32-bit signed). */
export function isPeerId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= -0x80000000 && (value as number) <= 0x7fffffff;
}

// The values other modules compare against (plain constants keep those modules tree-shakable).
export const CONNECTION_DISCONNECTED = 0;
export const CONNECTION_CONNECTING = 1;
export const CONNECTION_CONNECTED = 2;
export const TRANSFER_MODE_UNRELIABLE = 0;
export const TRANSFER_MODE_UNRELIABLE_ORDERED = 1;
export const TRANSFER_MODE_RELIABLE = 2;

/** MultiplayerPeer.TransferMode: TRANSFER_MODE_UNRELIABLE (0), _UNRELIABLE_ORDERED (1) or _RELIABLE (2). */
export type TransferMode = 0 | 1 | 2;
/** MultiplayerPeer.ConnectionStatus: CONNECTION_DISCONNECTED (0), _CONNECTING (1) or _CONNECTED (2). */
export type ConnectionStatus = 0 | 1 | 2;

export abstract class MultiplayerPeer extends PacketPeer {
  static readonly CONNECTION_DISCONNECTED = CONNECTION_DISCONNECTED;
  static readonly CONNECTION_CONNECTING = CONNECTION_CONNECTING;
  static readonly CONNECTION_CONNECTED = CONNECTION_CONNECTED;
  static readonly TARGET_PEER_BROADCAST = 0;
  static readonly TARGET_PEER_SERVER = 1;
  static readonly TRANSFER_MODE_UNRELIABLE = TRANSFER_MODE_UNRELIABLE;
  static readonly TRANSFER_MODE_UNRELIABLE_ORDERED = TRANSFER_MODE_UNRELIABLE_ORDERED;
  static readonly TRANSFER_MODE_RELIABLE = TRANSFER_MODE_RELIABLE;
  declare readonly CONNECTION_DISCONNECTED: typeof MultiplayerPeer.CONNECTION_DISCONNECTED;
  declare readonly CONNECTION_CONNECTING: typeof MultiplayerPeer.CONNECTION_CONNECTING;
  declare readonly CONNECTION_CONNECTED: typeof MultiplayerPeer.CONNECTION_CONNECTED;
  declare readonly TARGET_PEER_BROADCAST: typeof MultiplayerPeer.TARGET_PEER_BROADCAST;
  declare readonly TARGET_PEER_SERVER: typeof MultiplayerPeer.TARGET_PEER_SERVER;
  declare readonly TRANSFER_MODE_UNRELIABLE: typeof MultiplayerPeer.TRANSFER_MODE_UNRELIABLE;
  declare readonly TRANSFER_MODE_UNRELIABLE_ORDERED: typeof MultiplayerPeer.TRANSFER_MODE_UNRELIABLE_ORDERED;
  declare readonly TRANSFER_MODE_RELIABLE: typeof MultiplayerPeer.TRANSFER_MODE_RELIABLE;

  /** A peer connected (on a client: only the server, id 1). */
  readonly peer_connected = new Signal<[id: number]>("peer_connected");
  readonly peer_disconnected = new Signal<[id: number]>("peer_disconnected");

  /** @internal How many MultiplayerAPIs hold this peer; the last one to let go closes it. */
  _holders = 0;

  constructor() {
    super();
    constantsOnInstances(MultiplayerPeer);
  }

  #transferMode: TransferMode = TRANSFER_MODE_RELIABLE;
  #transferChannel = 0;
  #refusing = false;

  /** How the next put_packet travels. */
  get transfer_mode(): TransferMode {
    return this.#transferMode;
  }
  set transfer_mode(mode: TransferMode) {
    this.set_transfer_mode(mode);
  }
  get_transfer_mode(): TransferMode {
    return this.#transferMode;
  }
  set_transfer_mode(mode: TransferMode): void {
    if (mode === 0 || mode === 1 || mode === 2) this.#transferMode = mode;
    else printError(`Invalid transfer_mode ${describe(mode)}: use a TRANSFER_MODE_* constant.`);
  }

  /** The channel of the next put_packet (0-255). */
  get transfer_channel(): number {
    return this.#transferChannel;
  }
  set transfer_channel(channel: number) {
    this.set_transfer_channel(channel);
  }
  get_transfer_channel(): number {
    return this.#transferChannel;
  }
  set_transfer_channel(channel: number): void {
    if (Number.isInteger(channel) && channel >= 0 && channel <= 255) this.#transferChannel = channel;
    else printError(`Invalid transfer_channel ${describe(channel)}: it must be from 0 to 255.`);
  }

  /** A server that refuses new connections keeps the peers it has. */
  get refuse_new_connections(): boolean {
    return this.#refusing;
  }
  set refuse_new_connections(refuse: boolean) {
    this.set_refuse_new_connections(refuse);
  }
  is_refusing_new_connections(): boolean {
    return this.#refusing;
  }
  set_refuse_new_connections(enable: boolean): void {
    if (typeof enable === "boolean") this.#refusing = enable;
    else printError(`refuse_new_connections must be a bool, got ${describe(enable)}.`);
  }

  /** A random id from 2 to 2147483647 (Godot keeps it positive: a negative target excludes). */
  generate_unique_id(): number {
    const word = new Uint32Array(1);
    let id = 0;
    while (id < 2) id = crypto.getRandomValues(word)[0]! & 0x7fffffff;
    return id;
  }

  /** Whether a MultiplayerAPI may relay client-to-client messages through the server. */
  is_server_relay_supported(): boolean {
    return false;
  }

  abstract poll(): void;
  abstract close(): void;
  abstract disconnect_peer(id: number, force?: boolean): void;
  abstract get_connection_status(): ConnectionStatus;
  abstract get_unique_id(): number;
  abstract is_server(): boolean;
  abstract set_target_peer(id: number): void;
  abstract get_packet_peer(): number;
  abstract get_packet_mode(): TransferMode;
  abstract get_packet_channel(): number;
}
