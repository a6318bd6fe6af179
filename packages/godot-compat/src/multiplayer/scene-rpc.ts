// Follows Godot's modules/multiplayer/scene_rpc_interface.cpp.
// SceneMultiplayer's RPC half, as Godot 4 does it: sending node.rpc()/rpc_id() and checking and running
// the calls that arrive. Nodes are named through the node path cache it shares with replication
// (scene-cache.ts). One per MultiplayerAPI; the API hands it the REMOTE_CALL commands.
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
import { CONNECTION_CONNECTED as CONNECTED } from "../scene/multiplayer-peer.js";
import { Node } from "../scene/node.js";
import { type RpcConfig, rpcTable } from "../scene/rpc-config.js";
import { NETWORK_COMMAND_REMOTE_CALL as CMD_REMOTE_CALL } from "./network-commands.js";
import { decodeCallArgs, decodeRemoteCall, encodeArgs, encodeRemoteCall } from "./rpc-wire.js";
import type { SceneCache } from "./scene-cache.js";
import { type MultiplayerLayer, SceneMultiplayer } from "./scene-multiplayer.js";

const MODE_NAMES = ["disabled", "any_peer", "authority"];

/** Whether an RPC on a node may go to a peer (0: every peer): the replication layer's visibility. */
export type RpcVisibility = (node: Node, peer: number) => boolean;

/** The RPC layer of a SceneMultiplayer (it attaches itself), made when a SceneTree first configures the API. */
export function makeRpcLayer(
  api: SceneMultiplayer,
  cache: SceneCache,
  visible: RpcVisibility,
): MultiplayerLayer {
  return new SceneRPC(api, cache, visible);
}

class SceneRPC implements MultiplayerLayer {
  readonly commands = [CMD_REMOTE_CALL];

  readonly #api: SceneMultiplayer;
  readonly #cache: SceneCache;
  readonly #visible: RpcVisibility;
  readonly #setSender: (id: number) => void;

  constructor(api: SceneMultiplayer, cache: SceneCache, visible: RpcVisibility) {
    this.#api = api;
    this.#cache = cache;
    this.#visible = visible;
    this.#setSender = SceneMultiplayer._attachLayer(api, this);
  }

  peerChanged(): void {}

  clear(): void {}

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

  /** A REMOTE_CALL command from `from`. */
  process(from: number, packet: Uint8Array): void {
    this.#processCall(from, packet);
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
    // Only the peers that can see the node (replication visibility), as Godot's _send_rpc.
    if (to > 0 && !this.#visible(node, to)) {
      printError(`Attempt to call an RPC to a peer that cannot see this node. Peer ID: ${to}`);
      return OK;
    }
    const restricted = to <= 0 && !this.#visible(node, 0);
    const targets = to > 0 ? [to] : peers.filter((p) => p !== -to && (!restricted || this.#visible(node, p)));
    if (targets.length === 0) return OK;
    if (args.length > 255) return fail("Too many arguments (>255).", ERR_INVALID_PARAMETER);
    const encoded = encodeArgs(args);
    if (typeof encoded === "number") return fail("Unable to encode RPC arguments.", encoded);

    let cacheId = 0;
    let allConfirmed = true;
    for (const target of targets) {
      const cached = this.#cache.sendObjectCache(node, target);
      cacheId = cached.id;
      allConfirmed &&= cached.confirmed;
    }
    const peer = this.#api.multiplayer_peer!;
    peer.transfer_channel = config.channel;
    peer.transfer_mode = config.transfer_mode;
    if (allConfirmed) {
      const packet = encodeRemoteCall(cacheId, methodId, encoded, false);
      for (const target of targets) SceneMultiplayer._sendCommand(this.#api, target, packet);
      return OK;
    }
    const byId = encodeRemoteCall(cacheId, methodId, encoded, true);
    const byPath = encodeRemoteCall(cacheId, methodId, encoded, true, this.#cache.relativePath(node));
    for (const target of targets) {
      SceneMultiplayer._sendCommand(this.#api, target, this.#cache.isConfirmed(node, target) ? byId : byPath);
    }
    return OK;
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
      node = this.#cache.nodeAt(call.path);
      if (!node) printError(`Failed to get path from RPC: ${call.path}.`);
    } else node = this.#cache.getCachedObject(from, call.nodeId!);
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
}

function callMethod(node: Node, name: string, args: readonly unknown[]): void {
  const fn = (node as unknown as Record<string, unknown>)[name];
  if (typeof fn !== "function")
    throw new TypeError(`Invalid call. Nonexistent function '${name}' in base '${node.constructor.name}'.`);
  fn.apply(node, args);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
