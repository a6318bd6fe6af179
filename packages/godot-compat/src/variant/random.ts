// Follows Godot's core/math/random_pcg.cpp (the PCG32 generator behind randi, randf, seed).
// Godot's global random numbers: PCG32 (pcg-random.org's minimal generator) with Godot's default stream, so
// that `seed(n)` gives the same sequence of randi() as in Godot. 64-bit state in BigInt.
const MULTIPLIER = 6364136223846793005n;
const DEFAULT_INC = 1442695040888963407n;
const MASK = 0xffffffffffffffffn;

export class Pcg32 {
  #state = 0n;
  #inc = (DEFAULT_INC << 1n) | 1n;
  seedValue = 0n;

  constructor(seed: bigint) {
    this.seed(seed);
  }

  seed(seed: bigint): void {
    this.seedValue = BigInt.asUintN(64, seed);
    this.#state = 0n;
    this.next();
    this.#state = (this.#state + this.seedValue) & MASK;
    this.next();
  }

  get state(): bigint {
    return this.#state;
  }

  /** The next 32 random bits. */
  next(): number {
    const old = this.#state;
    this.#state = (old * MULTIPLIER + this.#inc) & MASK;
    const xorshifted = Number((((old >> 18n) ^ old) >> 27n) & 0xffffffffn);
    const rot = Number(old >> 59n);
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  }

  /** A uniform number below `bound`, without modulo bias. */
  bounded(bound: number): number {
    const threshold = (0x100000000 - bound) % bound;
    for (;;) {
      const r = this.next();
      if (r >= threshold) return r % bound;
    }
  }

  /** Godot's randf(): the 32 bits as a float (single precision) times 2^-32. */
  randf(): number {
    return Math.fround(this.next()) * 2 ** -32;
  }
}
