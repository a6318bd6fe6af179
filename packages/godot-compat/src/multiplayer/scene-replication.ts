// Follows Godot's modules/multiplayer/scene_replication_interface.cpp.
// SceneMultiplayer's replication half, as Godot 4 does it: the nodes MultiplayerSpawners spawn are sent
// to the peers that may see them (SPAWN, with each synchronizer's spawn state) and despawned when they
// leave (DESPAWN); every network frame, each MultiplayerSynchronizer whose authority is this peer sends
// its state (SYNC, unreliable) and its changed ON_CHANGE properties (delta SYNC, reliable). Inbound
// commands are checked against the spawner's and the synchronizer's authority, as Godot checks them.
import { describe } from "@wsport/core/internal";
import {
  ERR_ALREADY_IN_USE,
  ERR_BUG,
  ERR_INVALID_DATA,
  ERR_INVALID_PARAMETER,
  ERR_UNCONFIGURED,
  type GodotError,
  OK,
} from "../core/error.js";
import { printError } from "../core/print.js";
import { MultiplayerPeer } from "../scene/multiplayer-peer.js";
import { Node } from "../scene/node.js";
import type { Variant } from "../variant/variant-types.js";
import { MultiplayerSpawner } from "./multiplayer-spawner.js";
import { MultiplayerSynchronizer } from "./multiplayer-synchronizer.js";
import {
  NETWORK_COMMAND_DESPAWN as CMD_DESPAWN,
  CMD_MASK,
  NETWORK_COMMAND_SPAWN as CMD_SPAWN,
  NETWORK_COMMAND_SYNC as CMD_SYNC,
} from "./network-commands.js";
import {
  ParsedPathsCache,
  readParsed,
  readProperties,
  writeParsed,
  writeProperties,
} from "./property-paths.js";
import {
  decodeDespawn,
  decodeSpawn,
  decodeState,
  encodeDespawn,
  encodeSpawn,
  encodeState,
  NET_ID_BY_PATH,
  readSync,
  SYNC_DELTA,
  SyncWriter,
  spawnerIdOf,
  syncTime,
} from "./replication-wire.js";
import { decodeCompressed, encodeCompressed } from "./rpc-wire.js";
import type { SceneCache } from "./scene-cache.js";
import { type MultiplayerLayer, SceneMultiplayer } from "./scene-multiplayer.js";
import { SyncStateEncoding } from "./sync-state-encoding.js";

const { TRANSFER_MODE_RELIABLE, TRANSFER_MODE_UNRELIABLE } = MultiplayerPeer;
/** A SYNC is at least its header and one state's header (Godot refuses shorter ones). */
const MIN_SYNC = 11;

/** What the layer knows of a node that is spawned or synchronized. */
interface Tracked {
  /** The id SPAWN and DESPAWN name it by (the sender's, for a remote spawn); 0 until spawned. */
  netId: number;
  /** The peer that spawned it here (0: spawned here, or not spawned). */
  remotePeer: number;
  spawner: MultiplayerSpawner | null;
  synchronizers: Set<MultiplayerSynchronizer>;
  onExit: () => void;
}

/** What the layer knows of each peer. */
interface PeerInfo {
  /** Synchronizers (of this side's authority) whose state this peer receives. */
  syncNodes: Set<MultiplayerSynchronizer>;
  /** Nodes spawned on this peer. */
  spawnNodes: Set<Node>;
  /** When each synchronizer last sent this peer a delta. */
  lastWatch: Map<MultiplayerSynchronizer, number>;
  /** The peer's net ids for the synchronizers of the nodes it spawned here. */
  recvSyncIds: Map<number, MultiplayerSynchronizer>;
  /** The nodes the peer spawned here, by its net ids. */
  recvNodes: Map<number, Node>;
  /** The 16-bit time of the last SYNC sent to this peer. */
  lastSentSync: number;
}

/** A synchronizer's replication state (Godot keeps it on the synchronizer and resets it on start/stop). */
interface SyncState {
  netId: number;
  lastSync: number;
  lastInbound: number;
  syncStarted: boolean;
  lastWatch: number;
  watchers: Array<{ path: string; bytes: Uint8Array; changedAt: number }>;
  /** The state as last read and encoded, reused for every peer while the values are the same. */
  encoding: SyncStateEncoding;
  /** The config's sync property paths, parsed once (read for each peer, written for each SYNC received). */
  syncPaths: ParsedPathsCache;
  /** This delta frame's bytes for one mask of watchers (most peers get the same; cleared as watchers change). */
  delta: { indexes: bigint; bytes: Uint8Array } | null;
  onVisibility: (peer: number) => void;
}

