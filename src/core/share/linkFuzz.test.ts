import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { containerOf, craftLink, linkOfContainer, partsOf, sealed } from '../../../test/support/linkCraft.ts';
import { presetWorkspaces } from '../../../test/support/presets.ts';
import { LinkError, type LinkStage } from '../errors.ts';
import { initWeights } from '../network/weights.ts';
import { createRng, type Rng } from '../rng.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { decodeWorkspaceLink, encodeWorkspaceLink } from './linkCodec.ts';
import { formatFragment, readFragment } from './linkFragment.ts';

const B64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];

/** Real links: every preset without weights, and the small ones with 4-bit seeded weights. */
const LINKS: string[] = presetWorkspaces().flatMap(([, ws]) => {
  const bare = encodeWorkspaceLink(ws).fragment;
  const weighted = encodeWorkspaceLink(ws, initWeights(ws.network, 7), { weightBits: 4, maxChars: 8000 });
  return weighted.weightsIncluded ? [bare, weighted.fragment] : [bare];
});

const pick = <T,>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)] as T;

/** Overwrites, inserts or deletes a few elements of an array-like at random places. */
function damage<T>(items: readonly T[], rng: Rng, fresh: () => T): T[] {
  const out = [...items];
  for (let n = 1 + rng.int(4); n > 0; n--) {
    const at = rng.int(out.length + 1);
    const kind = rng.int(3);
    if (kind === 0) out[Math.min(at, out.length - 1)] = fresh();
    else if (kind === 1) out.splice(at, 0, fresh());
    else out.splice(at, 1);
  }
  return out;
}

const byte = (rng: Rng) => () => rng.int(256);

/** Mutations, each reaching a different layer of the decoder. */
const MUTATIONS: Record<string, (link: string, rng: Rng) => string> = {
  'truncate the text': (l, rng) => l.slice(0, rng.int(l.length)),
  'change base64url characters': (l, rng) => l.slice(0, 5) + damage([...l.slice(5)], rng, () => pick(rng, B64)).join(''),
  'insert any characters': (l, rng) => damage([...l], rng, () => String.fromCharCode(rng.int(0x3000))).join(''),
  'flip compressed bytes': (l, rng) => formatFragment(bytesToBase64url(new Uint8Array(damage([...base64urlToBytes(readFragment(l))], rng, byte(rng))))),
  // Damage after inflate with the CRC recomputed: reaches the container, JSON, workspace and weights layers.
  'flip container bytes, fix the CRC': (l, rng) => linkOfContainer(sealed(damage([...containerOf(l).subarray(0, -4)], rng, byte(rng)))),
  'edit the header JSON text': (l, rng) => {
    const { header, payload } = partsOf(l);
    return craftLink(damage([...header], rng, () => pick(rng, [...'{}[]",:0123456789.-eE', 'null', 'true', '"__proto__"', '1e400', 'x'])).join(''), payload);
  },
  'flip weight bytes': (l, rng) => {
    const { header, payload } = partsOf(l);
    return craftLink(header, new Uint8Array(payload.length > 0 ? damage([...payload], rng, byte(rng)) : [rng.int(256)]));
  },
  'random base64url after v1.': (_l, rng) => formatFragment(Array.from({ length: rng.int(400) }, () => pick(rng, B64)).join('')),
  'random bytes, deflated': (_l, rng) => formatFragment(bytesToBase64url(deflateSync(Uint8Array.from({ length: rng.int(600) }, byte(rng))))),
  'random JSON-ish text, packed': (_l, rng) => craftLink(strToU8(Array.from({ length: rng.int(200) }, () => pick(rng, [...'{}[]",:01e-', '"workspace"', '"weights"', '"schemaVersion"'])).join(''))),
};

/** Decodes; a LinkError is an answer, so is a workspace that parseWorkspace accepts again. Anything else fails. */
function outcome(text: string, label: string): 'ok' | LinkStage {
  try {
    const d = decodeWorkspaceLink(text);
    expect(parseWorkspace(JSON.parse(JSON.stringify(d.workspace))), label).toEqual(d.workspace);
    for (const w of Object.values(d.weights ?? {})) expect(w.values.every(Number.isFinite), label).toBe(true);
    return 'ok';
  } catch (e) {
    if (e instanceof LinkError) return e.stage;
    throw new Error(`${label}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

describe('decodeWorkspaceLink under seeded fuzzing', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(Object.keys(MUTATIONS))('%s: every result is a valid decode or a LinkError', (name) => {
    const mutate = MUTATIONS[name];
    if (!mutate) throw new Error(name);
    const rng = createRng(2026, `link fuzz: ${name}`);
    const stages = new Map<string, number>();
    const rounds = 150;
    for (let i = 0; i < rounds; i++) {
      const source = pick(rng, LINKS);
      const result = outcome(mutate(source, rng), `${name} round ${i}`);
      stages.set(result, (stages.get(result) ?? 0) + 1);
    }
    // The damage must be noticed, or the mutation tests nothing.
    expect([...stages.keys()].some((s) => s !== 'ok'), JSON.stringify([...stages])).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reaches every stage of the decoder across the mutations', () => {
    const seen = new Set<string>();
    Object.entries(MUTATIONS).forEach(([name, mutate]) => {
      const rng = createRng(7, name);
      for (let i = 0; i < 60; i++) seen.add(outcome(mutate(pick(rng, LINKS), rng), `${name} ${i}`));
    });
    for (const stage of ['prefix', 'base64', 'inflate', 'container', 'json', 'workspace', 'weights']) expect([...seen], stage).toContain(stage);
  });
});
