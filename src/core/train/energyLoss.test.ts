import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chipById } from '../hardware/chips/index.ts';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { spikeEnergyCosts, spikeEnergyNJ } from './energyLoss.ts';
import { evaluateOnEventsWithActivity } from './eventEngineScoring.ts';
import { trainNetwork, type LabelledSet } from './trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const loihi = chipById('loihi');
const lif = { model: 'lif', beta: 0.9, threshold: 0.5 };

/** Three classes told apart by which third of 12 inputs fires more (0.35 against 0.1 per step), 20 steps. */
function patternSet(n: number, seed: number): LabelledSet {
  const rng = createRng(seed, 'energy-task');
  const steps = 20;
  const neurons = 12;
  const labels = new Int32Array(n);
  const inputs = Array.from({ length: n }, (_, s) => {
    labels[s] = s % 3;
    return Float32Array.from({ length: steps * neurons }, (_v, k) => (rng.next() < (Math.floor((k % neurons) / 4) === s % 3 ? 0.35 : 0.1) ? 1 : 0));
  });
  return { inputs, labels, steps, neurons, classes: 3 };
}

const twoHidden = () =>
  compileNetwork(
    networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [12] },
        { kind: 'dense', name: 'fc1', units: 24, weightGain: 2 },
        { kind: 'spiking', name: 'h1', neuron: lif },
        { kind: 'dense', name: 'fc2', units: 16, weightGain: 2 },
        { kind: 'spiking', name: 'h2', neuron: lif },
        { kind: 'dense', name: 'fc3', units: 3, weightGain: 2 },
        { kind: 'readout', name: 'out', mode: 'membrane', reduce: 'max', beta: 0.9 },
      ],
    }),
    undefined,
    3,
  );

describe('spikeEnergyCosts', () => {
  it('costs a spike by the synapses it drives on the chip, through pooling and flatten, plus the active-over-idle update', () => {
    const e = loihi.energy;
    const net = twoHidden();
    const c = spikeEnergyCosts(net.spec, net.weights, loihi, 20);
    // h1 drives fc2's 16 synapses per spike, h2 drives fc3's 3.
    expect(c.fanOut).toEqual([16, 3]);
    expect(c.perSpikePJ[0]).toBeCloseTo(16 * e.synOpPJ + e.neuronActivePJ - e.neuronIdlePJ, 9);
    expect(c.perSpikePJ[1]).toBeCloseTo(3 * e.synOpPJ + e.neuronActivePJ - e.neuronIdlePJ, 9);
    expect(c.fixedPJ).toBeCloseTo((24 + 16) * 20 * e.neuronIdlePJ, 6);
    // A 4×4×1 input, 3×3 'same' conv of 2 filters, LIF, 2×2 sum pool, flatten, dense 5: a spike
    // reaches one pooled cell, which drives the 5 synapses of its row of the dense layer.
    const conv = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [4, 4, 1] },
        { kind: 'conv2d', name: 'c', filters: 2, kernel: 3, padding: 'same' },
        { kind: 'spiking', name: 's', neuron: lif },
        { kind: 'pool2d', name: 'p', mode: 'sum', size: 2 },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'd', units: 5 },
        { kind: 'readout', name: 'o' },
      ],
    });
    expect(spikeEnergyCosts(conv, compileNetwork(conv, undefined, 1).weights, loihi, 10).fanOut).toEqual([5]);
  });

  it('gives the energy per sample in nJ from the spikes of a batch', () => {
    const c = { perSpikePJ: [100, 10], fixedPJ: 500, fanOut: [4, 0] };
    // Batch of 2: (3·100 + 7·10)/2 = 185 pJ per sample, plus 500 pJ: 0.685 nJ.
    expect(spikeEnergyNJ(tf.tensor1d([3, 7]), c, 2).dataSync()[0]).toBeCloseTo(0.685, 6);
  });
});

describe('hardware-aware training (energyLoss)', () => {
  it('lowers the estimated energy per inference on Loihi and keeps accuracy within a point, same task and seed', async () => {
    const train = patternSet(120, 1);
    const test = patternSet(90, 2);
    const base = trainingSchema.parse({ epochs: 8, batchSize: 20, learningRate: 0.02, loss: 'ceMaxMembrane', patience: 0, validationFraction: 0.2 });
    const net = twoHidden();
    const costs = spikeEnergyCosts(net.spec, net.weights, loihi, train.steps);
    const run = async (weight: number) => {
      const cfg = weight > 0 ? { ...base, energyLoss: { weight } } : base;
      const r = await trainNetwork(net, train, cfg, 1, createRng(7), {}, loihi);
      // Scored on the event engine (hard threshold, no surrogate): what inference costs.
      const { metrics, activity } = await evaluateOnEventsWithActivity({ ...net, spec: r.network, weights: r.weights }, test, 1);
      const spikes = activity.activations.map((a) => a.nonZero / activity.samples);
      const nJ = (spikes.reduce((s, x, i) => s + x * (costs.perSpikePJ[i] ?? 0), 0) + costs.fixedPJ) / 1000;
      return { accuracy: metrics.accuracy, nJ, spikes: spikes.reduce((s, x) => s + x, 0) };
    };
    const plain = await run(0);
    const aware = await run(0.004);
    // Measured: 107 nJ and 97.8 % plain; 84 nJ (−21 %) and 97.8 % with the term.
    expect(plain.accuracy).toBeGreaterThan(0.8);
    expect(aware.nJ).toBeLessThan(0.9 * plain.nJ);
    expect(aware.accuracy).toBeGreaterThanOrEqual(plain.accuracy - 0.01);
  });
});
