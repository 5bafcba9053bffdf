import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { frameSet, heldSet, spectrumSet, xorSet } from '../../../test/support/kernelTrainingSets.ts';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { loadBpttKernel } from './bptt/bpttKernel.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { kernelPlan, trainWithKernel } from './kernelTraining.ts';
import type { TrainResult } from './trainer.ts';

// The BPTT kernel's results, bit for bit, on a fixed seed: a hash of the trained weights and of
// every epoch's losses after three epochs, for each neuron model, read-out, input kind and layer
// kind the kernel trains. The hashes were recorded on main before the kernel took its layers as
// descriptors in memory and its neuron constants from the models: a change to either that moves
// one bit of one weight fails here.

let kernel: Uint8Array;
beforeAll(async () => {
  kernel = await kernelBytes();
}, 120_000);

/** SHA-256 (first 16 hex digits) of the weights' bytes in layer order, then each epoch's losses as float64. */
function fingerprint(r: TrainResult, names: readonly string[]): string {
  const h = createHash('sha256');
  for (const name of names) {
    const w = r.weights[name]?.values ?? new Float32Array();
    h.update(new Uint8Array(w.buffer, w.byteOffset, w.byteLength));
  }
  const losses = Float64Array.from(r.history.flatMap((e) => [e.loss, e.valLoss ?? NaN, e.valAccuracy ?? NaN]));
  h.update(new Uint8Array(losses.buffer));
  return h.digest('hex').slice(0, 16);
}

const dense = (name: string, units: number) => ({ kind: 'dense', name, units, weightGain: 2 });
const conv = (name: string, filters: number, k: number, stride: number, padding: 'same' | 'valid') => ({ kind: 'conv2d', name, filters, kernel: k, stride, padding, weightGain: 2 });
const spiking = (name: string, neuron: Record<string, unknown>) => ({ kind: 'spiking', name, neuron });
const readout = (mode: 'membrane' | 'count') => ({ kind: 'readout', name: 'out', mode, beta: 0.9 });
const lif = { model: 'lif', beta: 0.8 };
/** input [10] → dense 24 → neurons → dense 2 → neurons or a read-out. */
const flat = (neuron: Record<string, unknown>, last: Record<string, unknown>) => [{ kind: 'input', name: 'in', shape: [10] }, dense('fc1', 24), spiking('h', neuron), dense('fc2', 2), last];

