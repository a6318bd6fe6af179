// Follows Godot's modules/multiplayer/scene_rpc_interface.cpp, scene_cache_interface.cpp.
// The bytes of Godot 4's RPC commands inside a SceneMultiplayer packet, read from
// modules/multiplayer/scene_rpc_interface.cpp, scene_cache_interface.cpp and
// scene/main/multiplayer_api.cpp (docs/spec/godot-rpc.md has the layouts and the commit read).
// Pure functions: nothing here knows about nodes or peers.
import { decodeUtf8, encodeUtf8 } from "@wsport/core/internal";
import { ERR_INVALID_DATA, type GodotError } from "../core/error.js";
import { asPacked, PackedByteArray } from "../variant/packed-byte-array.js";
import { decodeFailed, decodeVariant, encodeVariant } from "../variant/variant-codec.js";
import type { Variant } from "../variant/variant-types.js";
import {
  NETWORK_COMMAND_CONFIRM_PATH as CMD_CONFIRM_PATH,
  NETWORK_COMMAND_REMOTE_CALL as CMD_REMOTE_CALL,
  NETWORK_COMMAND_SIMPLIFY_PATH as CMD_SIMPLIFY_PATH,
} from "./network-commands.js";

// The command byte's four high bits belong to the command: for a remote call, the node id's width
// (bits 4–5: 8, 16 or 32 bits), the method id's width (bit 6: 8 or 16 bits) and "one byte array or
// no arguments" (bit 7: the payload is that array's bytes, with no argument count).
const NODE_ID_SHIFT = 4;
const NAME_ID_SHIFT = 6;
const BYTE_ONLY = 0x80;
const NODE_ID_8 = 0;
const NODE_ID_16 = 1;
const NODE_ID_32 = 2;
/** A node id with this bit set is the offset of the node's path at the packet's end (not cached yet). */
export const PATH_FOLLOWS = 0x80000000;

// Variant type ids and the compressed form of bool and int (multiplayer_api.cpp).
const TYPE_BOOL = 1;
const TYPE_INT = 2;
const TYPE_MASK = 0x3f;
const BOOL_TRUE = 0x80;
const INT_WIDTH_SHIFT = 6; // 0: 8 bits, 1: 16, 2: 32, 3: 64

// --- arguments ---------------------------------------------------------------------------------

export interface EncodedArgs {
  /** What follows the method id: the argument count then the values, or the raw bytes. */
  bytes: Uint8Array;
  /** No argument, or one byte array sent as its bytes (the command byte's bit 7). */
  byteOnly: boolean;
}

/** The arguments of a call, as encode_and_compress_variants lays them out; an error code if one cannot be encoded. */
export function encodeArgs(args: readonly unknown[]): EncodedArgs | GodotError {
  if (args.length === 0) return { bytes: new Uint8Array(0), byteOnly: true };
  const only = args[0];
  if (args.length === 1 && only instanceof Uint8Array) return { bytes: only, byteOnly: true };
  const parts: Uint8Array[] = [Uint8Array.of(args.length)];
  for (const arg of args) {
    const part = encodeCompressed(arg);
    if (typeof part === "number") return part;
    parts.push(part);
  }
  return { bytes: concat(parts), byteOnly: false };
}

/** bool in one byte, int in the fewest of 1/2/4/8 bytes, anything else as var_to_bytes does. */
export function encodeCompressed(value: unknown): Uint8Array | GodotError {
  if (typeof value === "boolean") return Uint8Array.of(TYPE_BOOL | (value ? BOOL_TRUE : 0));
  if (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) {
    const big = BigInt(value);
    if (BigInt.asIntN(64, big) !== big) return ERR_INVALID_DATA;
    const width =
      BigInt.asIntN(8, big) === big
        ? 0
        : BigInt.asIntN(16, big) === big
          ? 1
          : BigInt.asIntN(32, big) === big
            ? 2
            : 3;
    const out = new Uint8Array(1 + (1 << width));
    out[0] = TYPE_INT | (width << INT_WIDTH_SHIFT);
    const view = new DataView(out.buffer);
    if (width === 0) view.setInt8(1, Number(big));
    else if (width === 1) view.setInt16(1, Number(big), true);
    else if (width === 2) view.setInt32(1, Number(big), true);
    else view.setBigInt64(1, big, true);
    return out;
  }
  const encoded = encodeVariant(value); // its first byte is already the type id
  return encoded instanceof Uint8Array ? encoded : encoded.code;
}

