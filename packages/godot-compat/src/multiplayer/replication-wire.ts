// Follows Godot's modules/multiplayer/scene_replication_interface.cpp.
// The bytes of Godot 4's SPAWN, DESPAWN and SYNC commands (docs/spec/godot-replication.md has the
// layouts and the commit read). All integers are little-endian; a state is its values one after the
// other in the compressed form RPC arguments use (rpc-wire.ts), with no count: both sides know it from
// their replication config. Pure functions: nothing here knows about nodes or peers.
import { decodeUtf8, encodeUtf8 } from "@wsport/core/internal";
import type { GodotError } from "../core/error.js";
import type { Variant } from "../variant/variant-types.js";
import {
  NETWORK_COMMAND_DESPAWN as CMD_DESPAWN,
  NETWORK_COMMAND_SPAWN as CMD_SPAWN,
  NETWORK_COMMAND_SYNC as CMD_SYNC,
} from "./network-commands.js";
import { concat, decodeCompressed, encodeCompressed } from "./rpc-wire.js";

/** A SYNC command byte with this flag (CMD_FLAG_0) carries deltas of ON_CHANGE properties. */
export const SYNC_DELTA = 1 << 4;
/** A synchronizer net id with this bit is a node path cache id (a synchronizer that was not spawned). */
export const NET_ID_BY_PATH = 0x80000000;
/** SPAWN's fixed header: command, scene id, spawner's cache id, net id, sync id count, name length. */
export const SPAWN_HEADER = 18;
/** SYNC's header: command and a 16-bit time; each state then has a net id and a size. */
export const SYNC_HEADER = 3;
export const SYNC_ENTRY = 8;
/** A delta state has a net id, a 64-bit mask of the ON_CHANGE properties it holds, and a size. */
export const DELTA_ENTRY = 16;

// --- states --------------------------------------------------------------------------------------

/** Values one after the other, each compressed; an error code when one cannot be encoded. */
export function encodeState(values: readonly unknown[]): Uint8Array | GodotError {
  const parts: Uint8Array[] = [];
  for (const value of values) {
    const part = encodeCompressed(value);
    if (typeof part === "number") return part;
    parts.push(part);
  }
  return concat(parts);
}

/** `count` values from the start of `bytes` and how many bytes they took; a string (Godot's words) when malformed. */
export function decodeState(bytes: Uint8Array, count: number): { values: Variant[]; used: number } | string {
  const values: Variant[] = [];
  let used = 0;
  for (let i = 0; i < count; i++) {
    if (used >= bytes.length) return "Invalid packet received. Size too small.";
    const decoded = decodeCompressed(bytes.subarray(used));
    if (!decoded) return "Invalid packet received. Unable to decode state variable.";
    values.push(decoded.value);
    used += decoded.length;
  }
  return { values, used };
}

// --- spawn and despawn ---------------------------------------------------------------------------

export interface Spawn {
  /** The spawnable scene's index, or 0xFF for a custom spawn (spawn_function). */
  sceneId: number;
  /** The spawner, as the sender's node path cache names it. */
  spawnerId: number;
  /** The sender's id for the spawned node (what DESPAWN names). */
  netId: number;
  /** Net ids of the node's synchronizers, in the order they start on the receiving side. */
  syncIds: number[];
  name: string;
  /** A custom spawn's data, compressed (absent for a scene spawn). */
  arg?: Uint8Array;
  /** The spawn properties of each synchronizer in turn. */
  state: Uint8Array;
}

export function encodeSpawn(spawn: Spawn): Uint8Array {
  const name = encodeUtf8(spawn.name);
  const nameLength = name.length + 1; // with its NUL, as Godot's encode_cstring counts it
  const argLength = spawn.arg ? 4 + spawn.arg.length : 0;
  const out = new Uint8Array(
    SPAWN_HEADER + 4 * spawn.syncIds.length + nameLength + argLength + spawn.state.length,
  );
  const view = new DataView(out.buffer);
  out[0] = CMD_SPAWN;
  out[1] = spawn.sceneId;
  view.setUint32(2, spawn.spawnerId, true);
  view.setUint32(6, spawn.netId, true);
  view.setUint32(10, spawn.syncIds.length, true);
  view.setUint32(14, nameLength, true);
  let at = SPAWN_HEADER;
  for (const id of spawn.syncIds) {
    view.setUint32(at, id, true);
    at += 4;
  }
  out.set(name, at);
  at += nameLength;
  if (spawn.arg) {
    view.setUint32(at, spawn.arg.length, true);
    out.set(spawn.arg, at + 4);
    at += 4 + spawn.arg.length;
  }
  out.set(spawn.state, at);
  return out;
}

/** The spawner's cache id alone: the receiver checks the spawner and its authority before the rest. */
export function spawnerIdOf(packet: Uint8Array): number | string {
  if (packet.length < SPAWN_HEADER) return "Invalid spawn packet received";
  return view(packet).getUint32(2, true);
}

