import { describe, expect, it } from 'vitest';
import { NEURON_MODELS, neuronModel, neuronSpecSchema } from '../neurons/index.ts';
import { INPUT_PRESET_KINDS, NEURON_TEACHING, equationNumber, neuronTeaching, presetInput, renderEquation, teachableKinds } from './neuronTeaching.ts';
import { runPlayground } from './playgroundRun.ts';

describe('the neuron teaching registry', () => {
  it('has one entry for every kind of the neuron registry, under its own kind', () => {
    expect(Object.keys(NEURON_TEACHING).sort()).toEqual(Object.keys(NEURON_MODELS).sort());
    for (const [kind, t] of Object.entries(NEURON_TEACHING)) expect(t.kind).toBe(kind);
    expect(teachableKinds()).toEqual(Object.keys(NEURON_MODELS));
    expect(() => neuronTeaching('hodgkinHuxley')).toThrow(/no playground entry.*'hodgkinHuxley'.*lif/);
  });

  it('gives every documented parameter a slider range or a list of choices, and every end of a range is a valid spec', () => {
    for (const kind of teachableKinds()) {
      const t = neuronTeaching(kind);
      const model = neuronModel(kind);
      for (const name of Object.keys(model.paramDocs)) expect(name in t.ranges || name in t.choices, `${kind}.${name}`).toBe(true);
      for (const name of [...Object.keys(t.ranges), ...Object.keys(t.choices)]) expect(model.paramDocs[name], `${kind}.${name} is documented`).toBeDefined();
      expect(neuronSpecSchema.safeParse(t.start).success, `${kind} start`).toBe(true);
      const without = (name: string) => {
        const other = t.alternatives.find((pair) => pair.includes(name))?.find((n) => n !== name);
        const copy: Record<string, unknown> = { ...t.start };
        if (other) delete copy[other];
        return copy;
      };
      for (const [name, r] of Object.entries(t.ranges)) {
        expect(r.min, `${kind}.${name}`).toBeLessThan(r.max);
        for (const v of [r.min, r.max]) expect(neuronSpecSchema.safeParse({ ...without(name), [name]: v }).success, `${kind}.${name} = ${v}`).toBe(true);
      }
      for (const [name, options] of Object.entries(t.choices))
        for (const v of options) expect(neuronSpecSchema.safeParse({ ...t.start, [name]: v }).success, `${kind}.${name} = ${v}`).toBe(true);
    }
  });

  it('draws an adaptive threshold from a state variable the model records', () => {
    for (const kind of teachableKinds()) {
      const th = neuronTeaching(kind).threshold;
      if (th.kind === 'state') expect(neuronModel(kind).stateKeys).toContain(th.key);
    }
    expect(neuronTeaching('alif').threshold.kind).toBe('state');
    expect(neuronTeaching('inputAdaptive').threshold.kind).toBe('state');
    expect(neuronTeaching('ssf').threshold.kind).toBe('none');
    const izh = neuronTeaching('izhikevich');
    expect(izh.threshold.kind === 'constant' && izh.threshold.value(izh.start)).toBe(30);
  });

  it('scales its step preset so the model fires, and its slider effective values match the spec in force', () => {
    for (const kind of teachableKinds()) {
      const t = neuronTeaching(kind);
      const run = runPlayground({ neuron: t.start, input: presetInput('step', t, 200), durationMs: 200, dtMs: 1, pair: null });
      expect(run.first.spikeCount, kind).toBeGreaterThan(2);
      for (const k of INPUT_PRESET_KINDS) expect(presetInput(k, t, 200).kind).toBe(k);
    }
    // τ_mem = 20 ms at Δt = 1 ms: β = exp(−1/20) = 0.9512, and the τ slider reads 20 back.
    const lif = neuronTeaching('lif');
    expect(lif.ranges['beta']?.effective?.(lif.start, 1)).toBeCloseTo(Math.exp(-1 / 20), 6);
    expect(lif.ranges['tauMemMs']?.effective?.(lif.start, 1)).toBeCloseTo(20, 3);
  });

  it('writes each equation with symbols and with the values in force substituted', () => {
    const lif = renderEquation({ model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 }, 1);
    expect(lif.symbolic[0]).toBe('m[t] = β·m[t−1] + I[t] − θ·s[t−1]');
    expect(lif.substituted[0]).toBe('m[t] = 0.951·m[t−1] + I[t] − 1·s[t−1]');
    expect(renderEquation({ model: 'lif', beta: 0.8, threshold: 1.5, reset: 'zero', refractoryMs: 3 }, 1).substituted).toEqual([
      'm[t] = 0.8·m[t−1]·(1 − s[t−1]) + I[t]',
      's[t] = 1 if m[t] > 1.5 else 0',
      'input ignored for 3 steps after a spike',
    ]);
    expect(renderEquation({ model: 'izhikevich', a: 0.02, b: 0.2, c: -65, d: 8, vPeakMv: 30 }, 0.5).substituted[2]).toBe('if v ≥ 30: spike, v ← (−65), u ← u + 8');
    for (const kind of teachableKinds()) {
      const t = neuronTeaching(kind);
      for (const spec of [t.start, ...t.patterns.map((p) => p.neuron)]) {
        const eq = renderEquation(spec, 1);
        expect(eq.symbolic.length).toBe(eq.substituted.length);
        for (const line of [...eq.symbolic, ...eq.substituted]) expect(line).not.toMatch(/[⟨⟩]|NaN|undefined/);
      }
    }
    expect(equationNumber(0.95122942)).toBe('0.951');
    expect(equationNumber(255)).toBe('255');
  });
});
