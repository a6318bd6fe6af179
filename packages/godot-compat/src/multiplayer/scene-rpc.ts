// Follows Godot's modules/multiplayer/scene_rpc_interface.cpp, scene_cache_interface.cpp.
// SceneMultiplayer's RPC half, as Godot 4 does it (scene_rpc_interface.cpp, scene_cache_interface.cpp):
// sending node.rpc()/rpc_id(), checking and running the calls that arrive, and the node path cache
// (a node is named by its path until the peer confirms a short id for it). One per MultiplayerAPI;
// the API hands it the commands it does not handle itself and tells it when peers come and go.
import { describe } from "@wsport/core/internal";
import {
  ERR_CONNECTION_ERROR,
  ERR_INVALID_PARAMETER,
  ERR_UNCONFIGURED,
  FAILED,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid as fail, printError } from "../core/print.js";
import { RPC_MODE_ANY_PEER, RPC_MODE_AUTHORITY } from "../scene/multiplayer-api.js";
import { CONNECTION_CONNECTED as CONNECTED, TRANSFER_MODE_RELIABLE } from "../scene/multiplayer-peer.js";
import { Node } from "../scene/node.js";
import { type RpcConfig, rpcTable } from "../scene/rpc-config.js";
import {
  NETWORK_COMMAND_CONFIRM_PATH as CMD_CONFIRM_PATH,
  CMD_MASK,
  NETWORK_COMMAND_REMOTE_CALL as CMD_REMOTE_CALL,
  NETWORK_COMMAND_SIMPLIFY_PATH as CMD_SIMPLIFY_PATH,
} from "./network-commands.js";
import {
  decodeCallArgs,
  decodeConfirmPath,
  decodeRemoteCall,
  decodeSimplifyPath,
  encodeArgs,
  encodeConfirmPath,
  encodeRemoteCall,
  encodeSimplifyPath,
} from "./rpc-wire.js";
import { type MultiplayerLayer, SceneMultiplayer } from "./scene-multiplayer.js";

const MODE_NAMES = ["disabled", "any_peer", "authority"];

/** The RPC layer of a SceneMultiplayer (it attaches itself), made when a SceneTree first configures the API. */
export function makeRpcLayer(api: SceneMultiplayer): MultiplayerLayer {
  return new SceneRPC(api);
}

interface Received {
  node: Node | null;
  path: string;
}

class SceneRPC implements MultiplayerLayer {
  readonly commands = [CMD_REMOTE_CALL, CMD_SIMPLIFY_PATH, CMD_CONFIRM_PATH];

  readonly #api: SceneMultiplayer;
  readonly #setSender: (id: number) => void;
  #root: (() => Node | null) | null = null;
  #rootPath = "";
  // The cache: ids this side gave its nodes, and per peer what it was told and what it confirmed.
  #nextCacheId = 1;
  readonly #cacheIds = new Map<Node, number>();
  readonly #nodesByCacheId = new Map<number, Node>();
  readonly #sent = new Map<number, Map<Node, boolean>>();
  readonly #received = new Map<number, Map<number, Received>>();

  constructor(api: SceneMultiplayer) {
    this.#api = api;
    this.#setSender = SceneMultiplayer._attachLayer(api, this);
  }

  /** Where paths start: SceneTree.set_multiplayer() gives the branch this API serves. */
  setRoot(root: () => Node | null, rootPath: string): void {
    this.#root = root;
    this.#rootPath = rootPath;
  }

  /** The peer joined (`connected`) or left: its cache starts empty or is dropped. */
  peerChanged(id: number, connected: boolean): void {
    if (connected) {
      this.#sent.set(id, new Map());
      this.#received.set(id, new Map());
    } else {
      this.#sent.delete(id);
      this.#received.delete(id);
    }
  }

  clear(): void {
    this.#sent.clear();
    this.#received.clear();
    this.#cacheIds.clear();
    this.#nodesByCacheId.clear();
    this.#nextCacheId = 1;
  }

