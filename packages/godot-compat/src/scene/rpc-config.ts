// Follows Godot's scene/main/multiplayer_api.cpp (rpc_config), modules/multiplayer/scene_rpc_interface.cpp (ids).
// What makes a method an RPC: the `@rpc(...)` annotation (a standard TypeScript decorator here) and
// Node.rpc_config(). Each node's RPCs get ids the way Godot gives them (scene_rpc_interface.cpp):
// the node's own rpc_config() entries first, sorted by name, with bit 15 set; then the script's
// (@rpc) methods, sorted by name, from 0. Both peers compute the same ids from the same class, and
// an MD5 of the names in that order lets them check that they did.
import { md5 } from "@noble/hashes/legacy.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { encodeUtf8 } from "@wsport/core/internal";
import { RPC_MODE_ANY_PEER, RPC_MODE_AUTHORITY } from "./multiplayer-api.js";
import {
  TRANSFER_MODE_RELIABLE,
  TRANSFER_MODE_UNRELIABLE,
  TRANSFER_MODE_UNRELIABLE_ORDERED,
  type TransferMode,
} from "./multiplayer-peer.js";

export type { TransferMode };

/** MultiplayerAPI.RPC_MODE_DISABLED (0), RPC_MODE_ANY_PEER (1) or RPC_MODE_AUTHORITY (2). */
export type RpcMode = 0 | 1 | 2;

/** One RPC's configuration, with the keys of Godot's rpc_config() dictionary. */
export interface RpcConfig {
  rpc_mode: RpcMode;
  transfer_mode: TransferMode;
  call_local: boolean;
  channel: number;
}

/** The words `@rpc(...)` takes, in any order, and a channel number. */
export type RpcArgument =
  | "any_peer"
  | "authority"
  | "call_local"
  | "call_remote"
  | "reliable"
  | "unreliable"
  | "unreliable_ordered"
  | number;

const WORDS: Record<string, Partial<RpcConfig>> = {
  any_peer: { rpc_mode: RPC_MODE_ANY_PEER },
  authority: { rpc_mode: RPC_MODE_AUTHORITY },
  call_local: { call_local: true },
  call_remote: { call_local: false },
  reliable: { transfer_mode: TRANSFER_MODE_RELIABLE },
  unreliable: { transfer_mode: TRANSFER_MODE_UNRELIABLE },
  unreliable_ordered: { transfer_mode: TRANSFER_MODE_UNRELIABLE_ORDERED },
};

/** What GDScript's parser makes of `@rpc(...)`'s arguments; a TypeError where it reports a parse error. */
export function parseRpcArguments(args: readonly unknown[]): RpcConfig {
  // The annotation's defaults, which differ from rpc_config()'s (reliable) in the transfer mode.
  const config: RpcConfig = {
    rpc_mode: RPC_MODE_AUTHORITY,
    transfer_mode: TRANSFER_MODE_UNRELIABLE,
    call_local: false,
    channel: 0,
  };
  if (args.length > 4) throw new TypeError(`@rpc takes at most 4 arguments (got ${args.length})`);
  args.forEach((arg, i) => {
    if (typeof arg === "number") {
      if (i !== args.length - 1 || !Number.isInteger(arg) || arg < 0 || arg > 255) {
        throw new TypeError(
          `@rpc: the channel must be the last argument, an integer from 0 to 255 (got ${arg})`,
        );
      }
      config.channel = arg;
    } else if (typeof arg === "string" && Object.hasOwn(WORDS, arg)) {
      Object.assign(config, WORDS[arg]);
    } else {
      throw new TypeError(
        `@rpc: invalid argument ${typeof arg === "string" ? JSON.stringify(arg) : typeof arg}; must be one of ` +
          "'call_local'/'call_remote', 'any_peer'/'authority', 'reliable'/'unreliable'/'unreliable_ordered', or a channel number",
      );
    }
  });
  return config;
}

/** rpc_config()'s dictionary with its defaults (rpc_mode authority, reliable, remote only, channel 0); null if it is not one. */
export function readRpcConfig(value: unknown): RpcConfig | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const dict = value as Partial<Record<keyof RpcConfig, unknown>>;
  const mode = dict.rpc_mode ?? RPC_MODE_AUTHORITY;
  const transfer = dict.transfer_mode ?? TRANSFER_MODE_RELIABLE;
  const channel = dict.channel ?? 0;
  const local = dict.call_local ?? false;
  if (mode !== 0 && mode !== 1 && mode !== 2) return null;
  if (transfer !== 0 && transfer !== 1 && transfer !== 2) return null;
  if (typeof channel !== "number" || !Number.isInteger(channel) || channel < 0 || channel > 255) return null;
  if (typeof local !== "boolean") return null;
  return { rpc_mode: mode, transfer_mode: transfer, call_local: local, channel };
}

// --- per node ------------------------------------------------------------------------------------

/** A node's RPCs as both peers number them. */
export interface RpcTable {
  ids: Map<string, number>;
  byId: Map<number, { name: string; config: RpcConfig }>;
  md5Hex: string;
}

/** A node's RPCs: its script's (`@rpc`) and its own (rpc_config()), and the table made of both. */
export interface NodeRpcs {
  readonly script: Map<string, RpcConfig>;
  readonly node: Map<string, RpcConfig>;
  table: RpcTable | null;
}

const NODE_ID_BIT = 1 << 15;

/** A node's RPCs before it has any (Node makes them on first use: `Node._rpcs(node)`). */
export function newNodeRpcs(): NodeRpcs {
  return { script: new Map(), node: new Map(), table: null };
}

/** Records an `@rpc` method of a node's class (called as each instance is built). */
export function addScriptRpc(rpcs: NodeRpcs, name: string, config: RpcConfig): void {
  rpcs.script.set(name, config);
  rpcs.table = null;
}

/** Node.rpc_config(): sets or (with null) removes a node-level entry. */
export function setNodeRpc(rpcs: NodeRpcs, name: string, config: RpcConfig | null): void {
  if (config) rpcs.node.set(name, config);
  else rpcs.node.delete(name);
  rpcs.table = null;
}

/** The node's RPC table, built once and again after each change. */
export function rpcTable(rpcs: NodeRpcs): RpcTable {
  if (rpcs.table) return rpcs.table;
  const ids = new Map<string, number>();
  const byId = new Map<number, { name: string; config: RpcConfig }>();
  let names = "";
  const add = (map: Map<string, RpcConfig>, bit: number) => {
    const sorted = [...map.keys()].sort(byCodePoint);
    sorted.forEach((name, i) => {
      ids.set(name, i | bit);
      byId.set(i | bit, { name, config: map!.get(name)! });
      names += name;
    });
  };
  add(rpcs.node, NODE_ID_BIT);
  add(rpcs.script, 0);
  rpcs.table = { ids, byId, md5Hex: bytesToHex(md5(encodeUtf8(names))) };
  return rpcs.table;
}

/** Godot orders String keys by code point, not by UTF-16 unit as Array.prototype.sort would. */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