const CASES = [
  { name: 'LIF, max membrane, Adam, spike input', set: 'xor', layers: flat(lif, readout('membrane')), cfg: { loss: 'ceMaxMembrane' }, hash: '558c1d2d16c1a0da' },
  { name: 'LIF, a held input vector', set: 'held', layers: flat(lif, readout('membrane')), cfg: { loss: 'ceMaxMembrane' }, hash: '09866b2c5e2f9105' },
  { name: 'LIF without reset, mean membrane, SGD, real input', set: 'xorReal', layers: flat({ model: 'lif', beta: 0.85, reset: 'none' }, readout('membrane')), cfg: { loss: 'ceMeanMembrane', optimizer: 'sgd', learningRate: 0.05 }, hash: '9c1203fa908dda5f' },
  { name: 'LIF, spike counts, class weights, decay, clipping, rate penalty', set: 'xor', layers: flat(lif, spiking('o', lif)), cfg: { loss: 'ceCount', classWeighting: 'balanced', weightDecay: 0.01, clipNorm: 0.05, rateRegularization: 0.5 }, hash: '855b8e83286d19c2' },
  { name: 'IF, count read-out', set: 'xor', layers: flat({ model: 'if', threshold: 1 }, readout('count')), cfg: { loss: 'ceCount' }, hash: 'a2d839094dc814b4' },
  { name: 'current-based LIF in both layers, spike counts, real input', set: 'xorReal', layers: flat({ model: 'cubaLif', tauSynMs: 3, tauMemMs: 8, threshold: 0.8 }, spiking('o', { model: 'cubaLif', alpha: 0.7, beta: 0.85 })), cfg: { loss: 'ceCount', optimizer: 'sgd', learningRate: 0.05 }, hash: 'f0edda9fbfc57262' },
  { name: 'adaptive LIF in both layers, spike counts, real input', set: 'xorReal', layers: flat({ model: 'alif', tauMemMs: 8, tauAdaptMs: 20, adaptation: 0.5, threshold: 0.6 }, spiking('o', { model: 'alif', beta: 0.85, rho: 0.9, adaptation: 0.3, threshold: 0.7 })), cfg: { loss: 'ceCount', optimizer: 'sgd', learningRate: 0.05 }, hash: '9efd54285c97a555' },
  { name: 'adaptive LIF, last membrane of a count read-out', set: 'xor', layers: flat({ model: 'alif', beta: 0.85, rho: 0.9, adaptation: 0.3, threshold: 0.7 }, readout('count')), cfg: { loss: 'ceCount' }, hash: '8d0f84513b5e91a6' },
  {
    name: 'conv same, sum pool, dense read-out',
    set: 'frames',
    layers: [{ kind: 'input', name: 'in', shape: [8, 8, 2] }, conv('c1', 4, 3, 1, 'same'), spiking('h1', lif), { kind: 'pool2d', name: 'p', mode: 'sum', size: 2 }, { kind: 'flatten', name: 'f' }, dense('fc', 2), readout('membrane')],
    cfg: { loss: 'ceMaxMembrane' },
    hash: '532cb31c732195fe',
  },
  {
    name: 'two convs, stride 2, valid, overlapping average pool, spike counts',
    set: 'frames',
    layers: [{ kind: 'input', name: 'in', shape: [8, 8, 2] }, conv('c1', 3, 3, 1, 'valid'), spiking('h1', lif), conv('c2', 5, 2, 2, 'valid'), spiking('h2', { model: 'cubaLif', alpha: 0.6, beta: 0.8 }), { kind: 'pool2d', name: 'p', mode: 'avg', size: 2, stride: 1 }, { kind: 'flatten', name: 'f' }, dense('fc', 2), spiking('o', { model: 'alif', beta: 0.8, rho: 0.9, adaptation: 0.2 })],
    cfg: { loss: 'ceCount', rateRegularization: 0.3, optimizer: 'sgd', learningRate: 0.05 },
    hash: 'c17b0e7d589993ec',
  },
  {
    name: '1-D conv on real values, mean membrane, SGD',
    set: 'spectra',
    layers: [{ kind: 'input', name: 'in', shape: [12, 1, 1] }, conv('c1', 3, 5, 1, 'same'), spiking('h1', lif), { kind: 'flatten', name: 'f' }, dense('fc', 2), readout('membrane')],
    cfg: { loss: 'ceMeanMembrane', optimizer: 'sgd', learningRate: 0.05 },
    hash: 'ab36929a401660f7',
  },
] as const;

const SETS = { xor: () => xorSet(64, 2), xorReal: () => xorSet(64, 2, true), held: () => heldSet(64, 2), frames: () => frameSet(48, 3), spectra: () => spectrumSet(48, 3) };

describe('training on the BPTT kernel, bit for bit', () => {
  for (const c of CASES) {
    it(`gives the recorded weights and losses after 3 epochs: ${c.name}`, async () => {
      const spec = networkSchema.parse({ layers: c.layers });
      const cfg = trainingSchema.parse({ epochs: 3, batchSize: 16, learningRate: 0.01, patience: 0, validationFraction: 0.25, ...c.cfg });
      const plan = kernelPlan(spec, cfg, 1);
      if (!plan.ok) throw new Error(plan.reason);
      const result = await trainWithKernel(await loadBpttKernel(kernel), compileNetwork(spec, undefined, 3), SETS[c.set](), cfg, 1, createRng(7));
      expect(result.history.length).toBe(3);
      expect(fingerprint(result, plan.names)).toBe(c.hash);
    });
  }
});