  /** Node.rpc_id(): sends to `peerId` (0 all, negative all but one) and calls here too when `call_local` says so. */
  rpcp(node: Node, peerId: number, method: string, args: readonly unknown[]): GodotError {
    if (!(node instanceof Node))
      return fail(`rpc() needs a Node, got ${describe(node)}.`, ERR_INVALID_PARAMETER);
    const peer = this.#api.multiplayer_peer;
    if (!peer) return fail("Trying to call an RPC while no multiplayer peer is active.", ERR_UNCONFIGURED);
    if (!node.is_inside_tree())
      return fail("The object must be a valid Node inside the SceneTree", ERR_INVALID_PARAMETER);
    if (peer.get_connection_status() !== CONNECTED) {
      return fail(
        "Trying to call an RPC via a multiplayer peer which is not connected.",
        ERR_CONNECTION_ERROR,
      );
    }
    if (!Number.isInteger(peerId))
      return fail(`Invalid peer ID: ${String(peerId)}; it must be an integer.`, ERR_INVALID_PARAMETER);
    const table = rpcTable(Node._rpcs(node));
    const id = typeof method === "string" ? table.ids.get(method) : undefined;
    if (id === undefined) {
      return fail(
        `Unable to get the RPC configuration for the function "${String(method)}" at path: "${node.get_path()}". This happens when the method is missing or not marked for RPCs in the local script.`,
        ERR_INVALID_PARAMETER,
      );
    }
    const config = table.byId.get(id)!.config;
    const self = this.#api.get_unique_id();
    if (peerId === self && !config.call_local) {
      return fail(`RPC '${method}' on yourself is not allowed by selected mode.`, ERR_INVALID_PARAMETER);
    }
    if (peerId !== self) {
      const sent = this.#send(node, peerId, id, config, args);
      if (sent !== OK) return sent;
    }
    const callHere =
      config.call_local && (peerId === 0 || peerId === self || (peerId < 0 && peerId !== -self));
    if (!callHere) return OK;
    this.#setSender(self);
    try {
      callMethod(node, method, args);
    } catch (error) {
      printError(`rpc() aborted in local call:  - ${describeError(error)}.`);
      return FAILED;
    } finally {
      this.#setSender(0);
    }
    return OK;
  }

  /** A command from `from` that belongs to the RPC layer; false if it is not one of its commands. */
  process(from: number, packet: Uint8Array): void {
    const command = packet[0]! & CMD_MASK;
    if (command === CMD_REMOTE_CALL) this.#processCall(from, packet);
    else if (command === CMD_SIMPLIFY_PATH) this.#processSimplifyPath(from, packet);
    else if (command === CMD_CONFIRM_PATH) this.#processConfirmPath(from, packet);
  }

  // --- sending -------------------------------------------------------------------------------

