// Follows Godot's core/io/packet_peer.cpp (PacketPeerStream).
// Godot's PacketPeerStream: whole packets over a StreamPeer (a TCP or TLS connection, a buffer), each
// written as its length (4 bytes, little-endian) and then its bytes. Reads go through an input buffer
// of input_buffer_max_size + 4 bytes, filled from the stream on every call, as Godot's ring buffer is:
// what does not fit stays in the stream until packets are taken. One difference: Godot's ring buffer
// keeps one byte free, so there a packet of exactly input_buffer_max_size bytes never arrives; here it does.
import { describe } from "@wsport/core/internal";
import { ERR_UNAVAILABLE, ERR_UNCONFIGURED, type GodotError, OK } from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import { PacketPeer } from "./packet-peer.js";
import { StreamPeer } from "./stream-peer.js";

const LENGTH_BYTES = 4;
/** Godot's network/limits/packet_peer_stream/max_buffer_po2 (16): 64 KiB buffers, 65532 bytes of packet. */
const DEFAULT_BUFFER_BYTES = 1 << 16;

/** The buffer Godot allocates for a maximum of `maxSize` packet bytes: the next power of two holding the length too. */
function bufferBytesFor(maxSize: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(maxSize + LENGTH_BYTES, 1)));
}

function validMaxSize(maxSize: unknown, name: string): maxSize is number {
  if (Number.isInteger(maxSize) && (maxSize as number) >= 0 && (maxSize as number) <= 0x7fff_fffb)
    return true;
  printError(`${name} must be an integer from 0 to 2147483643, got ${describe(maxSize)}.`);
  return false;
}

export class PacketPeerStream extends PacketPeer {
  static new(): PacketPeerStream {
    return new PacketPeerStream();
  }

  #peer: StreamPeer | null = null;
  #inputBytes = DEFAULT_BUFFER_BYTES;
  #outputBytes = DEFAULT_BUFFER_BYTES;
  /** Bytes read from the stream and not yet taken as packets (at most #inputBytes). */
  #pending = new Uint8Array(0);
  /** Where the next packet starts in #pending. */
  #start = 0;
  #packetError: GodotError = OK;

