// Follows Godot's modules/multiplayer/scene_cache_interface.cpp.
// The node path cache that SceneMultiplayer's RPC and replication layers share, as Godot's
// SceneCacheInterface is shared: a node is named by its path (SIMPLIFY_PATH, with its RPC names' MD5
// and a short id) until the peer answers CONFIRM_PATH; after that the id alone names it. Ids this side
// gave are dropped when their node leaves the tree, as Godot drops them.
import type { GodotError } from "../core/error.js";
import { printError } from "../core/print.js";
import { MultiplayerPeer } from "../scene/multiplayer-peer.js";
import { Node } from "../scene/node.js";
import { rpcTable } from "../scene/rpc-config.js";
import {
  NETWORK_COMMAND_CONFIRM_PATH as CMD_CONFIRM_PATH,
  CMD_MASK,
  NETWORK_COMMAND_SIMPLIFY_PATH as CMD_SIMPLIFY_PATH,
} from "./network-commands.js";
import { decodeConfirmPath, decodeSimplifyPath, encodeConfirmPath, encodeSimplifyPath } from "./rpc-wire.js";
import { type MultiplayerLayer, SceneMultiplayer } from "./scene-multiplayer.js";

const { TRANSFER_MODE_RELIABLE } = MultiplayerPeer;

/** A node a peer named with an id: the node found then (looked up again by path when it left the tree). */
interface Received {
  node: Node | null;
  path: string;
}

interface PeerCache {
  /** Ids the peer gave its nodes. */
  received: Map<number, Received>;
  /** Nodes this side told the peer about. */
  sent: Set<Node>;
}

/** What this side gave one of its nodes: an id, and which peers were told (true once they confirmed). */
interface NodeCache {
  id: number;
  confirmed: Map<number, boolean>;
  /** Forgets the node when it leaves the tree. */
  onExit: () => void;
}

export class SceneCache implements MultiplayerLayer {
  readonly commands = [CMD_SIMPLIFY_PATH, CMD_CONFIRM_PATH];

  readonly #api: SceneMultiplayer;
  #root: (() => Node | null) | null = null;
  #rootPath = "";
  #nextId = 1;
  readonly #nodes = new Map<Node, NodeCache>();
  readonly #byId = new Map<number, Node>();
  readonly #peers = new Map<number, PeerCache>();

  constructor(api: SceneMultiplayer) {
    this.#api = api;
    SceneMultiplayer._attachLayer(api, this);
  }

  setRoot(root: () => Node | null, rootPath: string): void {
    this.#root = root;
    this.#rootPath = rootPath;
  }

  peerChanged(id: number, connected: boolean): void {
    if (connected) {
      this.#peers.set(id, { received: new Map(), sent: new Set() });
      return;
    }
    const peer = this.#peers.get(id);
    if (!peer) return;
    for (const node of peer.sent) this.#nodes.get(node)?.confirmed.delete(id);
    this.#peers.delete(id);
  }

  clear(): void {
    for (const [node, cache] of this.#nodes) node.tree_exited.disconnect(cache.onExit);
    this.#nodes.clear();
    this.#byId.clear();
    this.#peers.clear();
    this.#nextId = 1;
  }

  process(from: number, packet: Uint8Array): void {
    const command = packet[0]! & CMD_MASK;
    if (command === CMD_SIMPLIFY_PATH) this.#processSimplifyPath(from, packet);
    else if (command === CMD_CONFIRM_PATH) this.#processConfirmPath(from, packet);
  }

  // --- this side's ids ---------------------------------------------------------------------------

  /** The id this side gives `node` (made on first use), as Godot's make_object_cache. */
  makeObjectCache(node: Node): number {
    return this.#track(node).id;
  }

  /**
   * Tells every target (`to`: a peer, 0 all, -id all but one) that has not heard of `node` its id
   * and path; whether every target has confirmed it already (Godot's send_object_cache).
   */
  sendObjectCache(node: Node, to: number): { id: number; confirmed: boolean } {
    const cache = this.#track(node);
    let confirmed = true;
    const told: number[] = [];
    const targets = to > 0 ? [to] : [...this.#peers.keys()].filter((p) => to === 0 || p !== -to);
    for (const peer of targets) {
      if (!this.#peers.has(peer)) {
        printError(`Peer doesn't exist: ${peer}`);
        return { id: cache.id, confirmed: false };
      }
      const state = cache.confirmed.get(peer);
      if (state === undefined) told.push(peer);
      if (state !== true) confirmed = false;
    }
    if (told.length > 0) this.#sendSimplifyPath(node, cache, told);
    return { id: cache.id, confirmed };
  }

  /** Whether `peer` confirmed the id of `node`. */
  isConfirmed(node: Node, peer: number): boolean {
    return this.#nodes.get(node)?.confirmed.get(peer) === true;
  }

  /** The node's path from the API's root, as Godot's NodePath.rel_path_to writes it. */
  relativePath(node: Node): string {
    const from = this.#rootPath.split("/").filter(Boolean);
    const to = node.get_path().split("/").filter(Boolean);
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    const parts = [...from.slice(common).map(() => ".."), ...to.slice(common)];
    return parts.length ? parts.join("/") : ".";
  }

  #track(node: Node): NodeCache {
    let cache = this.#nodes.get(node);
    if (cache === undefined) {
      const id = this.#nextId++;
      const onExit = () => this.#forget(node);
      cache = { id, confirmed: new Map(), onExit };
      this.#nodes.set(node, cache);
      this.#byId.set(id, node);
      node.tree_exited.connect(onExit);
    }
    return cache;
  }

  #forget(node: Node): void {
    const cache = this.#nodes.get(node);
    if (!cache) return;
    node.tree_exited.disconnect(cache.onExit);
    this.#byId.delete(cache.id);
    for (const peer of cache.confirmed.keys()) this.#peers.get(peer)?.sent.delete(node);
    this.#nodes.delete(node);
  }

