import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfNeuronInit, tfNeuronStep } from '../engine/tfjs/tfNeuronSteps.ts';
import { createRng } from '../rng.ts';
import { NEURON_MODELS } from './index.ts';
import { allocStepResult, type StateArrays } from './types.ts';

const N = 16;
const STEPS = 200;

/** Random input sized so every model fires now and then (Izhikevich takes mV/ms currents). */
function inputs(kind: string, seed: number): Float32Array[] {
  const r = createRng(seed, kind);
  const scale = kind === 'izhikevich' ? 25 : 1.2;
  return Array.from({ length: STEPS }, () => new Float32Array(N).map(() => Math.fround(r.next() * scale)));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(Object.values(NEURON_MODELS).map((m) => [m.kind, m] as const))('neuron model %s', (_kind, model) => {
  const params = model.schema.parse(model.defaults);
  const ctx = (t: number) => ({ dtMs: 0.5, t, steps: STEPS });

  it('has state arrays of the right size for every state key', () => {
    const s = model.init(N, params);
    expect(Object.keys(s).sort()).toEqual([...model.stateKeys].sort());
    for (const k of model.stateKeys) expect(s[k]?.length).toBe(N);
    expect(model.stateKeys).toContain(model.membraneKey);
  });

  it('stays silent under zero input', () => {
    let s = model.init(N, params);
    for (let t = 0; t < STEPS; t++) {
      const r = model.step(s, new Float32Array(N), params, ctx(t));
      expect(r.spikes.every((x) => x === 0)).toBe(true);
      s = r.state;
    }
  });

  it('is deterministic, does not mutate its inputs, and gives the same with `into` as without', () => {
    const xs = inputs(model.kind, 1);
    let a = model.init(N, params);
    let b = model.init(N, params);
    let bufs = [allocStepResult(b, N), allocStepResult(b, N)];
    let fired = 0;
    xs.forEach((x, t) => {
      const before = JSON.stringify([...x]);
      const snapshot = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.slice()]));
      const ra = model.step(a, x, params, ctx(t));
      expect(JSON.stringify([...x])).toBe(before);
      for (const [k, v] of Object.entries(snapshot)) expect(a[k]).toEqual(v);
      const rb = model.step(b, x, params, ctx(t), bufs[t % 2]);
      expect(rb.spikes).toEqual(ra.spikes);
      fired += ra.spikes.reduce((p, q) => p + q, 0);
      a = ra.state;
      b = rb.state;
      bufs = [bufs[1] ?? allocStepResult(b, N), bufs[0] ?? allocStepResult(b, N)];
    });
    expect(fired).toBeGreaterThan(0);
  });

  it('gives the same spikes as its tfjs step (cpu) over 200 random steps, membrane to float32 tolerance', () => {
    const xs = inputs(model.kind, 2);
    let s: StateArrays = model.init(N, params);
    let ts = tfNeuronInit(model.kind, [N], params);
    const step = tfNeuronStep(model.kind);
    xs.forEach((x, t) => {
      const r = model.step(s, x, params, ctx(t));
      const next: Record<string, tf.Tensor> & { spikes: tf.Tensor } = tf.tidy(() => {
        const out = step(ts, tf.tensor(x), params, ctx(t));
        return { spikes: out.spikes, ...out.state };
      });
      expect(Array.from(next.spikes.dataSync())).toEqual(Array.from(r.spikes));
      const m = next[model.membraneKey]?.dataSync() ?? new Float32Array();
      r.state[model.membraneKey]?.forEach((v, i) => expect(Math.abs(v - (m[i] ?? NaN))).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v))));
      // A step may hand back an old state tensor unchanged, and spikes are often also state 's'.
      const { spikes, ...state } = next;
      const live = new Set(Object.values(state));
      tf.dispose([...Object.values(ts), spikes].filter((x) => !live.has(x)));
      ts = state;
      s = r.state;
    });
    tf.dispose(Object.values(ts));
  });
});
