import { describe, expect, it } from 'vitest';
import { kernelModelKinds, NEURON_MODELS, neuronModel } from './index.ts';
import { KERNEL_MODELS, KERNEL_RESETS } from './kernelNeuron.ts';

describe('kernel packings of the neuron models', () => {
  const ids = Object.values(KERNEL_MODELS).map((m) => m.id);

  it('give the kernel updates distinct ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const m of Object.values(NEURON_MODELS).filter((m) => m.kernel)) {
    it(`${m.kind}: packs its parameters into one of the kernel's updates, as float32 words`, () => {
      const packed = m.kernel?.(m.schema.parse(m.defaults), 0.5);
      if (packed === undefined || typeof packed === 'string') throw new Error(`${m.kind}'s defaults do not pack: ${packed}`);
      expect(ids).toContain(packed.model.id);
      expect(Object.keys(KERNEL_RESETS)).toContain(packed.reset);
      expect(packed.params).toHaveLength(4);
      for (const p of packed.params) expect(p).toBe(Math.fround(p));
    });
  }

  it('pack decays for the step length, thresholds and the models’ own words', () => {
    const pack = (spec: { model: string } & Record<string, unknown>, dtMs = 1) => neuronModel(spec.model).kernel?.(neuronModel(spec.model).schema.parse(spec), dtMs);
    expect(pack({ model: 'lif', tauMemMs: 10, threshold: 0.5, reset: 'none' }, 2)).toEqual({ model: KERNEL_MODELS.lif, reset: 'none', params: [Math.fround(Math.exp(-0.2)), 0.5, 0, 0] });
    expect(pack({ model: 'if', threshold: 2, reset: 'zero' })).toEqual({ model: KERNEL_MODELS.lif, reset: 'zero', params: [1, 2, 0, 0] });
    expect(pack({ model: 'cubaLif', alpha: 0.7, beta: 0.85, threshold: 0.8 })).toEqual({ model: KERNEL_MODELS.cubaLif, reset: 'subtract', params: [Math.fround(0.85), Math.fround(0.8), Math.fround(0.7), 0] });
    expect(pack({ model: 'alif', beta: 0.85, rho: 0.9, adaptation: 0.3, threshold: 0.7 })).toEqual({ model: KERNEL_MODELS.alif, reset: 'subtract', params: [Math.fround(0.85), Math.fround(0.7), Math.fround(0.9), Math.fround(0.3)] });
    // A refractory period of less than half a step rounds to none, as the steps run it.
    expect(pack({ model: 'lif', refractoryMs: 2 })).toBe('has a refractory period');
    expect(pack({ model: 'lif', refractoryMs: 0.4 })).toMatchObject({ model: KERNEL_MODELS.lif });
  });

  it('name the models each kernel runs, from the registry', () => {
    expect(kernelModelKinds((m) => m.inference)).toBe('lif and if');
    expect(kernelModelKinds((m) => m.bptt)).toBe('lif, if, cubaLif and alif');
    expect(NEURON_MODELS['ssf']?.kernel).toBeUndefined();
  });
});
