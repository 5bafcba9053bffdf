import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfNeuronInit, tfNeuronStep } from '../engine/tfjs/tfNeuronSteps.ts';
import { inputAdaptiveModel, inputAdaptiveSchema, inputAdaptiveStep, type InputAdaptiveParams, type InputAdaptiveState } from './inputAdaptive.ts';
import { lifSchema, lifStep, type LifState } from './lif.ts';

const ctx = (t: number, steps = 400) => ({ dtMs: 1, t, steps });

/** Runs one neuron on a constant input; returns its spikes and the state after each step. */
function run(p: InputAdaptiveParams, input: number, steps: number): { spikes: number; states: InputAdaptiveState[] } {
  let st = inputAdaptiveModel.init(1, p);
  let spikes = 0;
  const states: InputAdaptiveState[] = [];
  for (let t = 0; t < steps; t++) {
    const r = inputAdaptiveStep(st, new Float32Array([input]), p, ctx(t, steps));
    spikes += r.spikes[0] as number;
    st = r.state;
    states.push(st);
  }
  return { spikes, states };
}

function lifSpikes(threshold: number, input: number, steps: number): number {
  const p = lifSchema.parse({ model: 'lif', beta: 0.9, threshold });
  let st: LifState = { v: new Float32Array(1), s: new Float32Array(1), r: new Float32Array(1) };
  let n = 0;
  for (let t = 0; t < steps; t++) {
    const r = lifStep(st, new Float32Array([input]), p, ctx(t, steps));
    n += r.spikes[0] as number;
    st = r.state;
  }
  return n;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('inputAdaptiveStep', () => {
  const a = 0.9;
  const p = inputAdaptiveSchema.parse({ model: 'inputAdaptive', beta: 0.9, statDecay: a, threshold: 0.5, inputGain: 1, spreadGain: 2, thresholdFloor: 0.1 });

  it.each([
    ['weak', 0.08],
    ['strong', 1.5],
  ])('follows the closed form of its input statistics under a %s constant input', (_name, I) => {
    // μ[t] = a·μ[t−1] + (1−a)·I from μ = 0 gives μ[t] = I·(1 − a^(t+1)) (t from 0). The deviation
    // from the updated mean is d[t] = I − μ[t] = I·a^(t+1), so q[t] = a·q[t−1] + (1−a)·I²·a^(2t+2)
    // sums to (1−a)·I²·a^(t+2)·Σ_{k≤t} a^k = I²·a^(t+2)·(1 − a^(t+1)); θ = max(floor, θ₀ + κ(μ + c√q)).
    const { states } = run(p, I, 200);
    states.forEach((s, t) => {
      const mu = I * (1 - a ** (t + 1));
      const q = I * I * a ** (t + 2) * (1 - a ** (t + 1));
      const th = Math.max(0.1, 0.5 + 1 * (mu + 2 * Math.sqrt(q)));
      expect(s.m[0]).toBeCloseTo(mu, 5);
      expect(s.q[0]).toBeCloseTo(q, 5);
      expect(s.th[0]).toBeCloseTo(th, 4);
    });
    // The spread of a constant input dies away (σ ∝ a^(t/2)): θ settles at θ₀ + κ·I.
    expect(states[199]?.th[0]).toBeCloseTo(0.5 + I, 3);
  });

  it('fires fewer spikes than a fixed threshold on a strong input, and fires on a weak input the fixed one ignores', () => {
    // The fixed LIF (θ = 1, β = 0.9) needs I/(1−β) > 1, i.e. I > 0.1, to fire at all; the adaptive
    // one rests at θ₀ = 0.5 and fires for I > 0.05 (its θ stays near 0.5 + 0.08). Under I = 1.5 the
    // LIF fires every step; the adaptive θ climbs to 2 and the rate drops to about I/θ = 0.75.
    const steps = 400;
    const weak = run(p, 0.08, steps).spikes;
    expect(lifSpikes(1, 0.08, steps)).toBe(0);
    expect(weak).toBeGreaterThan(0);
    const strong = run(p, 1.5, steps).spikes;
    const fixed = lifSpikes(1, 1.5, steps);
    expect(fixed).toBe(steps);
    expect(strong).toBeLessThan(0.8 * fixed);
    expect(strong).toBeGreaterThan(0.6 * fixed);
  });

  it('clamps the threshold at its floor under inhibitory input', () => {
    // μ → −2, so θ₀ + κμ = 0.5 − 2 < 0: the floor 0.1 holds once the spread has faded.
    const { states } = run(p, -2, 200);
    expect(states[199]?.th[0]).toBeCloseTo(0.1, 6);
  });

  it('gives the same spikes and thresholds as its tfjs step on signed random input (floor and spread exercised)', () => {
    const n = 8;
    let s = inputAdaptiveModel.init(n, p);
    let ts = tfNeuronInit('inputAdaptive', [n], p);
    const step = tfNeuronStep('inputAdaptive');
    let seed = 7;
    let fired = 0;
    for (let t = 0; t < 150; t++) {
      // A small LCG: signed inputs with a drifting offset so the mean crosses zero.
      const x = new Float32Array(n).map(() => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return Math.fround((seed / 2 ** 31) * 3 - 1.5 + Math.sin(t / 20));
      });
      const r = inputAdaptiveStep(s, x, p, ctx(t, 150));
      const next: Record<string, tf.Tensor> = tf.tidy(() => {
        const out = step(ts, tf.tensor(x), p, ctx(t, 150));
        return { ...out.state, spikes: out.spikes };
      });
      const { spikes, ...state } = next;
      expect(Array.from(spikes?.dataSync() ?? [])).toEqual(Array.from(r.spikes));
      expect(Array.from(state['th']?.dataSync() ?? [])).toEqual(Array.from(r.state.th));
      fired += r.spikes.reduce((u, v) => u + v, 0);
      // Spikes are also state 's': dispose the old state only.
      tf.dispose(Object.values(ts));
      ts = state;
      s = r.state;
    }
    tf.dispose(Object.values(ts));
    expect(fired).toBeGreaterThan(0);
  });
});
