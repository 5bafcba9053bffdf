import fc from 'fast-check';
import type { NamedBytes } from '../../../src/core/data/formats/loadFiles.ts';
import { applyMutations, mutationsArb, type Mutation } from './byteMutations.ts';
import type { ReaderCase } from './readerCases.ts';

/** Which input of a seed is damaged, and how (fast-check prints this as the counterexample). */
export interface SeedDamage {
  readonly target: number;
  readonly mutations: Mutation[];
}

/** Damage to one input of a seed of `c`, with that input's header fields in play. */
export function seedDamageArb(c: ReaderCase): fc.Arbitrary<SeedDamage> {
  return fc.nat({ max: c.fields.length - 1 }).chain((target) => mutationsArb(c.fields[target] ?? []).map((mutations) => ({ target, mutations })));
}

/** The seed with its target input damaged (the others untouched). */
export function damaged(c: ReaderCase, seed: readonly NamedBytes[], d: SeedDamage): NamedBytes[] {
  return seed.map((f, i) => (i === d.target ? { name: f.name, bytes: applyMutations(f.bytes, d.mutations, c.fields[i] ?? []) } : f));
}

const TEXTISH = [...'0123456789.-+eE,;\t \n\r#/()NaInfity'];

/** A whole random input: optional magic, then random bytes or number-like text. */
export interface RandomInput {
  readonly target: number;
  readonly magic: number;
  readonly body: Uint8Array;
}

export function randomInputArb(c: ReaderCase): fc.Arbitrary<RandomInput> {
  const bytes = fc.uint8Array({ maxLength: 2048 });
  const text = fc.string({ unit: fc.constantFrom(...TEXTISH), maxLength: 512 }).map((s) => Uint8Array.from(s, (ch) => ch.charCodeAt(0)));
  return fc.record({ target: fc.nat({ max: c.fields.length - 1 }), magic: fc.nat({ max: c.magic.length }), body: fc.oneof(bytes, text) });
}

/** The seed with its target input replaced by the random file (magic index past the list: no magic). */
export function randomized(c: ReaderCase, seed: readonly NamedBytes[], r: RandomInput): NamedBytes[] {
  const magic = r.target === 0 ? (c.magic[r.magic] ?? new Uint8Array(0)) : new Uint8Array(0);
  const bytes = new Uint8Array(magic.length + r.body.length);
  bytes.set(magic);
  bytes.set(r.body, magic.length);
  return seed.map((f, i) => (i === r.target ? { name: f.name, bytes } : f));
}