/** The `argc` arguments starting at `bytes`; null when the bytes are malformed or too short. */
export function decodeArgs(bytes: Uint8Array, argc: number, byteOnly: boolean): Variant[] | null {
  if (byteOnly) return argc === 0 ? [] : [new PackedByteArray(bytes)];
  const args: Variant[] = [];
  let at = 0;
  for (let i = 0; i < argc; i++) {
    if (at >= bytes.length) return null;
    const decoded = decodeCompressed(bytes.subarray(at));
    if (!decoded) return null;
    args.push(decoded.value);
    at += decoded.length;
  }
  return args;
}

/** One value as encodeCompressed wrote it, and how many bytes it took; null when malformed. */
export function decodeCompressed(bytes: Uint8Array): { value: Variant; length: number } | null {
  const meta = bytes[0]!;
  const type = meta & TYPE_MASK;
  if (type === TYPE_BOOL) return { value: (meta & BOOL_TRUE) !== 0, length: 1 };
  if (type !== TYPE_INT) {
    const decoded = decodeVariant(bytes, asPacked);
    return decodeFailed(decoded) ? null : { value: decoded[0] as Variant, length: decoded[1] };
  }
  const size = 1 << (meta >> INT_WIDTH_SHIFT);
  if (bytes.length < 1 + size) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + 1, size);
  let value: Variant;
  if (size === 1) value = view.getInt8(0);
  else if (size === 2) value = view.getInt16(0, true);
  else if (size === 4) value = view.getInt32(0, true);
  else {
    const big = view.getBigInt64(0, true);
    value = Number.isSafeInteger(Number(big)) ? Number(big) : big;
  }
  return { value, length: 1 + size };
}

// --- the remote call ---------------------------------------------------------------------------

/**
 * A remote-call command. `nodeId` is the sender's cache id for the node. When every target has
 * confirmed that id it takes the fewest bytes that hold it; otherwise (`wide`) it takes 4, and for a
 * target that has not confirmed it (`path`) it is written as PATH_FOLLOWS | offset and the node's
 * path follows as a NUL-terminated string.
 */
export function encodeRemoteCall(
  nodeId: number,
  methodId: number,
  args: EncodedArgs,
  wide: boolean,
  path?: string,
): Uint8Array {
  const nodeWidth =
    wide || path !== undefined || nodeId > 0xffff ? NODE_ID_32 : nodeId > 0xff ? NODE_ID_16 : NODE_ID_8;
  const nodeBytes = 1 << nodeWidth;
  const nameWidth = methodId > 0xff ? 1 : 0;
  const argsAt = 1 + nodeBytes + 1 + nameWidth;
  const pathBytes = path === undefined ? null : cString(path);
  const end = argsAt + args.bytes.length;
  const out = new Uint8Array(end + (pathBytes?.length ?? 0));
  const view = new DataView(out.buffer);
  out[0] =
    CMD_REMOTE_CALL |
    (nodeWidth << NODE_ID_SHIFT) |
    (nameWidth << NAME_ID_SHIFT) |
    (args.byteOnly ? BYTE_ONLY : 0);
  const target = pathBytes ? (PATH_FOLLOWS | end) >>> 0 : nodeId;
  if (nodeBytes === 1) out[1] = target;
  else if (nodeBytes === 2) view.setUint16(1, target, true);
  else view.setUint32(1, target, true);
  if (nameWidth) view.setUint16(1 + nodeBytes, methodId, true);
  else out[1 + nodeBytes] = methodId;
  out.set(args.bytes, argsAt);
  if (pathBytes) out.set(pathBytes, end);
  return out;
}

export interface RemoteCall {
  /** The sender's cache id, or undefined when the packet names the node by path. */
  nodeId: number | undefined;
  path: string | undefined;
  methodId: number;
  /** Where the argument count (or the raw bytes) starts, and where the arguments end. */
  argsAt: number;
  argsEnd: number;
  byteOnly: boolean;
}

