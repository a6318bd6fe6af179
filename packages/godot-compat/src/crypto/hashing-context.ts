// Follows Godot's core/crypto/hashing_context.cpp.
// Godot's HashingContext: a hash computed over chunks (start, update each chunk, finish). The hashes
// are @noble/hashes' (the same code in Node and browsers, synchronous as Godot's).
import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe } from "@wsport/core/internal";
import { constantsOnInstances } from "../core/class-constants.js";
import {
  ERR_ALREADY_IN_USE,
  ERR_INVALID_PARAMETER,
  ERR_UNCONFIGURED,
  type GodotError,
  OK,
} from "../core/error.js";
import { invalid, printError } from "../core/print.js";
import { PackedByteArray } from "../variant/packed-byte-array.js";

/** HashingContext.HashType: HASH_MD5 (0), HASH_SHA1 (1) or HASH_SHA256 (2). */
export type HashType = 0 | 1 | 2;

const HASHES = [md5, sha1, sha256] as const;
type Hasher = ReturnType<(typeof HASHES)[number]["create"]>;

export class HashingContext {
  static readonly HASH_MD5 = 0;
  static readonly HASH_SHA1 = 1;
  static readonly HASH_SHA256 = 2;
  declare readonly HASH_MD5: typeof HashingContext.HASH_MD5;
  declare readonly HASH_SHA1: typeof HashingContext.HASH_SHA1;
  declare readonly HASH_SHA256: typeof HashingContext.HASH_SHA256;

  static new(): HashingContext {
    return new this();
  }

  #hasher: Hasher | null = null;

  constructor() {
    // On the first instance rather than at load, so that a bundle which never makes one can drop the class.
    if (!Object.hasOwn(HashingContext.prototype, "HASH_MD5")) constantsOnInstances(HashingContext);
  }

  /** Starts a hash of the given type; ERR_ALREADY_IN_USE while one is running (finish() it first). */
  start(type: HashType): GodotError {
    if (this.#hasher !== null) return invalid("HashingContext already started.", ERR_ALREADY_IN_USE);
    const hash = Number.isInteger(type) ? HASHES[type] : undefined;
    if (hash === undefined) return invalid(`Invalid hash type ${describe(type)}.`, ERR_INVALID_PARAMETER);
    this.#hasher = hash.create();
    return OK;
  }

  /** Adds a chunk; ERR_UNCONFIGURED before start(). */
  update(chunk: Uint8Array): GodotError {
    if (this.#hasher === null) return invalid("HashingContext not started.", ERR_UNCONFIGURED);
    if (!(chunk instanceof Uint8Array))
      return invalid(`update() needs a PackedByteArray, got ${describe(chunk)}.`);
    this.#hasher.update(chunk);
    return OK;
  }

  /** The digest; the context can start() again. An empty array (with a print) before start(). */
  finish(): PackedByteArray {
    const hasher = this.#hasher;
    if (hasher === null) {
      printError("HashingContext not started.");
      return new PackedByteArray(0);
    }
    this.#hasher = null;
    return new PackedByteArray(hasher.digest());
  }
}
