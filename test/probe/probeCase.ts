import type { Rng } from '../../src/core/rng.ts';

/**
 * One hostile input of the probe: the files it writes into its own folder and the `spikelab`
 * command that reads them. Generators are seeded, so a case's name names the same bytes every run.
 */
export interface ProbeCase {
  readonly category: string;
  readonly name: string;
  /** Files by name (relative to the case's folder): bytes, or text written as UTF-8. */
  readonly files: Readonly<Record<string, Uint8Array | string>>;
  /** Arguments after `spikelab`; `at(name)` is the path of one of the case's files. */
  readonly args: (at: (name: string) => string) => string[];
  /** 'refuse': only exit 2 is clean; 'either': damage that may leave the file readable (exit 0 or 2). */
  readonly expect: 'refuse' | 'either';
  /** Who fixes this case when it is not clean, when that is another branch (issue 18's work split). */
  readonly owner?: string;
}

/** What generators receive: a seeded generator and the real-data folder, when it is here. */
export interface ProbeContext {
  readonly rng: Rng;
  readonly dataDir: string | undefined;
}

/** A category of cases: a name and its (possibly async) generator. */
export interface ProbeCategory {
  readonly name: string;
  readonly generate: (ctx: ProbeContext) => ProbeCase[] | Promise<ProbeCase[]>;
}

/** The first `n` bytes. */
export const truncated = (b: Uint8Array, n: number): Uint8Array => b.slice(0, Math.max(0, Math.min(b.length, n)));

/** A copy with `count` random bits flipped within [from, to). */
export function bitFlipped(b: Uint8Array, rng: Rng, count: number, from = 0, to = b.length): Uint8Array {
  const out = b.slice();
  for (let i = 0; i < count && to > from; i++) {
    const at = from + rng.int(to - from);
    out[at] = (out[at] as number) ^ (1 << rng.int(8));
  }
  return out;
}

/** A copy with `text` written (Latin-1) at byte `at`. */
export function overwritten(b: Uint8Array, at: number, text: string): Uint8Array {
  const out = b.slice();
  for (let i = 0; i < text.length && at + i < out.length; i++) out[at + i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Latin-1 bytes of a string. */
export const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Concatenated byte arrays (a few). */
export const concat = (...parts: readonly Uint8Array[]): Uint8Array => concatList(parts);

/** Concatenated byte arrays, any number (an array, never spread into a call). */
export function concatList(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Seeded damage of one real file: truncations, bit flips in the header and in the body, garbage. */
export function damagedCopies(category: string, name: string, bytes: Uint8Array, rng: Rng, headerBytes: number, args: ProbeCase['args'], file = name): ProbeCase[] {
  const ext = file.replace(/^[^.]*/, '');
  const stem = file.slice(0, file.length - ext.length);
  const out = (kind: string, b: Uint8Array): ProbeCase => ({ category, name: `${name} ${kind}`, files: { [`${stem}${ext}`]: b }, args, expect: 'either' });
  return [
    out('cut to 0 bytes', new Uint8Array(0)),
    out(`cut inside the header`, truncated(bytes, 1 + rng.int(Math.max(1, headerBytes - 1)))),
    out('cut in the body', truncated(bytes, headerBytes + rng.int(Math.max(1, bytes.length - headerBytes)))),
    out('8 bit flips in the header', bitFlipped(bytes, rng, 8, 0, Math.min(bytes.length, headerBytes))),
    out('64 bit flips anywhere', bitFlipped(bytes, rng, 64)),
    out('random bytes of the same length', Uint8Array.from({ length: Math.min(bytes.length, 1 << 20) }, () => rng.int(256))),
  ];
}