/** Reads a remote-call command's header; a string saying what is wrong when it is malformed (Godot's words). */
export function decodeRemoteCall(packet: Uint8Array): RemoteCall | string {
  const meta = packet[0]!;
  const nodeWidth = (meta >> NODE_ID_SHIFT) & 3;
  if (nodeWidth > NODE_ID_32) return "Was not possible to extract the node id compression mode.";
  const nodeBytes = 1 << nodeWidth;
  const nameBytes = (meta >> NAME_ID_SHIFT) & 1 ? 2 : 1;
  const argsAt = 1 + nodeBytes + nameBytes;
  if (packet.length < argsAt) return "Invalid packet received. Size too small.";
  const view = new DataView(packet.buffer, packet.byteOffset, packet.length);
  const target =
    nodeBytes === 1 ? packet[1]! : nodeBytes === 2 ? view.getUint16(1, true) : view.getUint32(1, true);
  const methodId = nameBytes === 1 ? packet[1 + nodeBytes]! : view.getUint16(1 + nodeBytes, true);
  const byteOnly = (meta & BYTE_ONLY) !== 0;
  if (nodeBytes !== 4 || !(target & PATH_FOLLOWS)) {
    return { nodeId: target, path: undefined, methodId, argsAt, argsEnd: packet.length, byteOnly };
  }
  const pathAt = target & ~PATH_FOLLOWS;
  if (pathAt >= packet.length) return "Invalid packet received. Size smaller than declared.";
  const path = readCString(packet.subarray(pathAt));
  return { nodeId: undefined, path, methodId, argsAt, argsEnd: pathAt, byteOnly };
}

/** The call's arguments, once the node and method are known; a string (Godot's words) when they are malformed. */
export function decodeCallArgs(packet: Uint8Array, call: RemoteCall): Variant[] | string {
  const tooSmall = "Invalid packet received. Size too small.";
  let at = call.argsAt;
  if (at > call.argsEnd) return tooSmall;
  let argc = 0;
  if (call.byteOnly) argc = at < call.argsEnd ? 1 : 0;
  else {
    if (at >= call.argsEnd) return tooSmall;
    argc = packet[at]!;
    at += 1;
  }
  return (
    decodeArgs(packet.subarray(at, call.argsEnd), argc, call.byteOnly) ??
    "Invalid packet received. Unable to decode state variable."
  );
}

// --- the node path cache -----------------------------------------------------------------------

/** "Call this node `id` from now on": the command, the RPC names' MD5 (hex, NUL-ended), the id, the path. */
export function encodeSimplifyPath(md5Hex: string, id: number, path: string): Uint8Array {
  const md5 = cString(md5Hex);
  const name = cString(path);
  const out = new Uint8Array(1 + md5.length + 4 + name.length);
  out[0] = CMD_SIMPLIFY_PATH;
  out.set(md5, 1);
  new DataView(out.buffer).setUint32(1 + md5.length, id, true);
  out.set(name, 1 + md5.length + 4);
  return out;
}

export function decodeSimplifyPath(packet: Uint8Array): { md5Hex: string; id: number; path: string } | null {
  if (packet.length < 38) return null; // command, 32 hex digits and their NUL, the id
  const md5Hex = decodeUtf8(packet.subarray(1, 33));
  const id = new DataView(packet.buffer, packet.byteOffset).getUint32(34, true);
  return { md5Hex, id, path: readCString(packet.subarray(38)) };
}

/** The answer: whether the MD5s matched, and the id. */
export function encodeConfirmPath(valid: boolean, id: number): Uint8Array {
  const out = new Uint8Array(6);
  out[0] = CMD_CONFIRM_PATH;
  out[1] = valid ? 1 : 0;
  new DataView(out.buffer).setUint32(2, id, true);
  return out;
}

export function decodeConfirmPath(packet: Uint8Array): { valid: boolean; id: number } | null {
  if (packet.length !== 6) return null;
  return { valid: packet[1] !== 0, id: new DataView(packet.buffer, packet.byteOffset).getUint32(2, true) };
}

// --- helpers -------------------------------------------------------------------------------------

function cString(text: string): Uint8Array {
  const utf8 = encodeUtf8(text);
  const out = new Uint8Array(utf8.length + 1);
  out.set(utf8);
  return out;
}

function readCString(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return decodeUtf8(nul < 0 ? bytes : bytes.subarray(0, nul));
}

/** The parts one after another in one new array (the replication wire builds its packets with it too). */
export function concat(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