  /** The stream the packets travel over; null until set. Setting another stream drops what was read from the last. */
  get stream_peer(): StreamPeer | null {
    return this.#peer;
  }
  set stream_peer(peer: StreamPeer | null) {
    this.set_stream_peer(peer);
  }
  get_stream_peer(): StreamPeer | null {
    return this.#peer;
  }
  set_stream_peer(peer: StreamPeer | null): void {
    if (peer !== null && !(peer instanceof StreamPeer)) {
      printError(`stream_peer must be a StreamPeer or null, got ${describe(peer)}.`);
      return;
    }
    if (peer !== this.#peer) this.#drop();
    this.#peer = peer;
  }

  /** The largest packet that can be received (65532 at first); set it while nothing waits in the input buffer. */
  get input_buffer_max_size(): number {
    return this.#inputBytes - LENGTH_BYTES;
  }
  set input_buffer_max_size(max_size_bytes: number) {
    this.set_input_buffer_max_size(max_size_bytes);
  }
  get_input_buffer_max_size(): number {
    return this.input_buffer_max_size;
  }
  set_input_buffer_max_size(max_size_bytes: number): void {
    if (!validMaxSize(max_size_bytes, "input_buffer_max_size")) return;
    if (this.#pendingBytes() > 0) {
      printError("Buffer in use, resizing would cause loss of data.");
      return;
    }
    this.#inputBytes = bufferBytesFor(max_size_bytes);
  }

  /** The largest packet that can be sent (65532 at first); Godot rounds the buffer up to a power of two. */
  get output_buffer_max_size(): number {
    return this.#outputBytes - LENGTH_BYTES;
  }
  set output_buffer_max_size(max_size_bytes: number) {
    this.set_output_buffer_max_size(max_size_bytes);
  }
  get_output_buffer_max_size(): number {
    return this.output_buffer_max_size;
  }
  set_output_buffer_max_size(max_size_bytes: number): void {
    if (validMaxSize(max_size_bytes, "output_buffer_max_size"))
      this.#outputBytes = bufferBytesFor(max_size_bytes);
  }

  /** Whole packets that have arrived (reads what the stream holds first). */
  get_available_packet_count(): number {
    if (this.#peer === null) return 0;
    this.#fill();
    let count = 0;
    for (let at = this.#start; ; count++) {
      const length = this.#lengthAt(at);
      if (length === undefined || at + LENGTH_BYTES + length > this.#pending.length) return count;
      at += LENGTH_BYTES + length;
    }
  }

  /** The next whole packet, or an empty array (get_packet_error() says why). */
  get_packet(): PackedByteArray {
    const packet = this.#takePacket();
    this.#packetError = typeof packet === "number" ? packet : OK;
    return typeof packet === "number" ? new PackedByteArray(0) : packet;
  }

  get_packet_error(): GodotError {
    return this.#packetError;
  }

  /** Writes the packet's length and bytes to the stream; ERR_INVALID_PARAMETER above output_buffer_max_size. */
  put_packet(buffer: Uint8Array): GodotError {
    if (!(buffer instanceof Uint8Array)) return invalid("put_packet() needs a PackedByteArray.");
    const peer = this.#peer;
    if (peer === null) return invalid("PacketPeerStream has no stream_peer.", ERR_UNCONFIGURED);
    const error = this.#fill();
    if (error !== OK) return error;
    if (buffer.length === 0) return OK;
    if (buffer.length + LENGTH_BYTES > this.#outputBytes) {
      return invalid(
        `put_packet(): ${buffer.length} bytes is more than output_buffer_max_size (${this.output_buffer_max_size}).`,
      );
    }
    const framed = new Uint8Array(LENGTH_BYTES + buffer.length);
    new DataView(framed.buffer).setUint32(0, buffer.length, true);
    framed.set(buffer, LENGTH_BYTES);
    return peer.put_data(framed);
  }

  #takePacket(): PackedByteArray | GodotError {
    if (this.#peer === null) return invalid("PacketPeerStream has no stream_peer.", ERR_UNCONFIGURED);
    this.#fill();
    const length = this.#lengthAt(this.#start);
    if (length === undefined || LENGTH_BYTES + length > this.#pendingBytes()) {
      if (length !== undefined && length > this.input_buffer_max_size) {
        printError(
          `The next packet (${length} bytes) is larger than input_buffer_max_size (${this.input_buffer_max_size}).`,
        );
      }
      return ERR_UNAVAILABLE;
    }
    const from = this.#start + LENGTH_BYTES;
    this.#start = from + length;
    return new PackedByteArray(this.#pending.subarray(from, this.#start));
  }

  #pendingBytes(): number {
    return this.#pending.length - this.#start;
  }

  #drop(): void {
    this.#pending = new Uint8Array(0);
    this.#start = 0;
  }

  /** The length written before the packet starting at `at`, once all four of its bytes have arrived. */
  #lengthAt(at: number): number | undefined {
    const pending = this.#pending;
    if (at + LENGTH_BYTES > pending.length) return undefined;
    return new DataView(pending.buffer, pending.byteOffset + at, LENGTH_BYTES).getUint32(0, true);
  }

  /** Moves what the stream holds into the input buffer, up to its free space. */
  #fill(): GodotError {
    const space = this.#inputBytes - this.#pendingBytes();
    if (this.#peer === null || space <= 0 || this.#peer.get_available_bytes() === 0) return OK;
    const [error, bytes] = this.#peer.get_partial_data(space);
    if (error !== OK || bytes.length === 0) return error;
    const rest = this.#pending.subarray(this.#start);
    const joined = new Uint8Array(rest.length + bytes.length);
    joined.set(rest);
    joined.set(bytes, rest.length);
    this.#pending = joined;
    this.#start = 0;
    return OK;
  }
}
