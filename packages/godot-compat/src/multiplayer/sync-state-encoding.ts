// Follows Godot's modules/multiplayer/scene_replication_interface.cpp (_send_sync).
// Godot reads a synchronizer's state and encodes it again for each peer it sends to. The bytes depend
// only on the values read, so the values are still read for each peer (scene-replication.ts: a getter
// may answer differently each time), but encoded again only when they differ from the last ones
// encoded; every peer that gets the same values gets the same bytes, framed once. Values are compared
// by content, not identity: a Vector2 can be changed in place between two peers' reads.
import type { GodotError } from "../core/error.js";
import { type Struct, structOfValue } from "../variant/variant-structs.js";
import { encodeState, encodeSyncEntry } from "./replication-wire.js";

/** What a value was when it was encoded: a primitive itself, or a struct's class and numbers. */
type Snapshot =
  | { primitive: true; value: unknown }
  | { primitive: false; proto: object; struct: Struct; numbers: number[] };

export class SyncStateEncoding {
  /** The values last encoded (null: nothing encoded, or a value whose content cannot be compared). */
  #snapshot: Snapshot[] | null = null;
  #bytes: Uint8Array = new Uint8Array(0);
  #entry: Uint8Array | null = null;
  #entryNetId = 0;

  /** The state's bytes: the last ones when `values` are what was last encoded, otherwise encoded now. */
  encode(values: readonly unknown[]): Uint8Array | GodotError {
    if (this.#snapshot !== null && sameValues(this.#snapshot, values)) return this.#bytes;
    this.#snapshot = null;
    this.#entry = null;
    const bytes = encodeState(values);
    if (typeof bytes === "number") return bytes;
    this.#bytes = bytes;
    this.#snapshot = snapshotOf(values);
    return bytes;
  }

  /** The last encoded bytes framed as a SYNC entry under `netId`. */
  entry(netId: number): Uint8Array {
    if (this.#entry === null || this.#entryNetId !== netId) {
      this.#entry = encodeSyncEntry(false, netId, this.#bytes);
      this.#entryNetId = netId;
    }
    return this.#entry;
  }
}

function snapshotOf(values: readonly unknown[]): Snapshot[] | null {
  const snapshot: Snapshot[] = [];
  for (const value of values) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) {
      snapshot.push({ primitive: true, value });
      continue;
    }
    const struct = typeof value === "object" ? structOfValue(value) : undefined;
    if (!struct) return null; // arrays, dictionaries, objects: encoded for every peer, as before
    const proto = Object.getPrototypeOf(value) as object;
    snapshot.push({ primitive: false, proto, struct, numbers: struct.flatten(value as never) });
  }
  return snapshot;
}

function sameValues(snapshot: readonly Snapshot[], values: readonly unknown[]): boolean {
  if (snapshot.length !== values.length) return false;
  for (let i = 0; i < values.length; i++) {
    const was = snapshot[i]!;
    const value = values[i];
    if (was.primitive) {
      if (!Object.is(was.value, value)) return false; // Object.is: 0 and -0 encode differently
      continue;
    }
    if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== was.proto)
      return false;
    const numbers = was.struct.flatten(value as never);
    for (let j = 0; j < numbers.length; j++) if (!Object.is(numbers[j], was.numbers[j])) return false;
  }
  return true;
}
