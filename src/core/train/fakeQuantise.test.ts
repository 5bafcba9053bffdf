import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNetwork } from '../network/compile.ts';
import { gridScale, snapToGrid } from '../network/weightGrid.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { fakeQuantise } from './fakeQuantise.ts';
import { kernelPlan } from './kernelTraining.ts';
import { trainNetwork, type LabelledSet } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const distinct = (v: Float32Array) => new Set(v).size;

/** Two classes of rate patterns: class 0 drives inputs 0–4 hard, class 1 inputs 5–9; 10 steps. */
function rateSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'rates');
  const steps = 10;
  const neurons = 10;
  const inputs: Float32Array[] = [];
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const c = rng.int(2);
    const x = new Float32Array(steps * neurons);
    for (let t = 0; t < steps; t++) for (let i = 0; i < neurons; i++) x[t * neurons + i] = rng.next() < ((i < 5) === (c === 0) ? 0.6 : 0.1) ? 1 : 0;
    inputs.push(x);
    labels[s] = c;
  }
  return { inputs, labels, steps, neurons, classes: 2 };
}

const spec = networkSchema.parse({
  layers: [
    { kind: 'input', name: 'in', shape: [10] },
    { kind: 'dense', name: 'fc1', units: 16, weightGain: 2, bias: true },
    { kind: 'spiking', name: 'h', neuron: { model: 'lif', beta: 0.8 } },
    { kind: 'dense', name: 'fc2', units: 2, weightGain: 2 },
    { kind: 'readout', name: 'out', mode: 'membrane', reduce: 'max', beta: 0.9 },
  ],
});

describe('the symmetric per-layer weight grid', () => {
  it('snaps to at most 2^b − 1 levels, keeps max|w| and moves no weight more than half a step', () => {
    const rng = createRng(5, 'w');
    const w = Float32Array.from({ length: 500 }, () => rng.next() * 2 - 1);
    for (const bits of [4, 8]) {
      const q = snapToGrid(w, bits);
      const s = gridScale(Math.max(...Array.from(w, Math.abs)), bits);
      expect(distinct(q)).toBeLessThanOrEqual(2 ** bits - 1);
      expect(Math.max(...Array.from(q, Math.abs))).toBeCloseTo(Math.max(...Array.from(w, Math.abs)), 6);
      for (let i = 0; i < w.length; i++) expect(Math.abs((q[i] as number) - (w[i] as number))).toBeLessThanOrEqual(s / 2 + 1e-6);
    }
  });
});

describe('fakeQuantise', () => {
  it('rounds in the forward pass to the values snapToGrid gives, and passes the gradient straight through', () => {
    const w = tf.tensor1d([0.9, -0.35, 0.1, 0.02, -0.7]);
    const q = fakeQuantise(w, 4);
    expect(Array.from(q.dataSync())).toEqual(Array.from(snapToGrid(Float32Array.from([0.9, -0.35, 0.1, 0.02, -0.7]), 4)));
    const c = tf.tensor1d([1, 2, 3, 4, 5]);
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(fakeQuantise(x, 4), c)))(w);
    expect(Array.from(g.dataSync())).toEqual([1, 2, 3, 4, 5]);
    tf.dispose([w, q, c, g]);
  });

  it('refuses a precision it has no straight-through function for', () => {
    const w = tf.tensor1d([1]);
    expect(() => fakeQuantise(w, 3)).toThrow(/4 and 8 bits/);
    w.dispose();
  });
});

describe('quantisation-aware training', () => {
  it('returns 4-bit weights (at most 16 values per tensor) that still learn a small task', async () => {
    const set = rateSet(120, 1);
    const cfg = trainingSchema.parse({ epochs: 8, batchSize: 16, learningRate: 0.02, loss: 'ceMaxMembrane', patience: 0, validationFraction: 0.25, quantization: { weightBits: 4 } });
    const before = tf.memory().numTensors;
    const r = await trainNetwork(compileNetwork(spec, undefined, 3), set, cfg, 1, createRng(7));
    for (const [k, w] of Object.entries(r.weights)) {
      expect(distinct(w.values), k).toBeLessThanOrEqual(16);
      // On the grid: snapping again changes nothing.
      expect(Array.from(snapToGrid(w.values, 4)), k).toEqual(Array.from(w.values));
    }
    // Validation runs on the returned (quantised) weights: well above the 50 % of guessing.
    expect(r.validation.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains and validates on the quantised weights: with the weights held still, loss and validation loss differ from float training', async () => {
    const set = rateSet(48, 3);
    // SGD at a vanishing rate keeps the weights where they start, so any difference is the forward pass's.
    const base = { epochs: 1, batchSize: 16, optimizer: 'sgd', momentum: 0, learningRate: 1e-12, patience: 0, validationFraction: 0.25 };
    const float = await trainNetwork(compileNetwork(spec, undefined, 3), set, trainingSchema.parse(base), 1, createRng(7));
    const quant = await trainNetwork(compileNetwork(spec, undefined, 3), set, trainingSchema.parse({ ...base, quantization: { weightBits: 4 } }), 1, createRng(7));
    const [f, q] = [float.history[0], quant.history[0]];
    expect(q?.loss).not.toBe(f?.loss);
    expect(q?.valLoss).not.toBe(f?.valLoss);
  });

  it('leaves float training untouched: the weights take many values', async () => {
    const set = rateSet(40, 2);
    const cfg = trainingSchema.parse({ epochs: 1, batchSize: 16, patience: 0 });
    const r = await trainNetwork(compileNetwork(spec, undefined, 3), set, cfg, 1, createRng(7));
    expect(distinct(r.weights['fc1']?.values ?? new Float32Array())).toBeGreaterThan(100);
  });

  it('is refused by the BPTT kernel with a reason, so auto falls back to tfjs', () => {
    // The kernel trains no biases: the same network without one.
    const unbiased = networkSchema.parse({ ...spec, layers: spec.layers.map((l) => (l.kind === 'dense' ? { ...l, bias: false } : l)) });
    const plain = kernelPlan(unbiased, trainingSchema.parse({}), 1);
    expect(plain.ok).toBe(true);
    const q = kernelPlan(unbiased, trainingSchema.parse({ quantization: { weightBits: 8 } }), 1);
    expect(q.ok).toBe(false);
    expect(!q.ok && q.reason).toMatch(/quantisation-aware training \(8-bit\) runs on tfjs/);
  });
});