  #send(node: Node, to: number, methodId: number, config: RpcConfig, args: readonly unknown[]): GodotError {
    const peers = this.#api.get_peers();
    if (to !== 0 && !peers.includes(Math.abs(to))) {
      // Godot prints and sends nothing; the call itself still succeeds.
      if (to === this.#api.get_unique_id())
        printError(`Attempt to call RPC on yourself! Peer unique ID: ${to}.`);
      else printError(`Attempt to call RPC with unknown peer ID: ${to}.`);
      return OK;
    }
    const targets = to > 0 ? [to] : peers.filter((p) => p !== -to);
    if (targets.length === 0) return OK;
    if (args.length > 255) return fail("Too many arguments (>255).", ERR_INVALID_PARAMETER);
    const encoded = encodeArgs(args);
    if (typeof encoded === "number") return fail("Unable to encode RPC arguments.", encoded);

    const cacheId = this.#cacheIdOf(node);
    const unknown = targets.filter((p) => !this.#sent.get(p)?.has(node));
    if (unknown.length > 0) this.#sendSimplifyPath(node, cacheId, unknown);
    const allConfirmed = targets.every((p) => this.#sent.get(p)?.get(node) === true);

    const peer = this.#api.multiplayer_peer!;
    peer.transfer_channel = config.channel;
    peer.transfer_mode = config.transfer_mode;
    if (allConfirmed) {
      const packet = encodeRemoteCall(cacheId, methodId, encoded, false);
      for (const target of targets) this.#api.sendCommand(target, packet);
      return OK;
    }
    const byId = encodeRemoteCall(cacheId, methodId, encoded, true);
    const byPath = encodeRemoteCall(cacheId, methodId, encoded, true, this.#relativePath(node));
    for (const target of targets) {
      this.#api.sendCommand(target, this.#sent.get(target)?.get(node) === true ? byId : byPath);
    }
    return OK;
  }

  #cacheIdOf(node: Node): number {
    let id = this.#cacheIds.get(node);
    if (id === undefined) {
      id = this.#nextCacheId++;
      this.#cacheIds.set(node, id);
      this.#nodesByCacheId.set(id, node);
    }
    return id;
  }

  #sendSimplifyPath(node: Node, cacheId: number, peers: number[]): void {
    const packet = encodeSimplifyPath(rpcTable(Node._rpcs(node)).md5Hex, cacheId, this.#relativePath(node));
    const peer = this.#api.multiplayer_peer!;
    for (const id of peers) {
      peer.transfer_channel = 0;
      peer.transfer_mode = TRANSFER_MODE_RELIABLE;
      if (this.#api.sendCommand(id, packet) !== OK) return;
      this.#sent.get(id)?.set(node, false);
    }
  }

  /** The node's path from this API's root, as Godot's NodePath.rel_path_to writes it. */
  #relativePath(node: Node): string {
    const from = this.#rootPath.split("/").filter(Boolean);
    const to = node.get_path().split("/").filter(Boolean);
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    const parts = [...from.slice(common).map(() => ".."), ...to.slice(common)];
    return parts.length ? parts.join("/") : ".";
  }

  // --- receiving -----------------------------------------------------------------------------

  #processCall(from: number, packet: Uint8Array): void {
    const call = decodeRemoteCall(packet);
    if (typeof call === "string") {
      printError(call);
      return;
    }
    let node: Node | null;
    if (call.path !== undefined) {
      node = this.#nodeAt(call.path);
      if (!node) printError(`Failed to get path from RPC: ${call.path}.`);
    } else node = this.#cachedNode(from, call.nodeId!);
    if (!node) {
      printError("Invalid packet received. Requested node was not found.");
      return;
    }

    const entry = rpcTable(Node._rpcs(node)).byId.get(call.methodId);
    if (!entry) {
      printError('Condition "!cache_config.configs.has(p_rpc_method_id)" is true.');
      return;
    }
    const { name, config } = entry;
    const allowed =
      config.rpc_mode === RPC_MODE_ANY_PEER ||
      (config.rpc_mode === RPC_MODE_AUTHORITY && from === node.get_multiplayer_authority());
    if (!allowed) {
      printError(
        `RPC '${name}' is not allowed on node ${node.get_path()} from: ${from}. Mode is "${MODE_NAMES[config.rpc_mode]}", authority is ${node.get_multiplayer_authority()}.`,
      );
      return;
    }
    const args = decodeCallArgs(packet, call);
    if (typeof args === "string") {
      printError(args);
      return;
    }
    try {
      callMethod(node, name, args);
    } catch (error) {
      printError(`RPC - ${describeError(error)}`);
    }
  }

  #processSimplifyPath(from: number, packet: Uint8Array): void {
    const received = this.#received.get(from);
    if (!received) return; // not a peer (yet): Godot treats this as a bug and drops it
    const simplify = decodeSimplifyPath(packet);
    if (!simplify) {
      printError("Invalid packet received. Size too small.");
      return;
    }
    if (received.has(simplify.id)) {
      printError(`Duplicate remote cache ID ${simplify.id} for peer ${from}`);
      return;
    }
    const node = this.#nodeAt(simplify.path);
    if (!node) {
      printError('Parameter "node" is null.');
      return;
    }
    const valid = rpcTable(Node._rpcs(node)).md5Hex === simplify.md5Hex;
    if (!valid) checksumFailed(simplify.path);
    received.set(simplify.id, { node, path: simplify.path });
    const peer = this.#api.multiplayer_peer;
    if (!peer) return;
    peer.transfer_channel = 0;
    peer.transfer_mode = TRANSFER_MODE_RELIABLE;
    this.#api.sendCommand(from, encodeConfirmPath(valid, simplify.id));
  }

  #processConfirmPath(from: number, packet: Uint8Array): void {
    const confirm = decodeConfirmPath(packet);
    if (!confirm) {
      printError("Invalid packet received. Size too small.");
      return;
    }
    const node = this.#nodesByCacheId.get(confirm.id);
    if (!node) return; // the node may have been removed since
    if (!confirm.valid) checksumFailed(node.get_path());
    const sent = this.#sent.get(from);
    if (!sent?.has(node)) {
      printError("Invalid packet received. Tries to confirm a node which was not requested.");
      return;
    }
    sent.set(node, true);
  }

  #cachedNode(from: number, id: number): Node | null {
    const entry = this.#received.get(from)?.get(id);
    if (!entry) {
      printError(`ID ${id} not found in cache of peer ${from}.`);
      return null;
    }
    // The node may have left the tree since; as Godot does, look its path up again.
    if (!entry.node?.is_inside_tree()) entry.node = this.#nodeAt(entry.path);
    if (!entry.node) printError(`Failed to get cached node from peer ${from} with cache ID ${id}.`);
    return entry.node;
  }

  #nodeAt(path: string): Node | null {
    const root = this.#root?.();
    return root ? root.get_node_or_null(path) : null;
  }
}

function callMethod(node: Node, name: string, args: readonly unknown[]): void {
  const fn = (node as unknown as Record<string, unknown>)[name];
  if (typeof fn !== "function")
    throw new TypeError(`Invalid call. Nonexistent function '${name}' in base '${node.constructor.name}'.`);
  fn.apply(node, args);
}

function checksumFailed(path: string): void {
  printError(
    `The rpc node checksum failed. Make sure to have the same methods on both nodes. Node path: ${path}`,
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
