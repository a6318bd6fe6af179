// Follows Godot's modules/multiplayer/scene_multiplayer.cpp.
// Godot 4's SceneMultiplayer without RPC and replication: peers, authentication, raw packets
// (send_bytes / peer_packet) and the server relay, framed as Godot frames them (network-commands.ts)
// so a Godot 4 game and a wsport program can be each other's server or client.
// Layers built on top (cache, RPC, replication) plug in with SceneMultiplayer._attachLayer() and send
// with SceneMultiplayer._sendCommand().
import { describe } from "@wsport/core/internal";
import {
  ERR_BUG,
  ERR_FILE_CANT_WRITE,
  ERR_INVALID_DATA,
  ERR_INVALID_PARAMETER,
  ERR_UNAVAILABLE,
  ERR_UNCONFIGURED,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { Signal } from "../core/signal.js";
import { MultiplayerAPI } from "../scene/multiplayer-api.js";
import {
  CONNECTION_CONNECTED,
  CONNECTION_CONNECTING,
  CONNECTION_DISCONNECTED,
  isPeerId,
  MultiplayerPeer,
  TRANSFER_MODE_RELIABLE,
  type TransferMode,
} from "../scene/multiplayer-peer.js";
import { Node } from "../scene/node.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import { NodePath } from "../variant/variant-types.js";
import {
  CMD_MASK,
  NETWORK_COMMAND_RAW,
  NETWORK_COMMAND_SYS,
  SYS_CMD_SIZE,
  SYS_COMMAND_ADD_PEER,
  SYS_COMMAND_AUTH,
  SYS_COMMAND_DEL_PEER,
  SYS_COMMAND_RELAY,
} from "./network-commands.js";
import { OfflineMultiplayerPeer } from "./offline-multiplayer-peer.js";

/**
 * A layer built on top (the node path cache, RPC, replication, when a SceneTree uses this API): it
 * handles its own commands and hears about peers. Installed by SceneMultiplayer._attachLayer, so that a
 * game that only sends bytes does not carry their code in its bundle.
 */
export interface MultiplayerLayer {
  readonly commands: readonly number[];
  process(from: number, packet: Uint8Array): void;
  peerChanged(id: number, connected: boolean): void;
  clear(): void;
  /** Node.rpc_id() (the RPC layer). */
  rpcp?(node: Node, peer: number, method: string, args: readonly unknown[]): GodotError;
  /** Where node paths start: the branch's node, found when needed, and its absolute path. */
  setRoot?(root: () => Node | null, rootPath: string): void;
  /** A spawner's or synchronizer's configuration (the replication layer); null when it is not the layer's. */
  configure?(object: object | null, configuration: unknown, add: boolean): GodotError | null;
  /** At the end of each poll(), as Godot's replicator->on_network_process(). */
  networkProcess?(): void;
}

/** Makes the layers; multiplayer/register-types.ts installs it, so a bundle without a SceneTree leaves them out. */
let makeLayers: ((api: SceneMultiplayer) => void) | null = null;

/** Called with a peer's id and its authentication data (what it passed to send_auth). */
export type AuthCallback = (id: number, data: PackedByteArray) => unknown;
/** Handles one inbound command: the sender's id and the whole message, command byte first. */
type CommandHandler = (from: number, packet: PackedByteArray) => void;

interface PendingPeer {
  /** complete_auth was called here. */
  local: boolean;
  /** The other side called complete_auth. */
  remote: boolean;
  since: number;
}

/** [command, sys command, int32 peer id little-endian, ...payload] */
function sysMessage(sysCommand: number, peer: number, payload?: Uint8Array): PackedByteArray {
  const message = new PackedByteArray(SYS_CMD_SIZE + (payload?.length ?? 0));
  message[0] = NETWORK_COMMAND_SYS;
  message[1] = sysCommand;
  new DataView(message.buffer).setInt32(2, peer, true);
  if (payload !== undefined) message.set(payload, SYS_CMD_SIZE);
  return message;
}

export class SceneMultiplayer extends MultiplayerAPI {
  static new(): SceneMultiplayer {
    return new this();
  }

  /** send_bytes data from a peer. */
  readonly peer_packet = new Signal<[id: number, packet: PackedByteArray]>("peer_packet");
  /** A peer connected and must now authenticate (only with an auth_callback). */
  readonly peer_authenticating = new Signal<[id: number]>("peer_authenticating");
  /** A peer left, or timed out, before both sides completed authentication. */
  readonly peer_authentication_failed = new Signal<[id: number]>("peer_authentication_failed");

  #peer: MultiplayerPeer | null = null;
  #lastStatus = CONNECTION_DISCONNECTED;
  #pending = new Map<number, PendingPeer>();
  #connected = new Set<number>();
  #authCallback: AuthCallback | null = null;
  #authTimeoutMs = 3000;
  #serverRelay = true;
  #remoteSender = 0;
  /** While a call_local RPC runs here: get_remote_sender_id() is this peer's own id. */
  #senderOverride = 0;
  #quiet = false;
  #handlers = new Map<number, CommandHandler>();

  readonly #onPeerConnected = (id: number): void => this.#addPeer(id);
  readonly #onPeerDisconnected = (id: number): void => this.#delPeer(id);

  /** Attached in Godot's order (cache, RPC, replication): peers join them in this order and leave in reverse. */
  readonly #layers: MultiplayerLayer[] = [];
  #rpcLayer: MultiplayerLayer | null = null;
  #rootPath = "";
  #syncMtu = 1350;
  #deltaMtu = 65535;
  /** The tree root object_configuration_add was given: root_path is found from it. */
  #treeRoot: Node | null = null;
  #allowObjectDecoding = false;

  constructor() {
    super();
    this.multiplayer_peer = new OfflineMultiplayerPeer();
  }

  /** @internal How a SceneMultiplayer makes its layers when a SceneTree first configures it. */
  static _setLayerMaker(make: (api: SceneMultiplayer) => void): void {
    makeLayers = make;
  }

  /**
   * SceneTree.set_multiplayer calls it with the tree's root node and the absolute path of the branch this
   * API serves (node paths are relative to that branch); MultiplayerSpawner and MultiplayerSynchronizer
   * with a node and themselves, as in Godot. Anything else: ERR_INVALID_PARAMETER.
   */
  object_configuration_add(object: object | null, configuration: unknown): GodotError {
    if (object instanceof Node && typeof configuration === "string") {
      if (makeLayers === null) return ERR_UNAVAILABLE;
      if (this.#layers.length === 0) makeLayers(this);
      this.#treeRoot = object;
      this.#setRoot(configuration);
      return OK;
    }
    return this.#configure(object, configuration, true);
  }

  /** Undoes object_configuration_add (nothing to undo for a branch root). */
  object_configuration_remove(object: object | null, configuration: unknown): GodotError {
    if (object instanceof Node && typeof configuration === "string") return OK;
    return this.#configure(object, configuration, false);
  }

  #configure(object: object | null, configuration: unknown, add: boolean): GodotError {
    for (const layer of this.#layers) {
      const result = layer.configure?.(object, configuration, add);
      if (result !== undefined && result !== null) return result;
    }
    return ERR_INVALID_PARAMETER;
  }

  /** The absolute path of the branch this API serves ("/root" for a whole tree's API), or empty before a SceneTree uses it. */
  get root_path(): NodePath {
    return new NodePath(this.#rootPath);
  }
  set root_path(path: NodePath | string) {
    this.set_root_path(path);
  }
  get_root_path(): NodePath {
    return new NodePath(this.#rootPath);
  }
  set_root_path(path: NodePath | string): void {
    if (!(path instanceof NodePath) && typeof path !== "string") {
      printError(`root_path must be a NodePath, got ${describe(path)}.`);
      return;
    }
    const text = String(path);
    if (text !== "" && !text.startsWith("/")) {
      printError("SceneMultiplayer root path must be absolute.");
      return;
    }
    this.#setRoot(text);
  }

  /** Node paths start at `path` (absolute), found from the tree root SceneTree gave. */
  #setRoot(path: string): void {
    this.#rootPath = path;
    const root = this.#treeRoot;
    if (root === null || path === "") return;
    for (const layer of this.#layers) layer.setRoot?.(() => root.get_node_or_null(path), path);
  }

  /** Largest SYNC packet the replication layer sends (unreliable; several states share one). */
  get max_sync_packet_size(): number {
    return this.#syncMtu;
  }
  set max_sync_packet_size(size: number) {
    if (Number.isInteger(size) && size >= 128) this.#syncMtu = size;
    else printError("Sync maximum packet size must be at least 128 bytes.");
  }
  get_max_sync_packet_size(): number {
    return this.#syncMtu;
  }
  set_max_sync_packet_size(size: number): void {
    this.max_sync_packet_size = size;
  }

  /** Largest delta SYNC packet the replication layer sends (reliable). */
  get max_delta_packet_size(): number {
    return this.#deltaMtu;
  }
  set max_delta_packet_size(size: number) {
    if (Number.isInteger(size) && size >= 128) this.#deltaMtu = size;
    else printError("Sync maximum packet size must be at least 128 bytes.");
  }
  get_max_delta_packet_size(): number {
    return this.#deltaMtu;
  }
  set_max_delta_packet_size(size: number): void {
    this.max_delta_packet_size = size;
  }

  /** @internal The attached layer that `test` picks (the node path cache, for replication). */
  static _findLayer<T extends MultiplayerLayer>(
    api: SceneMultiplayer,
    test: (layer: MultiplayerLayer) => layer is T,
  ): T | undefined {
    return api.#layers.find(test);
  }

  /**
   * @internal Installs a layer built on top (its commands and the peers already connected) and
   * returns how it sets get_remote_sender_id() while a call_local RPC runs.
   */
  static _attachLayer(api: SceneMultiplayer, layer: MultiplayerLayer): (senderId: number) => void {
    api.#layers.push(layer);
    if (layer.rpcp) api.#rpcLayer = layer;
    for (const command of layer.commands)
      api.#handlers.set(command, (from, packet) => layer.process(from, packet));
    for (const id of api.#connected) layer.peerChanged(id, true);
    return (senderId) => {
      api.#senderOverride = senderId;
    };
  }

  /** Calls `method` on `object` on `peer` (0 every peer, negative all but one); Node.rpc_id() comes here. */
  rpc(peer: number, object: Node, method: string, arguments_: unknown[] = []): GodotError {
    const layer = this.#rpcLayer;
    if (layer === null) {
      return invalid("rpc() needs a node in a SceneTree that uses this MultiplayerAPI.", ERR_UNCONFIGURED);
    }
    if (!Array.isArray(arguments_))
      return invalid(`rpc() needs an Array of arguments, got ${describe(arguments_)}.`);
    return layer.rpcp!(object, peer, method, arguments_);
  }

  // --- the peer -----------------------------------------------------------------------------

  get multiplayer_peer(): MultiplayerPeer | null {
    return this.#peer;
  }
  /** A connecting or connected peer, or null to detach. */
  set multiplayer_peer(peer: MultiplayerPeer | null) {
    if (peer === this.#peer) return;
    if (peer !== null && !(peer instanceof MultiplayerPeer)) {
      printError(`multiplayer_peer must be a MultiplayerPeer or null, got ${describe(peer)}.`);
      return;
    }
    if (peer !== null && peer.get_connection_status() === CONNECTION_DISCONNECTED) {
      printError("Supplied MultiplayerPeer must be connecting or connected.");
      return;
    }
    const old = this.#peer;
    if (old !== null) {
      old.peer_connected.disconnect(this.#onPeerConnected);
      old.peer_disconnected.disconnect(this.#onPeerDisconnected);
      this.clear();
    }
    this.#peer = peer;
    // Godot frees a peer when its last reference goes, and its destructor closes it (a server frees its
    // port, clients see it leave). The API holds the one reference a Godot program keeps, so letting go
    // of the peer closes it here (see the README, "Object lifetime").
    if (peer !== null) peer._holders++;
    if (old !== null && --old._holders === 0) old.close();
    peer?.peer_connected.connect(this.#onPeerConnected);
    peer?.peer_disconnected.connect(this.#onPeerDisconnected);
    this.#updateStatus();
  }

  /** Forgets every peer and authentication in progress (the peer itself stays). */
  clear(): void {
    this.#lastStatus = CONNECTION_DISCONNECTED;
    this.#pending.clear();
    this.#connected.clear();
    for (const layer of this.#layers) layer.clear();
  }

  /** Emits connection_failed or server_disconnected when the peer's status drops. */
  #updateStatus(): void {
    const status = this.#peer?.get_connection_status() ?? CONNECTION_DISCONNECTED;
    if (this.#lastStatus === status) return;
    if (status === CONNECTION_DISCONNECTED) {
      if (this.#lastStatus === CONNECTION_CONNECTING) this.connection_failed.emit();
      else this.server_disconnected.emit();
      this.clear();
    }
    this.#lastStatus = status;
  }

  // --- polling --------------------------------------------------------------------------------

  poll(): GodotError {
    this.#updateStatus();
    const peer = this.#peer;
    if (this.#lastStatus === CONNECTION_DISCONNECTED || peer === null) return OK;
    peer.poll();
    this.#updateStatus();
    if (this.#lastStatus !== CONNECTION_CONNECTED) return OK; // still connecting, or just lost
    while (peer.get_available_packet_count() > 0) {
      const sender = peer.get_packet_peer();
      const mode = peer.get_packet_mode();
      const channel = peer.get_packet_channel();
      const packet = peer.get_packet();
      const error = peer.get_packet_error();
      if (error !== OK) return invalid(`Error getting packet! ${error}`, error);
      this.#receive(sender, packet, mode, channel);
      this.#updateStatus();
      // A packet (or a signal handler) may have ended the connection or swapped the peer.
      if (this.#lastStatus !== CONNECTION_CONNECTED || this.#peer !== peer) return OK;
    }
    this.#expireAuthentications(peer);
    this.#updateStatus();
    if (this.#lastStatus !== CONNECTION_CONNECTED || this.#peer !== peer) return OK;
    for (const layer of this.#layers) layer.networkProcess?.();
    return OK;
  }

  #receive(sender: number, packet: PackedByteArray, mode: TransferMode, channel: number): void {
    const pending = this.#pending.get(sender);
    if (pending !== undefined) this.#authMessage(sender, pending, packet);
    else if (!this.#connected.has(sender)) {
      printError(`Condition "!connected_peers.has(sender)" is true: a packet from unknown peer ${sender}.`);
    } else if (packet.length > 0 && (packet[0]! & CMD_MASK) === NETWORK_COMMAND_SYS) {
      // An authentication message from an admitted peer is the other side's late confirmation.
      if (packet[1] === SYS_COMMAND_AUTH) {
        if (packet.length !== 2) printError('Condition "len != 2" is true. Continuing.');
      } else this.#processSys(sender, packet, mode, channel);
    } else this.#processPacket(sender, packet);
  }

  #expireAuthentications(peer: MultiplayerPeer): void {
    if (this.#pending.size === 0 || this.#authTimeoutMs === 0) return;
    const now = performance.now();
    const expired = [...this.#pending]
      .filter(([, p]) => p.since + this.#authTimeoutMs <= now)
      .map(([id]) => id);
    for (const id of expired) peer.disconnect_peer(id);
    for (const id of expired) {
      this.#pending.delete(id);
      this.peer_authentication_failed.emit(id);
    }
  }

  // --- commands ---------------------------------------------------------------------------------

  /** Runs one command with get_remote_sender_id() set to its sender. */
  #processPacket(from: number, packet: PackedByteArray): void {
    if (packet.length < 1) {
      printError("Invalid packet received. Size too small.");
      return;
    }
    const command = packet[0]! & CMD_MASK;
    const handler = command === NETWORK_COMMAND_RAW ? this.#processRaw : this.#handlers.get(command);
    if (handler === undefined) {
      printError(`Invalid network command from ${from}`);
      return;
    }
    this.#remoteSender = from;
    try {
      handler(from, packet);
    } catch (e) {
      printError(`Network command ${command} from ${from} failed: ${(e as { stack?: string }).stack ?? e}`);
    } finally {
      this.#remoteSender = 0;
    }
  }

  readonly #processRaw = (from: number, packet: PackedByteArray): void => {
    if (packet.length < 2) printError("Invalid packet received. Size too small.");
    else this.peer_packet.emit(from, new PackedByteArray(packet.subarray(1)));
  };

  #processSys(from: number, packet: PackedByteArray, mode: TransferMode, channel: number): void {
    if (packet.length < SYS_CMD_SIZE) {
      printError("Invalid packet received. Size too small.");
      return;
    }
    const peer = this.#peer!;
    const relaying = this.#serverRelay && peer.is_server_relay_supported();
    const id = new DataView(packet.buffer, packet.byteOffset, packet.length).getInt32(2, true);
    switch (packet[1]) {
      case SYS_COMMAND_ADD_PEER:
      case SYS_COMMAND_DEL_PEER:
        // Only a server that relays tells its clients about each other.
        if (!relaying || this.get_unique_id() === 1 || from !== 1) {
          printError(
            `Condition "!server_relay || get_unique_id() == 1 || p_from != 1" is true (from ${from}).`,
          );
        } else if (packet[1] === SYS_COMMAND_ADD_PEER)
          this.#admitPeer(id); // relayed peers are accepted as they are
        else this.#delPeer(id);
        break;
      case SYS_COMMAND_RELAY:
        if (!relaying || packet.length < SYS_CMD_SIZE + 1) {
          printError(`Condition "!server_relay || p_packet_len < SYS_CMD_SIZE + 1" is true (from ${from}).`);
        } else this.#relay(from, id, packet.subarray(SYS_CMD_SIZE), mode, channel);
        break;
      default:
        printError(`Unknown system command ${packet[1]} from ${from}.`);
    }
  }

  /**
   * A relayed command. On the server `target` is where it goes (0 everyone, -id all but one) and it
   * is passed on with the sender's id in its place; on a client `target` is who sent it.
   */
  #relay(from: number, target: number, inner: Uint8Array, mode: TransferMode, channel: number): void {
    const peer = this.#peer!;
    let source = target;
    if (this.get_unique_id() === 1) {
      if (target > 0 && !this.#connected.has(target)) return; // it left while the packet was in transit
      const relayed = sysMessage(SYS_COMMAND_RELAY, from, inner);
      peer.transfer_mode = mode;
      peer.transfer_channel = channel;
      const targets = target > 0 ? [target] : [...this.#connected].filter((p) => p !== from && p !== -target);
      for (const p of targets) {
        peer.set_target_peer(p);
        peer.put_packet(relayed);
      }
      if (target > 0 || target === -1) return; // the server is not among the targets
      source = from;
    } else if (from !== 1) {
      printError(`Condition "p_from != 1" is true: a relayed packet from peer ${from}.`);
      return;
    }
    this.#processPacket(source, new PackedByteArray(inner));
  }

  // --- peers ------------------------------------------------------------------------------------

  #addPeer(id: number): void {
    if (this.#authCallback === null) {
      this.#admitPeer(id);
      return;
    }
    this.#pending.set(id, { local: false, remote: false, since: performance.now() });
    this.peer_authenticating.emit(id);
  }

  #admitPeer(id: number): void {
    const peer = this.#peer!;
    if (this.#serverRelay && this.get_unique_id() === 1 && peer.is_server_relay_supported()) {
      // Tell the others about the new peer, and the new peer about the others.
      peer.transfer_channel = 0;
      peer.transfer_mode = TRANSFER_MODE_RELIABLE;
      for (const other of this.#connected) {
        peer.set_target_peer(other);
        peer.put_packet(sysMessage(SYS_COMMAND_ADD_PEER, id));
        peer.set_target_peer(id);
        peer.put_packet(sysMessage(SYS_COMMAND_ADD_PEER, other));
      }
    }
    this.#connected.add(id);
    for (const layer of this.#layers) layer.peerChanged(id, true);
    if (id === 1) this.connected_to_server.emit();
    this.peer_connected.emit(id);
  }

  #delPeer(id: number): void {
    if (this.#pending.delete(id)) {
      if (!this.#quiet) this.peer_authentication_failed.emit(id);
      return;
    }
    if (!this.#connected.has(id)) return;
    const peer = this.#peer!;
    if (this.#serverRelay && this.get_unique_id() === 1 && peer.is_server_relay_supported()) {
      peer.transfer_channel = 0;
      peer.transfer_mode = TRANSFER_MODE_RELIABLE;
      for (const other of this.#connected) {
        if (other === id) continue;
        peer.set_target_peer(other);
        peer.put_packet(sysMessage(SYS_COMMAND_DEL_PEER, id));
      }
    }
    for (const layer of [...this.#layers].reverse()) layer.peerChanged(id, false);
    this.#connected.delete(id);
    if (!this.#quiet) this.peer_disconnected.emit(id);
  }

  /** Disconnects a peer without emitting peer_disconnected for it here. */
  disconnect_peer(id: number): void {
    const peer = this.#connectedPeer();
    if (peer === null) return;
    if (!isPeerId(id)) {
      printError(`disconnect_peer() needs an integer peer id, got ${describe(id)}.`);
      return;
    }
    this.#quiet = true;
    try {
      this.#delPeer(id);
    } finally {
      this.#quiet = false;
    }
    peer.disconnect_peer(id);
  }

  /** The peer when it is connected; otherwise null after Godot's error print. */
  #connectedPeer(): MultiplayerPeer | null {
    const peer = this.#peer;
    if (peer !== null && peer.get_connection_status() === CONNECTION_CONNECTED) return peer;
    printError(
      'Condition "multiplayer_peer.is_null() || get_connection_status() != CONNECTION_CONNECTED" is true.',
    );
    return null;
  }

  // --- sending ------------------------------------------------------------------------------------

  /** Sends `bytes` to `id` (0 everyone, -id all but one); they arrive as peer_packet(sender, bytes). */
  send_bytes(
    bytes: Uint8Array,
    id = 0,
    mode: TransferMode = TRANSFER_MODE_RELIABLE,
    channel = 0,
  ): GodotError {
    if (!(bytes instanceof Uint8Array))
      return invalid(`send_bytes() needs a PackedByteArray, got ${describe(bytes)}.`);
    if (!isPeerId(id)) return invalid(`send_bytes() needs an integer peer id, got ${describe(id)}.`);
    if (mode !== 0 && mode !== 1 && mode !== 2) return invalid(`Invalid transfer mode ${describe(mode)}.`);
    if (!(Number.isInteger(channel) && channel >= 0 && channel <= 255)) {
      return invalid(`Invalid channel ${describe(channel)}: it must be from 0 to 255.`);
    }
    if (bytes.length === 0) return invalid("Trying to send an empty raw packet.", ERR_INVALID_DATA);
    const peer = this.#peer;
    if (peer === null) {
      return invalid("Trying to send a raw packet while no multiplayer peer is active.", ERR_UNCONFIGURED);
    }
    if (peer.get_connection_status() !== CONNECTION_CONNECTED) {
      return invalid(
        "Trying to send a raw packet via a multiplayer peer which is not connected.",
        ERR_UNCONFIGURED,
      );
    }
    const packet = new PackedByteArray(bytes.length + 1);
    packet[0] = NETWORK_COMMAND_RAW;
    packet.set(bytes, 1);
    peer.transfer_channel = channel;
    peer.transfer_mode = mode;
    return SceneMultiplayer._sendCommand(this, id, packet);
  }

  /**
   * @internal Sends one framed command (command byte first) to `to` as Godot's
   * SceneMultiplayer::send_command does: a client wraps it in a relay message to the server when
   * server_relay is on; a server sends it to each target. The caller sets the peer's transfer_mode and
   * transfer_channel first. send_bytes and the layers built on top (cache, RPC, replication) send here.
   */
  static _sendCommand(api: SceneMultiplayer, to: number, packet: Uint8Array): GodotError {
    const peer = api.#peer;
    if (peer === null) return invalid("send_command(): no multiplayer peer is assigned.", ERR_UNCONFIGURED);
    if (api.#serverRelay && api.get_unique_id() !== 1 && to !== 1 && peer.is_server_relay_supported()) {
      peer.set_target_peer(1);
      const relay = new PackedByteArray(SYS_CMD_SIZE + packet.length);
      relay.set(sysMessage(SYS_COMMAND_RELAY, to));
      relay.set(packet, SYS_CMD_SIZE);
      return peer.put_packet(relay);
    }
    if (to > 0) {
      if (!api.#connected.has(to))
        return invalid(`Condition "!connected_peers.has(p_to)" is true: no peer ${to}.`, ERR_BUG);
      peer.set_target_peer(to);
      return peer.put_packet(packet);
    }
    for (const id of api.#connected) {
      if (to !== 0 && id === -to) continue;
      peer.set_target_peer(id);
      peer.put_packet(packet);
    }
    return OK;
  }

  // --- authentication ---------------------------------------------------------------------------

  /**
   * With a callback, every new peer must authenticate before it is admitted: the callback gets the
   * data the other side sends with send_auth, and either side calls complete_auth when satisfied.
   */
  get auth_callback(): AuthCallback | null {
    return this.#authCallback;
  }
  set auth_callback(callback: AuthCallback | null) {
    if (callback === null || typeof callback === "function") this.#authCallback = callback;
    else printError(`auth_callback must be a callable or null, got ${describe(callback)}.`);
  }

  /** Seconds a peer may take to authenticate (0: no limit). */
  get auth_timeout(): number {
    return this.#authTimeoutMs / 1000;
  }
  set auth_timeout(seconds: number) {
    if (typeof seconds === "number" && seconds >= 0 && Number.isFinite(seconds))
      this.#authTimeoutMs = seconds * 1000;
    else printError("Timeout must be greater or equal to 0 (where 0 means no timeout)");
  }

  get_authenticating_peers(): number[] {
    return [...this.#pending.keys()];
  }

  /** Sends authentication data to a peer that is authenticating. */
  send_auth(id: number, data: Uint8Array): GodotError {
    const peer = this.#connectedPeer();
    if (peer === null) return ERR_UNCONFIGURED;
    const pending = this.#pending.get(id);
    if (pending === undefined) return invalid(`send_auth(): peer ${describe(id)} is not authenticating.`);
    if (!(data instanceof Uint8Array) || data.length === 0) {
      return invalid(
        `send_auth() needs a non-empty PackedByteArray, got ${describe(data)}.`,
        ERR_INVALID_PARAMETER,
      );
    }
    if (pending.local) {
      return invalid(
        "The authentication session was previously marked as completed, no more authentication data can be sent.",
        ERR_FILE_CANT_WRITE,
      );
    }
    if (pending.remote) {
      return invalid(
        "The remote peer notified that the authentication session was completed, no more authentication data can be sent.",
        ERR_FILE_CANT_WRITE,
      );
    }
    const message = new PackedByteArray(2 + data.length);
    message[0] = NETWORK_COMMAND_SYS;
    message[1] = SYS_COMMAND_AUTH;
    message.set(data, 2);
    return this.#sendSystem(peer, id, message);
  }

  /** Marks authentication with `id` as complete here; the peer is admitted once both sides did. */
  complete_auth(id: number): GodotError {
    const peer = this.#connectedPeer();
    if (peer === null) return ERR_UNCONFIGURED;
    const pending = this.#pending.get(id);
    if (pending === undefined) return invalid(`complete_auth(): peer ${describe(id)} is not authenticating.`);
    if (pending.local) {
      return invalid("The authentication session was already marked as completed.", ERR_FILE_CANT_WRITE);
    }
    pending.local = true;
    const error = this.#sendSystem(peer, id, new PackedByteArray([NETWORK_COMMAND_SYS, SYS_COMMAND_AUTH]));
    // Admitting sends messages of its own, so it comes after the confirmation.
    if (pending.remote) {
      this.#pending.delete(id);
      this.#admitPeer(id);
    }
    return error;
  }

  #sendSystem(peer: MultiplayerPeer, id: number, message: Uint8Array): GodotError {
    peer.set_target_peer(id);
    peer.transfer_channel = 0;
    peer.transfer_mode = TRANSFER_MODE_RELIABLE;
    return peer.put_packet(message);
  }

  /** An authentication message: data for the callback, or (empty) the other side's completion. */
  #authMessage(sender: number, pending: PendingPeer, packet: PackedByteArray): void {
    if (
      packet.length < 2 ||
      (packet[0]! & CMD_MASK) !== NETWORK_COMMAND_SYS ||
      packet[1] !== SYS_COMMAND_AUTH
    ) {
      printError(`Peer ${sender} sent something other than authentication while authenticating; dropped.`);
      return;
    }
    if (packet.length > 2) {
      const callback = this.#authCallback;
      try {
        if (callback === null) throw new TypeError("auth_callback is null");
        callback(sender, new PackedByteArray(packet.subarray(2)));
      } catch (e) {
        printError(`Failed to call authentication callback: ${(e as { message?: string }).message ?? e}`);
      }
      return;
    }
    pending.remote = true;
    if (pending.local) {
      this.#pending.delete(sender);
      this.#admitPeer(sender);
    }
  }

  // --- state --------------------------------------------------------------------------------------

  get_unique_id(): number {
    if (this.#peer !== null) return this.#peer.get_unique_id();
    printError("No multiplayer peer is assigned. Unable to get unique ID.");
    return 0;
  }

  /** The connected peers' ids (a client sees the server, 1, and with server_relay the other clients). */
  get_peers(): number[] {
    if (this.#peer !== null) return [...this.#connected];
    printError("No multiplayer peer is assigned. Assume no peers are connected.");
    return [];
  }

  /** The sender of the command being handled, 0 outside of one. */
  get_remote_sender_id(): number {
    return this.#senderOverride || this.#remoteSender;
  }

  /** Whether clients learn about each other and may message each other through the server. */
  get server_relay(): boolean {
    return this.#serverRelay;
  }
  set server_relay(enabled: boolean) {
    if (typeof enabled === "boolean") this.#serverRelay = enabled;
    else printError(`server_relay must be a bool, got ${describe(enabled)}.`);
  }

  get refuse_new_connections(): boolean {
    if (this.#peer !== null) return this.#peer.refuse_new_connections;
    printError("No multiplayer peer is assigned. Unable to get 'refuse_new_connections'.");
    return false;
  }
  set refuse_new_connections(refuse: boolean) {
    if (this.#peer !== null) this.#peer.refuse_new_connections = refuse;
    else printError("No multiplayer peer is assigned. Unable to set 'refuse_new_connections'.");
  }

  /** Whether RPC arguments may carry encoded Objects; they never decode here (see the README). */
  get allow_object_decoding(): boolean {
    return this.#allowObjectDecoding;
  }
  set allow_object_decoding(enable: boolean) {
    this.set_allow_object_decoding(enable);
  }
  is_object_decoding_allowed(): boolean {
    return this.#allowObjectDecoding;
  }
  set_allow_object_decoding(enable: boolean): void {
    if (typeof enable === "boolean") this.#allowObjectDecoding = enable;
    else printError(`allow_object_decoding must be a bool, got ${describe(enable)}.`);
  }

  // Godot binds each property's setter and getter as methods too.
  get_auth_callback(): AuthCallback | null {
    return this.auth_callback;
  }
  set_auth_callback(callback: AuthCallback | null): void {
    this.auth_callback = callback;
  }
  get_auth_timeout(): number {
    return this.auth_timeout;
  }
  set_auth_timeout(timeout: number): void {
    this.auth_timeout = timeout;
  }
  is_server_relay_enabled(): boolean {
    return this.server_relay;
  }
  set_server_relay_enabled(enabled: boolean): void {
    this.server_relay = enabled;
  }
  is_refusing_new_connections(): boolean {
    return this.refuse_new_connections;
  }
  set_refuse_new_connections(refuse: boolean): void {
    this.refuse_new_connections = refuse;
  }
}