export class SceneReplication implements MultiplayerLayer {
  readonly commands = [CMD_SPAWN, CMD_DESPAWN, CMD_SYNC];

  readonly #api: SceneMultiplayer;
  readonly #cache: SceneCache;
  readonly #tracked = new Map<Node, Tracked>();
  readonly #peers = new Map<number, PeerInfo>();
  readonly #spawned = new Set<Node>();
  readonly #syncs = new Map<MultiplayerSynchronizer, SyncState>();
  /** Nodes waiting for their `ready` to be spawned (nested spawns wait for the outermost). */
  readonly #spawnQueue = new Map<Node, () => void>();
  #lastNetId = 0;
  // A remote spawn being added: its synchronizers take their net ids and spawn state as they start.
  #pending: { node: Node; from: number; state: Uint8Array; syncIds: number[] } | null = null;

  constructor(api: SceneMultiplayer, cache: SceneCache) {
    this.#api = api;
    this.#cache = cache;
    SceneMultiplayer._attachLayer(api, this);
  }

  // --- peers and frames --------------------------------------------------------------------------

  peerChanged(id: number, connected: boolean): void {
    if (connected) {
      this.#peers.set(id, {
        syncNodes: new Set(),
        spawnNodes: new Set(),
        lastWatch: new Map(),
        recvSyncIds: new Map(),
        recvNodes: new Map(),
        lastSentSync: 0,
      });
      for (const node of [...this.#spawned]) this.#updateSpawnVisibility(id, node);
      for (const sync of [...this.#syncs.keys()]) this.#updateSyncVisibility(id, sync);
      return;
    }
    const info = this.#peers.get(id);
    if (!info) return;
    this.#freeRemotes(info);
    this.#peers.delete(id);
  }

  clear(): void {
    for (const info of this.#peers.values()) this.#freeRemotes(info);
    this.#peers.clear();
    for (const tracked of this.#tracked.values()) {
      tracked.netId = 0;
      tracked.remotePeer = 0;
    }
    for (const state of this.#syncs.values()) resetState(state);
    this.#lastNetId = 0;
  }

  /** Every network frame (the end of SceneMultiplayer.poll()): sends the states that are due. */
  networkProcess(): void {
    if (this.#spawnQueue.size > 0) {
      printError(
        "An error happened during last spawn, this usually means the 'ready' signal was not emitted by the spawned node.",
      );
      for (const [node, onReady] of this.#spawnQueue)
        if (node.ready.is_connected(onReady)) node.ready.disconnect(onReady);
      this.#spawnQueue.clear();
    }
    // Godot reruns visibility filters in the synchronizer's internal process; here, once per network frame.
    for (const sync of [...this.#syncs.keys()])
      if (sync._updatesVisibilityEachFrame()) sync.update_visibility(0);
    const now = performance.now();
    for (const [peer, info] of this.#peers) {
      if (info.syncNodes.size === 0) continue;
      const syncs = [...info.syncNodes];
      info.lastSentSync = (info.lastSentSync + 1) & 0xffff;
      this.#sendSync(peer, syncs, info.lastSentSync, now);
      this.#sendDelta(peer, syncs, now, info.lastWatch);
    }
  }

  process(from: number, packet: Uint8Array): void {
    const command = packet[0]! & CMD_MASK;
    if (command === CMD_SPAWN) this.#receiveSpawn(from, packet);
    else if (command === CMD_DESPAWN) this.#receiveDespawn(from, packet);
    else this.#receiveSync(from, packet);
  }

  // --- configuration (what spawners and synchronizers tell the API) ------------------------------

  configure(object: object | null, configuration: unknown, add: boolean): GodotError | null {
    if (configuration instanceof MultiplayerSpawner) {
      if (!(object instanceof Node)) return fail(ERR_INVALID_PARAMETER, `${describe(object)} is not a Node.`);
      return add ? this.#onSpawn(object, configuration) : this.#onDespawn(object, configuration);
    }
    if (configuration instanceof MultiplayerSynchronizer) {
      if (!(object instanceof Node)) return fail(ERR_INVALID_PARAMETER, `${describe(object)} is not a Node.`);
      return add
        ? this.#onReplicationStart(object, configuration)
        : this.#onReplicationStop(object, configuration);
    }
    return null;
  }

  #onSpawn(node: Node, spawner: MultiplayerSpawner): GodotError {
    const tracked = this.#track(node);
    // The spawn state is read after `ready`; the spawn order follows the order nodes entered the tree.
    if (tracked.spawner !== null)
      return fail(ERR_ALREADY_IN_USE, 'Condition "tobj.spawner != ObjectID()" is true.');
    tracked.spawner = spawner;
    const onReady = () => this.#nodeReady(node);
    this.#spawnQueue.set(node, onReady);
    node.ready.connect(onReady, 4 /* CONNECT_ONE_SHOT */);
    return OK;
  }

  #nodeReady(node: Node): void {
    if (!this.#spawnQueue.has(node)) return;
    // A nested spawn waits until the outermost node is ready.
    if (this.#spawnQueue.keys().next().value !== node) return;
    const queued = [...this.#spawnQueue.keys()];
    this.#spawnQueue.clear();
    for (const queuedNode of queued) {
      const tracked = this.#tracked.get(queuedNode);
      const spawner = tracked?.spawner;
      if (!spawner) continue;
      this.#spawned.add(queuedNode);
      if (this.#hasAuthority(spawner)) this.#updateSpawnVisibility(0, queuedNode);
    }
  }

  #onDespawn(node: Node, spawner: MultiplayerSpawner): GodotError {
    const tracked = this.#tracked.get(node);
    if (!tracked) return fail(ERR_BUG, 'Parameter "tnode" is null.');
    const packet = encodeDespawn(tracked.netId);
    for (const [peer, info] of this.#peers) if (info.spawnNodes.has(node)) this.#sendRaw(packet, peer, true);
    if (tracked.spawner !== spawner)
      return fail(ERR_INVALID_PARAMETER, 'Condition "tobj.spawner != spawner->get_instance_id()" is true.');
    tracked.spawner = null;
    this.#spawned.delete(node);
    this.#spawnQueue.delete(node);
    for (const info of this.#peers.values()) info.spawnNodes.delete(node);
    return OK;
  }

  #onReplicationStart(node: Node, sync: MultiplayerSynchronizer): GodotError {
    const tracked = this.#track(node);
    tracked.synchronizers.add(sync);
    const state: SyncState = {
      netId: 0,
      lastSync: 0,
      lastInbound: 0,
      syncStarted: false,
      lastWatch: 0,
      watchers: [],
      encoding: new SyncStateEncoding(),
      syncPaths: new ParsedPathsCache(),
      delta: null,
      onVisibility: (peer) => this.#visibilityChanged(peer, sync),
    };
    this.#syncs.get(sync)?.onVisibility &&
      sync.visibility_changed.disconnect(this.#syncs.get(sync)!.onVisibility);
    this.#syncs.set(sync, state);
    sync.visibility_changed.connect(state.onVisibility);
    this.#updateSyncVisibility(0, sync);

    const pending = this.#pending;
    if (pending?.node !== node || sync.get_multiplayer_authority() !== pending.from) return OK;
    // A synchronizer of a node being spawned by a peer: its net id and spawn state (before _ready).
    const netId = pending.syncIds.shift();
    if (netId === undefined) {
      return fail(
        ERR_INVALID_DATA,
        `The MultiplayerSynchronizer at path "${sync.get_path()}" is unable to process the pending spawn since it has no network ID. This might happen when changing the multiplayer authority during the "_ready" callback. Make sure to only change the authority of multiplayer synchronizers during "_enter_tree" or the "_spawn_custom" callback of their multiplayer spawner.`,
      );
    }
    const info = this.#peers.get(pending.from);
    if (!info) return fail(ERR_INVALID_DATA, 'Condition "!peers_info.has(pending_spawn_remote)" is true.');
    info.recvSyncIds.set(netId, sync);
    state.netId = netId;
    if (pending.state.length === 0) return OK;
    const config = sync.replication_config;
    if (!config) return fail(ERR_UNCONFIGURED, 'Condition "!sync->get_replication_config_ptr()" is true.');
    const properties = config._spawnProperties();
    const decoded = decodeState(pending.state, properties.length);
    if (typeof decoded === "string") return fail(ERR_INVALID_DATA, decoded);
    if (decoded.used === 0) return OK;
    pending.state = pending.state.subarray(decoded.used);
    const error = writeProperties(properties, node, decoded.values);
    return error === null ? OK : fail(ERR_INVALID_DATA, error);
  }

  #onReplicationStop(node: Node, sync: MultiplayerSynchronizer): GodotError {
    const state = this.#syncs.get(sync);
    if (state) sync.visibility_changed.disconnect(state.onVisibility);
    const tracked = this.#tracked.get(node);
    if (!tracked) return fail(ERR_INVALID_PARAMETER, 'Condition "!tracked_nodes.has(oid)" is true.');
    tracked.synchronizers.delete(sync);
    this.#syncs.delete(sync);
    for (const info of this.#peers.values()) {
      info.syncNodes.delete(sync);
      info.lastWatch.delete(sync);
      if (state?.netId && info.recvSyncIds.get(state.netId) === sync) info.recvSyncIds.delete(state.netId);
    }
    return OK;
  }

  /**
   * Whether an RPC on `node` may go to `peer` (0: to every peer), as Godot's is_rpc_visible: a node no
   * synchronizer replicates is visible to all; the peer that spawned a node sees it; a node spawned here is
   * visible where it was spawned; otherwise where any of its synchronizers is visible.
   */
  isRpcVisible(node: Node, peer: number): boolean {
    const tracked = this.#tracked.get(node);
    if (!tracked || tracked.synchronizers.size === 0) return true;
    if (peer < 0) return false;
    if (tracked.remotePeer && peer === tracked.remotePeer) return true;
    if (this.#spawned.has(node)) {
      if (peer) return this.#peers.get(peer)?.spawnNodes.has(node) ?? false;
      for (const info of this.#peers.values()) if (!info.spawnNodes.has(node)) return false;
      return true;
    }
    for (const sync of tracked.synchronizers) if (sync._isVisibleTo(peer)) return true;
    return false;
  }

  // --- tracking ------------------------------------------------------------------------------------

  #track(node: Node): Tracked {
    let tracked = this.#tracked.get(node);
    if (!tracked) {
      const onExit = () => this.#untrack(node);
      tracked = { netId: 0, remotePeer: 0, spawner: null, synchronizers: new Set(), onExit };
      this.#tracked.set(node, tracked);
      node.tree_exited.connect(onExit, 4 /* CONNECT_ONE_SHOT */);
    }
    return tracked;
  }

  #untrack(node: Node): void {
    const tracked = this.#tracked.get(node);
    if (!tracked) return;
    this.#tracked.delete(node);
    // Spawned by a peer: no longer one of its nodes here.
    const from = tracked.remotePeer ? this.#peers.get(tracked.remotePeer) : undefined;
    if (from?.recvNodes.get(tracked.netId) === node) from.recvNodes.delete(tracked.netId);
    // Spawned here: no peer has it any more.
    if (tracked.netId || tracked.remotePeer === 0)
      for (const info of this.#peers.values()) info.spawnNodes.delete(node);
    this.#spawned.delete(node);
  }

  /** The nodes a peer spawned here leave with it, at the end of the frame. */
  #freeRemotes(info: PeerInfo): void {
    for (const node of info.recvNodes.values()) if (this.#tracked.has(node)) node.queue_free();
  }

  #hasAuthority(node: Node): boolean {
    return this.#api.has_multiplayer_peer() && node.get_multiplayer_authority() === this.#api.get_unique_id();
  }

  // --- visibility ----------------------------------------------------------------------------------

  #visibilityChanged(peer: number, sync: MultiplayerSynchronizer): void {
    const node = sync._rootNode();
    if (!node) return;
    if (this.#spawned.has(node) && peer !== this.#api.get_unique_id())
      this.#updateSpawnVisibility(peer, node);
    this.#updateSyncVisibility(peer, sync);
  }

  /** Whether `peer` (0: each peer in turn) receives this synchronizer's state. */
  #updateSyncVisibility(peer: number, sync: MultiplayerSynchronizer): void {
    if (!this.#hasAuthority(sync) || peer === this.#api.get_unique_id()) return;
    const visible = sync._isVisibleTo(peer);
    const targets = peer === 0 ? [...this.#peers] : [[peer, this.#peers.get(peer)] as const];
    for (const [id, info] of targets) {
      if (!info) {
        printError(`Condition "!peers_info.has(p_peer)" is true: no peer ${id}.`);
        return;
      }
      const visibleToPeer = visible || (peer === 0 && sync._isVisibleTo(id));
      if (visibleToPeer === info.syncNodes.has(sync)) continue;
      if (visibleToPeer) info.syncNodes.add(sync);
      else {
        info.syncNodes.delete(sync);
        info.lastWatch.delete(sync);
      }
    }
  }

  /** Spawns (or despawns) `node` on `peer` (0: each peer) as its synchronizers' visibility says. */
  #updateSpawnVisibility(peer: number, node: Node): void {
    const tracked = this.#tracked.get(node);
    const spawner = tracked?.spawner;
    if (!tracked || !spawner || !this.#hasAuthority(spawner)) return;
    // Visible when any synchronizer of this side's authority shows it (or there is none).
    let visible = true;
    for (const sync of tracked.synchronizers) {
      if (!this.#hasAuthority(sync)) continue;
      visible = sync._isVisibleTo(peer);
      if (visible) break;
    }
    const toSpawn: number[] = [];
    const toDespawn: number[] = [];
    if (peer !== 0) {
      const info = this.#peers.get(peer);
      if (!info) {
        printError(`Condition "!peers_info.has(p_peer)" is true: no peer ${peer}.`);
        return;
      }
      if (visible === info.spawnNodes.has(node)) return;
      (visible ? toSpawn : toDespawn).push(peer);
    } else {
      for (const [id, info] of this.#peers) {
        if (!visible) this.#updateSpawnVisibility(id, node);
        else if (!info.spawnNodes.has(node)) toSpawn.push(id);
      }
    }
    if (toSpawn.length > 0) {
      const packet = this.#makeSpawnPacket(node, spawner, tracked);
      if (packet === null) return;
      for (const id of toSpawn) {
        this.#cache.sendObjectCache(spawner, id);
        this.#sendRaw(packet, id, true);
        this.#peers.get(id)!.spawnNodes.add(node);
      }
    }
    if (toDespawn.length > 0) {
      const packet = encodeDespawn(tracked.netId);
      for (const id of toDespawn) {
        this.#peers.get(id)!.spawnNodes.delete(node);
        this.#sendRaw(packet, id, true);
      }
    }
  }

  // --- sending ----------------------------------------------------------------------------------------

  #sendRaw(packet: Uint8Array, peer: number, reliable: boolean): void {
    const multiplayerPeer = this.#api.multiplayer_peer;
    if (!multiplayerPeer) return;
    multiplayerPeer.transfer_channel = 0;
    multiplayerPeer.transfer_mode = reliable ? TRANSFER_MODE_RELIABLE : TRANSFER_MODE_UNRELIABLE;
    SceneMultiplayer._sendCommand(this.#api, peer, packet);
  }

  #makeSpawnPacket(node: Node, spawner: MultiplayerSpawner, tracked: Tracked): Uint8Array | null {
    if (tracked.netId === 0) tracked.netId = ++this.#lastNetId;
    const sceneId = spawner._sceneIndexOf(node);
    let arg: Uint8Array | undefined;
    if (sceneId === 0xff) {
      const encoded = encodeCompressed(spawner._spawnArgument(node));
      if (typeof encoded === "number") return failNull("Unable to encode the spawn argument.");
      arg = encoded;
    }
    const properties: string[] = [];
    const syncIds: number[] = [];
    for (const sync of tracked.synchronizers) {
      const state = this.#syncs.get(sync);
      if (!state || !this.#hasAuthority(sync)) continue;
      const config = sync.replication_config;
      if (!config) return failNull('Condition "!sync->get_replication_config_ptr()" is true.');
      properties.push(...config._spawnProperties());
      if (state.netId === 0) state.netId = ++this.#lastNetId;
      syncIds.push(state.netId);
    }
    let state: Uint8Array = new Uint8Array(0);
    if (properties.length > 0) {
      const values = readProperties(properties, node);
      if (typeof values === "string") return failNull(`Unable to retrieve spawn state. ${values}`);
      const encoded = encodeState(values);
      if (typeof encoded === "number") return failNull("Unable to encode spawn state.");
      state = encoded;
    }
    const spawnerId = this.#cache.makeObjectCache(spawner);
    return encodeSpawn({ sceneId, spawnerId, netId: tracked.netId, syncIds, name: node.name, arg, state });
  }

  /** The synchronizer's net id for `peer`; false while a path-named one is not confirmed yet. */
  #verify(peer: number, sync: MultiplayerSynchronizer, state: SyncState): boolean {
    if (state.netId !== 0 && !(state.netId & NET_ID_BY_PATH)) return true;
    const { id, confirmed } = this.#cache.sendObjectCache(sync, peer);
    if (state.netId === 0) state.netId = (id | NET_ID_BY_PATH) >>> 0;
    return confirmed;
  }

  /** The synchronizers that should send (of this side's authority, with a config); Godot's ERR_CONTINUE. */
  #sendable(sync: MultiplayerSynchronizer): SyncState | null {
    const state = this.#syncs.get(sync);
    if (state && sync.replication_config && this.#hasAuthority(sync)) return state;
    printError(
      'Condition "!sync || !sync->get_replication_config_ptr() || !_has_authority(sync)" is true. Continuing.',
    );
    return null;
  }

  #sendSync(peer: number, syncs: MultiplayerSynchronizer[], time: number, now: number): void {
    const mtu = this.#api.max_sync_packet_size;
    let writer: SyncWriter | null = null; // made for the first state due (most frames have none)
    for (const sync of syncs) {
      const state = this.#sendable(sync);
      if (!state) continue;
      const interval = sync._intervals().sync;
      if (state.lastSync !== now) {
        if (now < state.lastSync + interval) continue; // too soon
        state.lastSync = now;
      }
      const node = sync._rootNode();
      if (!node || !this.#verify(peer, sync, state)) continue;
      const values = readParsed(state.syncPaths.of(sync.replication_config!._syncProperties()), node);
      if (typeof values === "string") {
        printError(`Unable to retrieve sync state. ${values}`);
        continue;
      }
      const bytes = state.encoding.encode(values);
      if (typeof bytes === "number") {
        printError("Unable to encode sync state.");
        continue;
      }
      if (bytes.length > mtu) {
        printError(
          `Node states bigger than MTU will not be sent (${bytes.length} > ${mtu}): ${node.get_path()}`,
        );
        continue;
      }
      if (bytes.length === 0) continue;
      writer ??= new SyncWriter(false, mtu, time);
      writer.addEntry(state.encoding.entry(state.netId));
    }
    if (!writer) return;
    writer.flush();
    for (const packet of writer.packets) this.#sendRaw(packet, peer, false);
  }

  #sendDelta(
    peer: number,
    syncs: MultiplayerSynchronizer[],
    now: number,
    lastWatch: Map<MultiplayerSynchronizer, number>,
  ): void {
    const mtu = this.#api.max_delta_packet_size;
    let writer: SyncWriter | null = null;
    for (const sync of syncs) {
      const state = this.#sendable(sync);
      if (!state || !this.#verify(peer, sync, state)) continue;
      if (sync.replication_config!._watchProperties().length === 0) continue; // nothing is ever watched
      const delta = this.#deltaState(sync, state, now, lastWatch.get(sync) ?? 0);
      if (delta === null) continue;
      if (delta.bytes.length > mtu) {
        printError(
          `Synchronizer delta bigger than MTU will not be sent (${delta.bytes.length} > ${mtu}): ${sync.get_path()}`,
        );
        continue;
      }
      writer ??= new SyncWriter(true, mtu);
      writer.add(state.netId, delta.bytes, delta.indexes);
      lastWatch.set(sync, now);
    }
    if (!writer) return;
    writer.flush();
    for (const packet of writer.packets) this.#sendRaw(packet, peer, true);
  }

  /** The ON_CHANGE properties that changed since `last` (Godot's get_delta_state); null when none did. */
  #deltaState(
    sync: MultiplayerSynchronizer,
    state: SyncState,
    now: number,
    last: number,
  ): { bytes: Uint8Array; indexes: bigint } | null {
    if (state.lastWatch !== now) {
      if (now < last + sync._intervals().delta) return null; // too soon
      this.#watchChanges(sync, state, now);
      state.lastWatch = now;
    }
    const parts: Uint8Array[] = [];
    let indexes = 0n;
    state.watchers.forEach((watcher, i) => {
      if (watcher.changedAt <= last) return;
      parts.push(watcher.bytes);
      indexes |= 1n << BigInt(i);
    });
    if (parts.length === 0) return null;
    // The watchers change only in #watchChanges (once a frame), so one mask's bytes serve every peer.
    if (state.delta?.indexes === indexes) return state.delta;
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    state.delta = { bytes, indexes };
    return state.delta;
  }

  /** Notes which ON_CHANGE properties changed (compared by their encoded bytes, as Godot compares hashes). */
  #watchChanges(sync: MultiplayerSynchronizer, state: SyncState, now: number): void {
    const paths = sync.replication_config!._watchProperties();
    state.delta = null;
    state.watchers.length = Math.min(state.watchers.length, paths.length);
    const node = sync._rootNode();
    if (!node) return;
    paths.forEach((path, i) => {
      const values = readProperties([path], node);
      if (typeof values === "string") {
        printError(values);
        return;
      }
      const bytes = encodeCompressed(values[0]);
      if (typeof bytes === "number") return;
      const watcher = state.watchers[i];
      if (!watcher || watcher.path !== path) state.watchers[i] = { path, bytes, changedAt: now };
      else if (!sameBytes(watcher.bytes, bytes)) {
        watcher.bytes = bytes;
        watcher.changedAt = now;
      }
    });
  }

  // --- receiving --------------------------------------------------------------------------------------

  #receiveSpawn(from: number, packet: Uint8Array): void {
    const spawnerId = spawnerIdOf(packet);
    if (typeof spawnerId === "string") return void printError(spawnerId);
    const spawner = this.#cache.getCachedObject(from, spawnerId);
    if (!(spawner instanceof MultiplayerSpawner)) return void printError('Parameter "spawner" is null.');
    if (from !== spawner.get_multiplayer_authority())
      return void printError(
        'Condition "p_from != spawner->get_multiplayer_authority()" is true. Returning: ERR_UNAUTHORIZED',
      );
    const spawn = decodeSpawn(packet);
    if (typeof spawn === "string") return void printError(spawn);
    const { name } = spawn;
    if (name === "" || /[.:/"%]/.test(name)) {
      return void printError(
        `Invalid node name received: '${name}'. Make sure to add nodes via 'add_child(node, true)' remotely.`,
      );
    }
    const parent = spawner._spawnNode();
    if (!parent) return void printError('Parameter "parent" is null.');
    if (parent.has_node(name)) return void printError('Condition "parent->has_node(name)" is true.');
    const info = this.#peers.get(from);
    if (!info) return void printError('Condition "!peers_info.has(p_from)" is true.');
    if (info.recvNodes.has(spawn.netId))
      return void printError('Condition "peers_info[p_from].recv_nodes.has(net_id)" is true.');
    let node: Node | null;
    if (spawn.arg !== undefined) {
      const arg = spawn.arg.length > 0 ? decodeCompressed(spawn.arg) : null;
      if (!arg) return void printError("Invalid packet received. Unable to decode the spawn argument.");
      node = spawner._instantiateCustom(arg.value as Variant);
    } else node = spawner._instantiateScene(spawn.sceneId);
    if (!node) return void printError('Parameter "node" is null.');
    node.name = name;

    const tracked = this.#track(node);
    tracked.spawner = spawner;
    tracked.netId = spawn.netId;
    tracked.remotePeer = from;
    info.recvNodes.set(spawn.netId, node);
    // The spawn state is applied as the node's synchronizers start (before _ready).
    this.#pending = { node, from, state: spawn.state, syncIds: [...spawn.syncIds] };
    try {
      parent.add_child(node);
      spawner.spawned.emit(node);
    } finally {
      const left = this.#pending.syncIds.length;
      this.#pending = null;
      if (left > 0)
        printError(`Spawn of "${name}" left ${left} synchronizer net ids unused (ERR_INVALID_DATA).`);
    }
  }

  #receiveDespawn(from: number, packet: Uint8Array): void {
    const netId = decodeDespawn(packet);
    if (typeof netId === "string") return void printError(netId);
    const info = this.#peers.get(from);
    if (!info)
      return void printError('Condition "!peers_info.has(p_from)" is true. Returning: ERR_UNAUTHORIZED');
    const node = info.recvNodes.get(netId);
    if (!node)
      return void printError(
        'Condition "!pinfo.recv_nodes.has(net_id)" is true. Returning: ERR_UNAUTHORIZED',
      );
    info.recvNodes.delete(netId);
    const spawner = this.#tracked.get(node)?.spawner;
    if (!spawner) return void printError('Parameter "spawner" is null.');
    if (from !== spawner.get_multiplayer_authority())
      return void printError(
        'Condition "p_from != spawner->get_multiplayer_authority()" is true. Returning: ERR_UNAUTHORIZED',
      );
    node.get_parent()?.remove_child(node);
    node.queue_free();
    spawner.despawned.emit(node);
  }

  #receiveSync(from: number, packet: Uint8Array): void {
    if (packet.length < MIN_SYNC) return void printError("Invalid sync packet received");
    const delta = (packet[0]! & SYNC_DELTA) !== 0;
    const time = delta ? 0 : syncTime(packet);
    const entries = readSync(packet);
    for (let next = entries.next(); ; next = entries.next()) {
      if (next.done) {
        if (next.value) printError(next.value);
        return;
      }
      const { netId, indexes, state: bytes } = next.value;
      const sync = this.#findSynchronizer(from, netId);
      const node = sync?._rootNode() ?? null;
      const state = sync ? this.#syncs.get(sync) : undefined;
      if (!delta && !sync) continue; // not received yet
      if (!sync || !state || !node || sync.get_multiplayer_authority() !== from) {
        printError(
          delta
            ? "Ignoring delta for non-authority or invalid synchronizer."
            : "Ignoring sync data from non-authority or for missing node.",
        );
        continue;
      }
      const config = sync.replication_config;
      if (!config) continue;
      if (!delta && !inboundInOrder(state, time)) continue; // older than what was applied
      const properties = delta
        ? deltaProperties(config._watchProperties(), indexes)
        : config._syncProperties();
      if (delta && properties.length === 0)
        return void printError("Invalid delta received: no property selected.");
      const decoded = decodeState(bytes, properties.length);
      if (typeof decoded === "string") return void printError(decoded);
      if (delta && decoded.used !== bytes.length)
        return void printError('Condition "uint32_t(consumed) != size" is true.');
      const error = delta
        ? writeProperties(properties, node, decoded.values)
        : writeParsed(state.syncPaths.of(properties), node, decoded.values);
      if (error !== null) return void printError(error);
      (delta ? sync.delta_synchronized : sync.synchronized).emit();
    }
  }

  #findSynchronizer(from: number, netId: number): MultiplayerSynchronizer | null {
    if (netId & NET_ID_BY_PATH) {
      const node = this.#cache.getCachedObject(from, netId & 0x7fffffff);
      return node instanceof MultiplayerSynchronizer ? node : null;
    }
    return this.#peers.get(from)?.recvSyncIds.get(netId) ?? null;
  }
}

function resetState(state: SyncState): void {
  state.netId = 0;
  state.lastSync = 0;
  state.lastInbound = 0;
  state.lastWatch = 0;
  state.syncStarted = false;
  state.watchers.length = 0;
  state.delta = null;
}

/** Whether a SYNC's 16-bit time is newer than the last one applied (wrapping as Godot's does). */
function inboundInOrder(state: SyncState, time: number): boolean {
  if (!state.syncStarted) state.syncStarted = true;
  else if (time <= state.lastInbound && state.lastInbound - time < 32767) return false;
  state.lastInbound = time;
  return true;
}

/** The ON_CHANGE properties a delta's mask selects. */
function deltaProperties(watched: readonly string[], indexes: bigint): string[] {
  return watched.filter((_, i) => (indexes >> BigInt(i)) & 1n);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fail(code: GodotError, message: string): GodotError {
  printError(message);
  return code;
}

function failNull(message: string): null {
  printError(message);
  return null;
}
