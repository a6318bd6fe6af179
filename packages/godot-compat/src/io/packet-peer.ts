// Follows Godot's core/io/packet_peer.cpp.
// Godot 4's PacketPeer: whole packets in and out, and a Variant as one packet (put_var/get_var). WebSocketPeer
// and MultiplayerPeer extend it; each says how its packets travel.
import { describe } from "@wsport/core/internal";
import { ERR_OUT_OF_MEMORY, type GodotError, OK } from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import type { PackedByteArray } from "../variant/packed-byte-array.js";
import { bytesToVar, encodeVar, type Variant } from "../variant/variant.js";

const MIN_ENCODE = 1024;
const MAX_ENCODE = 256 * 1024 * 1024;

export abstract class PacketPeer {
  #encodeMax = 8 * 1024 * 1024;

  /** Largest put_var encoding in bytes: 1 KiB to 256 MiB, rounded up to a power of two (8 MiB at first). */
  get encode_buffer_max_size(): number {
    return this.#encodeMax;
  }
  set encode_buffer_max_size(max_size: number) {
    this.set_encode_buffer_max_size(max_size);
  }
  get_encode_buffer_max_size(): number {
    return this.#encodeMax;
  }
  set_encode_buffer_max_size(max_size: number): void {
    if (typeof max_size !== "number" || !(max_size >= MIN_ENCODE && max_size <= MAX_ENCODE)) {
      printError(`encode_buffer_max_size must be from 1024 to 268435456, got ${describe(max_size)}.`);
    } else this.#encodeMax = 2 ** Math.ceil(Math.log2(max_size));
  }

  abstract get_available_packet_count(): number;
  /** The next packet, or an empty array (get_packet_error() says why). */
  abstract get_packet(): PackedByteArray;
  abstract put_packet(buffer: Uint8Array): GodotError;
  /** The result of the last get_packet(). */
  abstract get_packet_error(): GodotError;

  /** Sends a value in Godot's binary Variant format as one packet; ERR_OUT_OF_MEMORY above encode_buffer_max_size. */
  put_var(value: unknown, _full_objects = false): GodotError {
    const encoded = encodeVar(value, "put_var()");
    if (typeof encoded === "number") return encoded;
    if (encoded.length > this.#encodeMax) {
      return invalid(
        `put_var(): the value encodes to ${encoded.length} bytes, more than encode_buffer_max_size (${this.#encodeMax}).`,
        ERR_OUT_OF_MEMORY,
      );
    }
    return this.put_packet(encoded);
  }

  /** The next packet decoded from Godot's binary Variant format; null on any error. */
  get_var(allow_objects = false): Variant {
    const packet = this.get_packet();
    return this.get_packet_error() === OK ? bytesToVar(packet, allow_objects) : null;
  }
}
