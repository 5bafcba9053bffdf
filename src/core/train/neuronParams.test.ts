import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { createVariables } from './forward.ts';
import { createNeuronVariables, neuronVariableList, withNeuronValues } from './neuronParams.ts';
import { predict, trainNetwork, type LabelledSet } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Two classes told apart by how strongly 8 inputs fire (rate 0.15 vs 0.45 per step over 16 steps). */
function rateSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'rates');
  const steps = 16;
  const neurons = 8;
  const labels = new Int32Array(n);
  const inputs = Array.from({ length: n }, (_, s) => {
    labels[s] = s % 2;
    const p = s % 2 === 0 ? 0.15 : 0.45;
    return Float32Array.from({ length: steps * neurons }, () => (rng.next() < p ? 1 : 0));
  });
  return { inputs, labels, steps, neurons, classes: 2 };
}

const netOf = (neuron: Record<string, unknown>) =>
  compileNetwork(
    networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [8] },
        { kind: 'dense', name: 'fc1', units: 12, weightGain: 2 },
        { kind: 'spiking', name: 'h', neuron },
        { kind: 'dense', name: 'fc2', units: 2, weightGain: 2 },
        { kind: 'readout', name: 'out', mode: 'membrane', reduce: 'max', beta: 0.9 },
      ],
    }),
    undefined,
    5,
  );

describe('trainable neuron parameters', () => {
  it('a LIF layer learns its decay and threshold, written into the spec (tauMemMs replaced by beta)', async () => {
    const net = netOf({ model: 'lif', tauMemMs: 10, threshold: 1 });
    const cfg = trainingSchema.parse({ epochs: 6, batchSize: 16, learningRate: 0.05, loss: 'ceMaxMembrane', patience: 0, trainable: { decay: true, threshold: true } });
    const before = tf.memory().numTensors;
    const r = await trainNetwork(net, rateSet(96, 1), cfg, 1, createRng(2));
    const learned = r.neuronParams['h'];
    expect(learned?.beta).toBeDefined();
    expect(learned?.threshold).toBeDefined();
    // exp(−1/10) = 0.9048…: training moved it, and kept it a decay.
    expect(Math.abs((learned?.beta ?? 0) - Math.exp(-0.1))).toBeGreaterThan(1e-4);
    expect(learned?.beta).toBeLessThanOrEqual(1);
    expect(learned?.threshold).not.toBe(1);
    const h = r.network.layers[2];
    expect(h?.kind === 'spiking' && h.neuron).toMatchObject({ model: 'lif', beta: learned?.beta, threshold: learned?.threshold });
    expect(h?.kind === 'spiking' && 'tauMemMs' in h.neuron && h.neuron.tauMemMs !== undefined).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the spec with learned values predicts exactly what the learned tensors predict', async () => {
    const net = netOf({ model: 'alif', beta: 0.85, threshold: 0.8, adaptation: 0.3 });
    const cfg = trainingSchema.parse({ epochs: 4, batchSize: 16, learningRate: 0.05, loss: 'ceMaxMembrane', patience: 0, trainable: { decay: true, threshold: true, adaptation: true } });
    const set = rateSet(64, 3);
    const r = await trainNetwork(net, set, cfg, 1, createRng(4));
    expect(Object.keys(r.neuronParams['h'] ?? {}).sort()).toEqual(['adaptation', 'beta', 'threshold']);
    const idx = Array.from({ length: 64 }, (_, i) => i);
    const trained = { ...net, weights: r.weights };
    const w1 = createVariables(trained);
    const nv = createNeuronVariables(net.spec, cfg.trainable, 1, r.neuronParams);
    const viaTensors = predict(trained, w1, set, idx, 1, cfg, nv);
    const written = { ...trained, spec: withNeuronValues(net.spec, r.neuronParams) };
    const w2 = createVariables(written);
    const viaSpec = predict(written, w2, set, idx, 1, cfg);
    expect(Array.from(viaSpec)).toEqual(Array.from(viaTensors));
    tf.dispose([...Object.values(w1), ...Object.values(w2), ...neuronVariableList(nv)]);
  });

  it('an input-adaptive layer trains with surrogate gradients: it learns the task, its β and θ₀', async () => {
    const net = netOf({ model: 'inputAdaptive', beta: 0.85, threshold: 0.6, inputGain: 0.5, statDecay: 0.9 });
    const cfg = trainingSchema.parse({ epochs: 6, batchSize: 16, learningRate: 0.05, loss: 'ceMaxMembrane', patience: 0, validationFraction: 0.25, trainable: { decay: true, threshold: true } });
    const before = tf.memory().numTensors;
    const r = await trainNetwork(net, rateSet(96, 1), cfg, 1, createRng(2));
    const learned = r.neuronParams['h'];
    expect(Object.keys(learned ?? {}).sort()).toEqual(['beta', 'threshold']);
    expect(learned?.threshold).not.toBe(0.6);
    expect(learned?.beta).not.toBe(Math.fround(0.85));
    // Rates 0.15 against 0.45 are easy: chance is 0.5.
    expect(r.validation.accuracy).toBeGreaterThan(0.8);
    const h = r.network.layers[2];
    expect(h?.kind === 'spiking' && h.neuron).toMatchObject({ model: 'inputAdaptive', beta: learned?.beta, threshold: learned?.threshold, inputGain: 0.5 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('nothing is learned by default, and Izhikevich layers have no learnable parameter', () => {
    const none = trainingSchema.parse({}).trainable;
    expect(none).toEqual({ decay: false, threshold: false, adaptation: false });
    const izh = netOf({ model: 'izhikevich' });
    expect(createNeuronVariables(izh.spec, { decay: true, threshold: true, adaptation: true }, 1)).toEqual({});
  });
});
