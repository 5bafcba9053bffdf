/**
 * The core's only source of randomness. Counter-based (stateless per draw): the value of draw k of
 * stream s is a pure function of (s, k), so engines, workers and languages that follow
 * ../shared/bench/WORKLOADS.md produce bit-identical numbers, and a stream can be re-read from any
 * position without replaying the ones before it.
 */

/** 32-bit integer hash ("lowbias32", Chris Wellons' hash-prospector); all arithmetic mod 2^32. */
export function lowbias32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Canonical uniform in [0, 1): `u(stream, k)` of WORKLOADS.md (24 random bits, float64). */
export function canonicalU(stream: number, k: number): number {
  return (lowbias32(((k >>> 0) + lowbias32(stream)) >>> 0) >>> 8) / 16777216;
}

/** Canonical symmetric uniform rounded to float32: `U(a; stream, k)` of WORKLOADS.md. */
export function canonicalSymmetric(a: number, stream: number, k: number): number {
  return Math.fround((2 * canonicalU(stream, k) - 1) * a);
}

/** A seeded generator: sequential draws from one stream, plus derived independent streams. */
export interface Rng {
  /** The stream id this generator draws from (a 32-bit hash of seed and purpose). */
  readonly stream: number;
  /** Next uniform in [0, 1). */
  next(): number;
  /** Next standard normal (Box-Muller on two uniforms). */
  normal(): number;
  /** Next integer in [0, n). */
  int(n: number): number;
  /** An independent generator for a named purpose, e.g. `rng.fork('weights:fc1')`. */
  fork(purpose: string): Rng;
}

/** Hash a string to 32 bits (FNV-1a then lowbias32), used to derive stream ids from names. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return lowbias32(h);
}

/** Creates the generator of a workspace seed. Same seed, same purposes => same numbers everywhere. */
export function createRng(seed: number, purpose = ''): Rng {
  const stream = lowbias32((hashString(purpose) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  return rngFromStream(stream);
}

function rngFromStream(stream: number): Rng {
  // Counter is kept in a closure so draws never allocate; the generator object is the only state.
  let k = 0;
  const next = (): number => canonicalU(stream, k++);
  return {
    stream,
    next,
    normal(): number {
      // 1 - u keeps the argument of log in (0, 1].
      const u1 = 1 - next();
      const u2 = next();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    int(n: number): number {
      return Math.floor(next() * n);
    },
    fork(purpose: string): Rng {
      return rngFromStream(lowbias32((stream ^ hashString(purpose)) >>> 0));
    },
  };
}
