import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyEcgWorkspace } from '../../../test/support/tinyStudy.ts';
import { compileNetwork } from '../network/compile.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { createVariables } from './forward.ts';
import { predict } from './inference.ts';
import { sampleOutputs, trainedOutputs } from './sampleOutputs.ts';
import type { LabelledSet } from './trainer.ts';
import { trainWorkspace } from './trainWorkspace.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainedOutputs', () => {
  it('gives every test sample its logits, probabilities that sum to 1, and the predictions the training scored, in testSet order', async () => {
    const training = await trainWorkspace(tinyEcgWorkspace({ kind: 'spiking', neuron: { model: 'lif', beta: 0.9 } }), undefined, {}, { engine: 'tfjs' });
    const out = trainedOutputs(training);
    const n = training.testSet.labels.length;
    expect(n).toBeGreaterThan(10);
    expect(out.logits).toHaveLength(n);
    expect(out.probabilities).toHaveLength(n);
    for (const p of out.probabilities) {
      expect(p).toHaveLength(5);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(Array.from(p).every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    expect(Array.from(out.predicted)).toEqual(Array.from(training.testPredictions));
    // The predictions are the argmax of the logits (the first of equals, as tf.argMax).
    out.logits.forEach((l, i) => expect(l.indexOf(Math.max(...l))).toBe(out.predicted[i]));
    // The logits are not all one class's: the outputs carry information per sample.
    expect(new Set(out.logits.map((l) => l.join(','))).size).toBeGreaterThan(1);
  });
});

describe('sampleOutputs', () => {
  it('with spiking output units gives their spike counts as logits and the softmax of the counts as probabilities, across batch boundaries', () => {
    // 4 held inputs straight to 3 IF units: the logits are the units' spike counts over 10 steps.
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [4] },
        { kind: 'dense', name: 'fc', units: 3, weightGain: 2 },
        { kind: 'spiking', name: 'out', neuron: { model: 'if', threshold: 1 } },
      ],
    });
    const net = compileNetwork(spec, undefined, 5);
    const inputs = Array.from({ length: 7 }, (_, s) => Float32Array.from([s % 2, (s >> 1) % 2, (s >> 2) % 2, 1]));
    const set: LabelledSet = { inputs, labels: Int32Array.from(inputs, (_, s) => s % 3), steps: 10, neurons: 4, classes: 3, held: true };
    const cfg = trainingSchema.parse({ batchSize: 3, loss: 'ceCount' });
    const out = sampleOutputs(net, set, 1, cfg);
    expect(out.logits).toHaveLength(7);
    for (const [i, l] of out.logits.entries()) {
      // Spike counts: whole numbers within the 10 steps.
      expect(Array.from(l).every((v) => Number.isInteger(v) && v >= 0 && v <= 10)).toBe(true);
      const e = Array.from(l, (v) => Math.exp(v - Math.max(...l)));
      const z = e.reduce((a, b) => a + b, 0);
      Array.from(out.probabilities[i] ?? []).forEach((p, k) => expect(p).toBeCloseTo((e[k] ?? 0) / z, 6));
    }
    expect(out.logits.some((l) => l.some((v) => v > 0))).toBe(true);
    const vars = createVariables(net);
    expect(Array.from(out.predicted)).toEqual(Array.from(predict(net, vars, set, [0, 1, 2, 3, 4, 5, 6], 1, cfg)));
    tf.dispose(Object.values(vars));
  });
});
