import fc from 'fast-check';

/**
 * Damage to a seed file, as data: fast-check shrinks a failing mutation to its smallest form and
 * prints it, so the counterexample is the recipe for the regression test. Positions are free
 * naturals taken modulo the seed's length (they shrink towards the start of the file).
 */

/** How a number is written over bytes of a binary header. */
export type NumberEncoding = 'u8' | 'u16le' | 'u16be' | 'i16le' | 'u32le' | 'u32be' | 'i32le' | 'i32be' | 'f32le' | 'f64le' | 'ascii';

/** A named header field of a format: where it sits in a seed and how it is written. */
export interface HeaderField {
  readonly name: string;
  /** Byte offset in the seed (a function when it depends on the seed, e.g. after a text header). */
  readonly at: number | ((seed: Uint8Array) => number);
  readonly encoding: NumberEncoding;
  /** Bytes of an 'ascii' field (the number is written left-aligned, space-padded, cut to fit). */
  readonly width?: number;
}

/** One change to a file. */
export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly xor: number }
  | { readonly kind: 'truncate'; readonly keep: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'delete'; readonly at: number; readonly count: number }
  | { readonly kind: 'repeat'; readonly from: number; readonly count: number; readonly times: number; readonly to: number }
  | { readonly kind: 'number'; readonly at: number; readonly encoding: NumberEncoding; readonly value: number }
  | { readonly kind: 'field'; readonly field: number; readonly value: number }
  | { readonly kind: 'token'; readonly index: number; readonly text: string };

/** Numbers a careless reader trusts: zero, negative, huge, tiny, not-a-number, off-by-one limits. */
export const EXTREME_NUMBERS: readonly number[] = [0, -1, 1, 2, 1e300, -1e300, 1e-300, NaN, Infinity, -Infinity, 255, 256, 4096, 4097, 32767, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 53, 1e9];
/** The same, as text tokens of a text header or table. */
export const EXTREME_TOKENS: readonly string[] = ['0', '-1', '-0', '1e300', '-1e300', '1e-300', 'NaN', 'Infinity', '-Infinity', '99999999999', '4294967296', '1e9', '0.0', '.', '+', '1/0', ''];

const extreme = fc.constantFrom(...EXTREME_NUMBERS);
const position = fc.nat({ max: 2 ** 24 });

/** Mutations of a seed; `fields` adds rewrites of the format's own header fields. */
export function mutationArb(fields: readonly HeaderField[] = []): fc.Arbitrary<Mutation> {
  const kinds: fc.Arbitrary<Mutation>[] = [
    fc.record({ kind: fc.constant('flip' as const), at: position, xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), keep: position }),
    fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 4096 }) }),
    fc.record({ kind: fc.constant('repeat' as const), from: position, count: fc.integer({ min: 1, max: 4096 }), times: fc.integer({ min: 1, max: 64 }), to: position }),
    fc.record({ kind: fc.constant('number' as const), at: position, encoding: fc.constantFrom<NumberEncoding>('u8', 'u16le', 'u16be', 'i16le', 'u32le', 'u32be', 'i32le', 'i32be', 'f32le', 'f64le', 'ascii'), value: extreme }),
    fc.record({ kind: fc.constant('token' as const), index: fc.nat({ max: 4096 }), text: fc.constantFrom(...EXTREME_TOKENS) }),
  ];
  // Header fields are few and decisive: weighted up so that most runs reach past the first check.
  if (fields.length > 0) kinds.push(...Array.from({ length: 3 }, () => fc.record({ kind: fc.constant('field' as const), field: fc.nat({ max: fields.length - 1 }), value: extreme })));
  return fc.oneof(...kinds);
}

/** One to three mutations, applied in turn. */
export function mutationsArb(fields: readonly HeaderField[] = []): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArb(fields), { minLength: 1, maxLength: 3 });
}

