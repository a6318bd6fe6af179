// Payloads and checks shared by the matrix, the small tests and the stress scripts.

/** FNV-1a, 32 bits: cheap, dependency-free, and enough to tell a corrupted payload from a good one. */
export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const PRINTABLE = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join("");

/** `length` printable ASCII characters (so also `length` UTF-8 bytes), cycling through `!`…`~`. */
export function textPattern(length: number): string {
  if (length === 0) return "";
  return PRINTABLE.repeat(Math.ceil(length / PRINTABLE.length)).slice(0, length);
}

/** A small deterministic PRNG (mulberry32), so a failing soak run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