/** A SPAWN command (a custom spawn's arg is read only when `custom`); a string (Godot's words) when malformed. */
export function decodeSpawn(packet: Uint8Array): Spawn | string {
  if (packet.length < SPAWN_HEADER) return "Invalid spawn packet received";
  const data = view(packet);
  const syncCount = data.getUint32(10, true);
  const nameLength = data.getUint32(14, true);
  let at = SPAWN_HEADER;
  const wanted = nameLength + syncCount * 4;
  if (wanted > packet.length - at)
    return `Invalid spawn packet size: ${packet.length}, wants: ${at + wanted}`;
  const syncIds: number[] = [];
  for (let i = 0; i < syncCount; i++, at += 4) syncIds.push(data.getUint32(at, true));
  if (nameLength < 1) return "Zero spawn name size.";
  const nameBytes = packet.subarray(at, at + nameLength);
  const nul = nameBytes.indexOf(0);
  const name = decodeUtf8(nul < 0 ? nameBytes : nameBytes.subarray(0, nul));
  at += nameLength;
  const spawn: Spawn = {
    sceneId: packet[1]!,
    spawnerId: data.getUint32(2, true),
    netId: data.getUint32(6, true),
    syncIds,
    name,
    state: packet.subarray(at),
  };
  if (spawn.sceneId !== 0xff) return spawn;
  if (packet.length - at < 4) return 'Condition "p_buffer_len - ofs < 4" is true.';
  const argLength = data.getUint32(at, true);
  at += 4;
  if (argLength > packet.length - at) return 'Condition "arg_size > uint32_t(p_buffer_len - ofs)" is true.';
  spawn.arg = packet.subarray(at, at + argLength);
  spawn.state = packet.subarray(at + argLength);
  return spawn;
}

export function encodeDespawn(netId: number): Uint8Array {
  const out = new Uint8Array(5);
  out[0] = CMD_DESPAWN;
  view(out).setUint32(1, netId, true);
  return out;
}

export function decodeDespawn(packet: Uint8Array): number | string {
  if (packet.length < 5) return "Invalid spawn packet received";
  return view(packet).getUint32(1, true);
}

// --- sync ----------------------------------------------------------------------------------------

/** Builds SYNC packets (delta or not) of states, starting a new packet when the next would pass `mtu`. */
export class SyncWriter {
  readonly #delta: boolean;
  readonly #header: Uint8Array;
  readonly #mtu: number;
  #parts: Uint8Array[] = [];
  #size: number;
  readonly packets: Uint8Array[] = [];

  constructor(delta: boolean, mtu: number, time = 0) {
    this.#delta = delta;
    this.#mtu = mtu;
    this.#header = delta
      ? Uint8Array.of(CMD_SYNC | SYNC_DELTA)
      : Uint8Array.of(CMD_SYNC, time & 0xff, (time >> 8) & 0xff);
    this.#size = this.#header.length;
  }

  /** Adds one state; `indexes` is a delta's mask of the ON_CHANGE properties it holds. */
  add(netId: number, state: Uint8Array, indexes = 0n): void {
    this.addEntry(encodeSyncEntry(this.#delta, netId, state, indexes));
  }

  /** Adds one state already framed by encodeSyncEntry (with this writer's `delta`): the same bytes for every peer. */
  addEntry(entry: Uint8Array): void {
    if (this.#size + entry.length > this.#mtu) this.flush();
    this.#parts.push(entry);
    this.#size += entry.length;
  }

  /** Closes the packet being built, if it holds a state. */
  flush(): void {
    if (this.#parts.length === 0) return;
    this.packets.push(concat([this.#header, ...this.#parts]));
    this.#parts = [];
    this.#size = this.#header.length;
  }
}

/** One state as a SYNC carries it: net id, (a delta's mask,) size, then the state. */
export function encodeSyncEntry(delta: boolean, netId: number, state: Uint8Array, indexes = 0n): Uint8Array {
  const entry = new Uint8Array((delta ? DELTA_ENTRY : SYNC_ENTRY) + state.length);
  const data = view(entry);
  data.setUint32(0, netId, true);
  if (delta) {
    data.setBigUint64(4, indexes, true);
    data.setUint32(12, state.length, true);
  } else data.setUint32(4, state.length, true);
  entry.set(state, entry.length - state.length);
  return entry;
}

export interface SyncEntry {
  netId: number;
  /** A delta's mask of the ON_CHANGE properties it holds. */
  indexes: bigint;
  state: Uint8Array;
}

/**
 * The states of a SYNC command, read as Godot reads them: entries while a whole header fits; a
 * string (Godot's words) at the first entry whose size passes the packet's end.
 */
export function* readSync(packet: Uint8Array): Generator<SyncEntry, string | undefined> {
  const delta = (packet[0]! & SYNC_DELTA) !== 0;
  const data = view(packet);
  const entry = delta ? DELTA_ENTRY : SYNC_ENTRY;
  let at = delta ? 1 : SYNC_HEADER;
  while (at + entry < packet.length) {
    const netId = data.getUint32(at, true);
    const indexes = delta ? data.getBigUint64(at + 4, true) : 0n;
    const size = data.getUint32(at + entry - 4, true);
    at += entry;
    if (size > packet.length - at) return 'Condition "size > uint32_t(p_buffer_len - ofs)" is true.';
    yield { netId, indexes, state: packet.subarray(at, at + size) };
    at += size;
  }
  return undefined;
}

/** A (non-delta) SYNC's 16-bit time. */
export function syncTime(packet: Uint8Array): number {
  return view(packet).getUint16(1, true);
}

// --- helpers -------------------------------------------------------------------------------------

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}