/** The bytes of `value` in an encoding (integers wrap as the file would store them; NaN as 0 where it must). */
function encode(value: number, encoding: NumberEncoding, width: number): Uint8Array {
  const size = { u8: 1, u16le: 2, u16be: 2, i16le: 2, u32le: 4, u32be: 4, i32le: 4, i32be: 4, f32le: 4, f64le: 8, ascii: width }[encoding];
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const int = Number.isFinite(value) ? Math.trunc(value) : 0;
  switch (encoding) {
    case 'u8': v.setUint8(0, int & 0xff); break;
    case 'u16le': case 'i16le': v.setUint16(0, int & 0xffff, true); break;
    case 'u16be': v.setUint16(0, int & 0xffff, false); break;
    case 'u32le': case 'i32le': v.setUint32(0, Number(BigInt.asUintN(32, BigInt(int))), true); break;
    case 'u32be': case 'i32be': v.setUint32(0, Number(BigInt.asUintN(32, BigInt(int))), false); break;
    case 'f32le': v.setFloat32(0, value, true); break;
    case 'f64le': v.setFloat64(0, value, true); break;
    case 'ascii': [...String(value).padEnd(width).slice(0, width)].forEach((c, i) => (out[i] = c.charCodeAt(0))); break;
  }
  return out;
}

function overwrite(bytes: Uint8Array, at: number, data: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out.set(data.subarray(0, Math.max(0, out.length - at)), at);
  return out;
}

const NUMERIC_TOKEN = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
/** Tokens are looked for in the first 64 KiB only: text headers sit at the start, and scanning a 2 MB .dat took seconds. */
const TOKEN_SCAN_BYTES = 65_536;

/** Replaces the `index`-th numeric token (modulo their count) of the bytes read as Latin-1. */
function rewriteToken(bytes: Uint8Array, index: number, text: string): Uint8Array {
  // A single-byte decoding keeps one character per byte, so token positions are byte offsets.
  const s = new TextDecoder('latin1').decode(bytes.subarray(0, TOKEN_SCAN_BYTES));
  const tokens = [...s.matchAll(NUMERIC_TOKEN)];
  const t = tokens.length > 0 ? tokens[index % tokens.length] : undefined;
  if (!t || t.index === undefined) return bytes;
  const out = new Uint8Array(bytes.length - t[0].length + text.length);
  out.set(bytes.subarray(0, t.index));
  [...text].forEach((c, i) => (out[t.index + i] = c.charCodeAt(0) & 0xff));
  out.set(bytes.subarray(t.index + t[0].length), t.index + text.length);
  return out;
}

/** Applies one mutation to a copy of `bytes` (never to the seed itself). */
export function applyMutation(bytes: Uint8Array, m: Mutation, fields: readonly HeaderField[] = []): Uint8Array {
  const n = bytes.length;
  const at = (p: number) => (n === 0 ? 0 : p % n);
  switch (m.kind) {
    case 'flip': {
      if (n === 0) return bytes.slice();
      const out = bytes.slice();
      out[at(m.at)] = (out[at(m.at)] as number) ^ m.xor;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, m.keep % (n + 1));
    case 'insert': {
      const p = m.at % (n + 1);
      const out = new Uint8Array(n + m.bytes.length);
      out.set(bytes.subarray(0, p));
      out.set(m.bytes, p);
      out.set(bytes.subarray(p), p + m.bytes.length);
      return out;
    }
    case 'delete': {
      const p = at(m.at);
      const out = new Uint8Array(n - Math.min(m.count, n - p));
      out.set(bytes.subarray(0, p));
      out.set(bytes.subarray(p + m.count), p);
      return out;
    }
    case 'repeat': {
      const from = at(m.from);
      const chunk = bytes.subarray(from, Math.min(n, from + m.count));
      const p = m.to % (n + 1);
      const out = new Uint8Array(n + chunk.length * m.times);
      out.set(bytes.subarray(0, p));
      for (let k = 0; k < m.times; k++) out.set(chunk, p + k * chunk.length);
      out.set(bytes.subarray(p), p + chunk.length * m.times);
      return out;
    }
    case 'number':
      return overwrite(bytes, at(m.at), encode(m.value, m.encoding, 8));
    case 'field': {
      const f = fields[m.field];
      if (!f) return bytes.slice();
      const o = typeof f.at === 'number' ? f.at : f.at(bytes);
      return o < 0 || o >= n ? bytes.slice() : overwrite(bytes, o, encode(m.value, f.encoding, f.width ?? 8));
    }
    case 'token':
      return rewriteToken(bytes, m.index, m.text);
  }
}

/** Applies mutations in turn. */
export function applyMutations(bytes: Uint8Array, ms: readonly Mutation[], fields: readonly HeaderField[] = []): Uint8Array {
  return ms.reduce((b, m) => applyMutation(b, m, fields), bytes);
}
