import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { classMetrics } from './metrics.ts';
import { trainNetwork, type LabelledSet } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * XOR-like spike patterns: two input groups (A = neurons 0–4, B = 5–9) each fire early or late in
 * a 20-step window; the class is (A early) XOR (B early). No single input's spike count tells the
 * class: only the timing combination does, so a linear count read-out cannot solve it.
 */
function xorSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'xor');
  const steps = 20;
  const neurons = 10;
  const inputs: Float32Array[] = [];
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const aEarly = rng.next() < 0.5;
    const bEarly = rng.next() < 0.5;
    const x = new Float32Array(steps * neurons);
    for (let i = 0; i < 10; i++) {
      const early = i < 5 ? aEarly : bEarly;
      const t = (early ? 2 : 12) + rng.int(3);
      x[t * neurons + i] = 1;
    }
    inputs.push(x);
    labels[s] = aEarly !== bEarly ? 1 : 0;
  }
  return { inputs, labels, steps, neurons, classes: 2 };
}

const net = compileNetwork(
  networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [10] },
      { kind: 'dense', name: 'fc1', units: 24, weightGain: 2 },
      { kind: 'spiking', name: 'h', neuron: { model: 'lif', beta: 0.8 } },
      { kind: 'dense', name: 'fc2', units: 2, weightGain: 2 },
      { kind: 'readout', name: 'out', mode: 'membrane', reduce: 'max', beta: 0.9 },
    ],
  }),
  undefined,
  3,
);

describe('trainNetwork (BPTT with surrogate gradients)', () => {
  it('learns XOR-like spike timing patterns to 100 % validation accuracy, leaking no tensors', async () => {
    const set = xorSet(160, 1);
    const cfg = trainingSchema.parse({ epochs: 60, batchSize: 16, learningRate: 0.02, loss: 'ceMaxMembrane', patience: 0, validationFraction: 0.25 });
    const tensors: number[] = [];
    const before = tf.memory().numTensors;
    const result = await trainNetwork(net, set, cfg, 1, createRng(7), { onEpoch: () => void tensors.push(tf.memory().numTensors) });
    expect(result.validation.accuracy).toBe(1);
    expect(result.history[0]!.loss).toBeGreaterThan(result.history.at(-1)!.loss);
    // Flat across epochs and back to where it started: no tensor leaks in the loop.
    expect(new Set(tensors.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when cancelled and returns the best weights so far', async () => {
    const set = xorSet(64, 2);
    const cfg = trainingSchema.parse({ epochs: 50, batchSize: 16, patience: 0 });
    let epochs = 0;
    const ctrl = { aborted: false };
    const r = await trainNetwork(net, set, cfg, 1, createRng(1), {
      signal: ctrl,
      onEpoch: () => {
        if (++epochs === 2) ctrl.aborted = true;
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.history.length).toBeLessThanOrEqual(3);
    expect(r.weights['fc1']?.values.length).toBe(240);
  });
});

describe('classMetrics', () => {
  it('computes accuracy, per-class recall/precision, macro-F1 and the confusion matrix', () => {
    const m = classMetrics([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], 3);
    expect(m.accuracy).toBeCloseTo(3 / 5, 12);
    expect(m.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 0],
    ]);
    expect(m.perClass[1]).toMatchObject({ recall: 1, precision: 2 / 3, support: 2 });
    // F1: class 0 = 0.5, class 1 = 0.8, class 2 = 0 → macro 0.4333…
    expect(m.macroF1).toBeCloseTo((0.5 + 0.8 + 0) / 3, 12);
  });
});
