// Follows Godot's core/io/stream_peer.cpp (StreamPeerBuffer).
// Godot's StreamPeerBuffer: a StreamPeer over bytes in memory, for building and reading packets.
// Writes go at the position (growing the data as needed); reads take from the position on.
import { describe } from "@wsport/core/internal";
import { ERR_OUT_OF_MEMORY, OK } from "../core/error.js";
import { printError } from "../core/print.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";
import { MAX_BUFFER_BYTES, StreamPeer } from "./stream-peer.js";

export class StreamPeerBuffer extends StreamPeer {
  static new(): StreamPeerBuffer {
    return new StreamPeerBuffer();
  }

  #data = new Uint8Array(0);
  #size = 0;
  #position = 0;

  constructor() {
    super();
    StreamPeer._setIo(this, {
      waits: false,
      available: () => this.#size - this.#position,
      read: (max, peek = false) => {
        const at = this.#position;
        const end = Math.min(at + max, this.#size);
        if (!peek) this.#position = end;
        return this.#data.slice(at, end);
      },
      write: (bytes) => {
        if (!this.#ensure(this.#position + bytes.length)) return ERR_OUT_OF_MEMORY;
        this.#data.set(bytes, this.#position);
        this.#position += bytes.length;
        this.#size = Math.max(this.#size, this.#position);
        return OK;
      },
    });
  }

  /** The whole content (a copy). Setting it replaces the content and seeks to 0. */
  get data_array(): PackedByteArray {
    return new PackedByteArray(this.#data.subarray(0, this.#size));
  }
  set data_array(data: Uint8Array) {
    this.set_data_array(data);
  }
  get_data_array(): PackedByteArray {
    return this.data_array;
  }
  set_data_array(data: Uint8Array): void {
    if (!(data instanceof Uint8Array)) {
      printError(`data_array must be a PackedByteArray, got ${describe(data)}.`);
      return;
    }
    this.#data = data.slice();
    this.#size = data.length;
    this.#position = 0;
  }

  /** Moves the read/write position; it must be from 0 to get_size(). */
  seek(position: number): void {
    if (!Number.isInteger(position) || position < 0 || position > this.#size) {
      printError(`Condition "p_pos < 0 || p_pos > data.size()" is true: bad position ${describe(position)}.`);
      return;
    }
    this.#position = position;
  }

  get_position(): number {
    return this.#position;
  }

  get_size(): number {
    return this.#size;
  }

  /** New bytes are zeros; the position is kept (clamped to the new size). */
  resize(size: number): void {
    if (!Number.isInteger(size) || size < 0) {
      printError(`resize() needs a size of 0 or more, got ${describe(size)}.`);
      return;
    }
    if (!this.#ensure(size)) return;
    this.#data.fill(0, this.#size, size);
    this.#size = size;
    this.#position = Math.min(this.#position, size);
  }

  clear(): void {
    this.#data = new Uint8Array(0);
    this.#size = 0;
    this.#position = 0;
  }

  /** A new buffer with a copy of the content, at position 0. */
  duplicate(): StreamPeerBuffer {
    const copy = new StreamPeerBuffer();
    copy.data_array = this.#data.subarray(0, this.#size);
    copy.big_endian = this.big_endian;
    return copy;
  }

  /** Makes room for `size` bytes; false (after an error print) beyond MAX_BUFFER_BYTES. */
  #ensure(size: number): boolean {
    if (size <= this.#data.length) return true;
    if (size > MAX_BUFFER_BYTES) {
      printError(`StreamPeerBuffer cannot hold ${size} bytes (at most ${MAX_BUFFER_BYTES}).`);
      return false;
    }
    const bigger = new Uint8Array(Math.min(Math.max(size, this.#data.length * 2, 64), MAX_BUFFER_BYTES));
    bigger.set(this.#data.subarray(0, this.#size));
    this.#data = bigger;
    return true;
  }
}