  #sendSimplifyPath(node: Node, cache: NodeCache, peers: number[]): GodotError | undefined {
    const packet = encodeSimplifyPath(rpcTable(Node._rpcs(node)).md5Hex, cache.id, this.relativePath(node));
    const peer = this.#api.multiplayer_peer!;
    for (const id of peers) {
      peer.transfer_channel = 0;
      peer.transfer_mode = TRANSFER_MODE_RELIABLE;
      const error = SceneMultiplayer._sendCommand(this.#api, id, packet);
      if (error) return error;
      cache.confirmed.set(id, false);
      this.#peers.get(id)?.sent.add(node);
    }
    return undefined;
  }

  // --- the peers' ids ----------------------------------------------------------------------------

  /** The node peer `from` calls `id`, or null after Godot's print (Godot's get_cached_object). */
  getCachedObject(from: number, id: number): Node | null {
    const peer = this.#peers.get(from);
    if (!peer) return null;
    const entry = peer.received.get(id);
    if (!entry) {
      printError(`ID ${id} not found in cache of peer ${from}.`);
      return null;
    }
    // The node may have left the tree since; as Godot does, look its path up again.
    if (!entry.node?.is_inside_tree()) entry.node = this.nodeAt(entry.path);
    if (!entry.node) printError(`Failed to get cached node from peer ${from} with cache ID ${id}.`);
    return entry.node;
  }

  /** The node at `path` from the API's root. */
  nodeAt(path: string): Node | null {
    const root = this.#root?.();
    return root ? root.get_node_or_null(path) : null;
  }

  #processSimplifyPath(from: number, packet: Uint8Array): void {
    const peer = this.#peers.get(from);
    if (!peer) return; // not a peer (yet): Godot treats this as a bug and drops it
    const simplify = decodeSimplifyPath(packet);
    if (!simplify) {
      printError("Invalid packet received. Size too small.");
      return;
    }
    if (peer.received.has(simplify.id)) {
      printError(`Duplicate remote cache ID ${simplify.id} for peer ${from}`);
      return;
    }
    const node = this.nodeAt(simplify.path);
    if (!node) {
      printError('Parameter "node" is null.');
      return;
    }
    const valid = rpcTable(Node._rpcs(node)).md5Hex === simplify.md5Hex;
    if (!valid) checksumFailed(simplify.path);
    peer.received.set(simplify.id, { node, path: simplify.path });
    const multiplayerPeer = this.#api.multiplayer_peer;
    if (!multiplayerPeer) return;
    multiplayerPeer.transfer_channel = 0;
    multiplayerPeer.transfer_mode = TRANSFER_MODE_RELIABLE;
    SceneMultiplayer._sendCommand(this.#api, from, encodeConfirmPath(valid, simplify.id));
  }

  #processConfirmPath(from: number, packet: Uint8Array): void {
    const confirm = decodeConfirmPath(packet);
    if (!confirm) {
      printError("Invalid packet received. Size too small.");
      return;
    }
    const node = this.#byId.get(confirm.id);
    if (!node) return; // the node may have been removed since
    if (!confirm.valid) checksumFailed(node.get_path());
    const cache = this.#nodes.get(node)!;
    if (!cache.confirmed.has(from)) {
      printError("Invalid packet received. Tries to confirm a node which was not requested.");
      return;
    }
    cache.confirmed.set(from, true);
  }
}

function checksumFailed(path: string): void {
  printError(
    `The rpc node checksum failed. Make sure to have the same methods on both nodes. Node path: ${path}`,
  );
}
