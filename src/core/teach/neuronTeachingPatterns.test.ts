import { describe, expect, it } from 'vitest';
import { allPatterns, firingPattern, neuronTeaching, teachableKinds } from './neuronTeaching.ts';
import { checkSignature } from './neuronTeachingSignatures.ts';
import { runPlayground } from './playgroundRun.ts';
import type { FiringPattern } from './neuronTeachingTypes.ts';

const runOf = (p: FiringPattern) => runPlayground({ neuron: p.neuron, input: p.input, durationMs: p.durationMs, dtMs: p.dtMs, pair: null });

describe('the firing patterns', () => {
  it('cover regular, bursting, adaptation and rebound across the models, with unique ids, each under its own model', () => {
    const all = allPatterns();
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const sig of ['regular', 'bursting', 'adaptation', 'rebound'] as const) expect(all.some((p) => p.signature === sig), sig).toBe(true);
    for (const kind of teachableKinds()) {
      expect(neuronTeaching(kind).patterns.length, kind).toBeGreaterThan(0);
      for (const p of neuronTeaching(kind).patterns) expect(p.neuron.model).toBe(kind);
    }
    expect(neuronTeaching('izhikevich').patterns.map((p) => p.id)).toEqual(
      expect.arrayContaining(['izh-regular-spiking', 'izh-intrinsically-bursting', 'izh-chattering', 'izh-fast-spiking', 'izh-rebound']),
    );
    expect(() => firingPattern('nope')).toThrow(/unknown firing pattern 'nope'.*lif-tonic/);
  });

  it.each(allPatterns().map((p) => [p.id, p] as const))('%s shows its signature when run', (_id, p) => {
    const verdict = checkSignature(p.signature, runOf(p).first, p.dtMs);
    expect(verdict.shown, verdict.detail).toBe(true);
  });

  it('tells the signatures apart: a regular neuron is not bursting or adapting, a burster is not regular, rebound needs silence first', () => {
    const tonic = runOf(firingPattern('lif-tonic')).first;
    expect(checkSignature('bursting', tonic, 1).shown).toBe(false);
    expect(checkSignature('adaptation', tonic, 1).shown).toBe(false);
    const ch = runOf(firingPattern('izh-chattering')).first;
    expect(checkSignature('regular', ch, 0.5).shown).toBe(false);
    expect(checkSignature('regular', runOf(firingPattern('alif-adaptation')).first, 1).shown).toBe(false);
    expect(checkSignature('fast', runOf(firingPattern('izh-regular-spiking')).first, 0.5).shown).toBe(false);
    // The rebound neuron under a positive step fires during it: no rebound.
    const reb = firingPattern('izh-rebound');
    const pushed = runPlayground({ neuron: reb.neuron, input: { kind: 'step', amplitude: 15, startMs: 100, endMs: 105 }, durationMs: 200, dtMs: 0.5, pair: null }).first;
    expect(checkSignature('rebound', pushed, 0.5).shown).toBe(false);
    expect(checkSignature('rebound', tonic, 1).detail).toMatch(/no negative input/);
  });
});
