// Follows Godot's modules/multiplayer/scene_multiplayer.h (OfflineMultiplayerPeer).
// Godot 4's OfflineMultiplayerPeer: what a new SceneMultiplayer starts with. It is always
// connected, is the server (id 1) and has no peers, so single-player code runs unchanged.
import { type GodotError, OK } from "../core/error.js";
import {
  CONNECTION_CONNECTED,
  type ConnectionStatus,
  MultiplayerPeer,
  TRANSFER_MODE_RELIABLE,
  type TransferMode,
} from "../scene/multiplayer-peer.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";

export class OfflineMultiplayerPeer extends MultiplayerPeer {
  static new(): OfflineMultiplayerPeer {
    return new this();
  }

  poll(): void {}
  close(): void {}
  disconnect_peer(_id: number, _force = false): void {}
  get_connection_status(): ConnectionStatus {
    return CONNECTION_CONNECTED;
  }
  get_unique_id(): number {
    return 1; // TARGET_PEER_SERVER
  }
  is_server(): boolean {
    return true;
  }
  set_target_peer(_id: number): void {}
  get_packet_peer(): number {
    return 0;
  }
  get_packet_mode(): TransferMode {
    return TRANSFER_MODE_RELIABLE;
  }
  get_packet_channel(): number {
    return 0;
  }
  get_available_packet_count(): number {
    return 0;
  }
  get_packet(): PackedByteArray {
    return new PackedByteArray(0);
  }
  put_packet(_buffer: Uint8Array): GodotError {
    return OK;
  }
  get_packet_error(): GodotError {
    return OK;
  }
}
