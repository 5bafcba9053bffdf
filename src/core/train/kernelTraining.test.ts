import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { KERNEL_MODELS } from '../neurons/kernelNeuron.ts';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { frameSet, heldSet, spectrumSet, xorSet } from '../../../test/support/kernelTrainingSets.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { loadBpttKernel } from './bptt/bpttKernel.ts';
import { kernelPlan, trainWithKernel } from './kernelTraining.ts';
import { trainNetwork } from './trainer.ts';

let kernel: Uint8Array;
beforeAll(async () => {
  await tf.setBackend('cpu');
  kernel = await kernelBytes();
}, 120_000);

const conv = (name: string, filters: number, kernel: number, stride: number, padding: 'same' | 'valid') => ({ kind: 'conv2d', name, filters, kernel, stride, padding, weightGain: 2 });
const spike = (name: string) => ({ kind: 'spiking', name, neuron: { model: 'lif', beta: 0.8 } });
const dense = (name: string, units: number) => ({ kind: 'dense', name, units, weightGain: 2 });
const readout = () => ({ kind: 'readout', name: 'out', mode: 'membrane', beta: 0.9 });

const lif = { model: 'lif', beta: 0.8 };
/** The same RSNN as the editor's template writes it: 'rec' before 'h', reading it a step late; 'h' reads 'rec' forward. */
function templateRsnn(last: 'readout' | 'spiking', neuron: Record<string, unknown> = lif) {
  const spec = chain(last, neuron, true);
  const rec = spec.layers.find((l) => l.name === 'rec');
  const rest = spec.layers.filter((l) => l.name !== 'rec').map((l) => (l.name === 'h' ? { ...l, inputs: ['fc1', 'rec'] } : l));
  return networkSchema.parse({ layers: [...rest.slice(0, 2), { ...rec, inputs: [{ from: 'h', recurrent: true }] }, ...rest.slice(2)] });
}

function chain(last: 'readout' | 'readout-count' | 'spiking', neuron: Record<string, unknown> = lif, recurrent = false) {
  const tail =
    last === 'spiking'
      ? [{ kind: 'spiking', name: 'o', neuron }]
      : [{ kind: 'readout', name: 'out', mode: last === 'readout' ? 'membrane' : 'count', beta: 0.9 }];
  // With `recurrent`, h also reads its own spikes of the step before through 'rec' (snnTorch's RLeaky).
  const loop = recurrent ? [{ kind: 'dense', name: 'rec', units: 24, weightGain: 1, inputs: ['h'] }] : [];
  return networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [10] },
      { kind: 'dense', name: 'fc1', units: 24, weightGain: 2 },
      { kind: 'spiking', name: 'h', neuron, ...(recurrent ? { inputs: ['fc1', { from: 'rec', recurrent: true }] } : {}) },
      ...loop,
      { kind: 'dense', name: 'fc2', units: 2, weightGain: 2, inputs: ['h'] },
      ...tail,
    ],
  });
}

describe('training on the BPTT kernel', () => {
  it('plans the networks it can train and names what it cannot', () => {
    const cfg = trainingSchema.parse({});
    expect(kernelPlan(chain('readout'), { ...cfg, loss: 'ceMaxMembrane' }, 1)).toMatchObject({ ok: true, reduce: 'max', names: ['fc1', 'fc2'] });
    expect(kernelPlan(chain('spiking'), cfg, 1)).toMatchObject({ ok: true, reduce: 'count' });
    expect(kernelPlan(chain('readout-count'), cfg, 1)).toMatchObject({ ok: true, reduce: 'last' });
    expect(kernelPlan(chain('readout'), { ...cfg, surrogate: { name: 'arctan', slope: 2 } }, 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/fast sigmoid, not arctan/) });
    expect(kernelPlan(chain('readout'), { ...cfg, loss: 'mseCount' }, 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/mseCount/) });
    expect(kernelPlan(chain('readout'), { ...cfg, trainable: { decay: true, threshold: false, adaptation: false } }, 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/neuron parameters/) });
    expect(kernelPlan(chain('readout'), { ...cfg, energyLoss: { weight: 0.01 } }, 1)).toMatchObject({ ok: false, reason: 'the kernel has no chip energy term (energyLoss)' });
    expect(kernelPlan(chain('readout'), { ...cfg, energyLoss: { weight: 0 } }, 1)).toMatchObject({ ok: true });
    expect(kernelPlan(chain('readout', { model: 'lif', refractoryMs: 2 }), cfg, 1)).toMatchObject({ ok: false, reason: "'h' has a refractory period" });
    expect(kernelPlan(chain('readout', { model: 'lif', reset: 'zero' }), cfg, 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/resets to zero/) });
    expect(kernelPlan(chain('readout', { model: 'ssf' }), cfg, 1)).toMatchObject({ ok: false, reason: "'h' is ssf; the kernel trains lif, if, cubaLif and alif neurons" });
    expect(kernelPlan(chain('readout', { model: 'inputAdaptive' }), cfg, 1)).toMatchObject({ ok: false, reason: "'h' is inputAdaptive; the kernel trains lif, if, cubaLif and alif neurons" });
    expect(kernelPlan(chain('readout', { model: 'alif', rho: 0.9, adaptation: 0.3 }), cfg, 1)).toMatchObject({ ok: true, layers: [{ neuron: { model: { id: KERNEL_MODELS.alif.id }, params: [Math.fround(0.9), 1, Math.fround(0.9), Math.fround(0.3)] } }, {}] });
    const conv = (pool: Record<string, unknown>) => networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [8, 8, 1] }, { kind: 'conv2d', name: 'c', filters: 2, kernel: 3 }, { kind: 'spiking', name: 'h', neuron: lif }, { kind: 'pool2d', name: 'p', size: 2, ...pool }, { kind: 'dense', name: 'fc', units: 2 }, { kind: 'readout', name: 'out' }] });
    expect(kernelPlan(conv({ mode: 'sum' }), cfg, 1)).toMatchObject({ ok: true, names: ['c', 'fc'], layers: [{ units: 72, conv: { outH: 6, filters: 2 }, pool: { outH: 3, divisor: 1 } }, { inputs: 18 }] });
    expect(kernelPlan(conv({ mode: 'max' }), cfg, 1)).toMatchObject({ ok: false, reason: "'p' is a max pool; the kernel trains sum and average pools" });
    // An RSNN's loop (through a dense node) trains inside its population's layer; any other loop, a sum or a bias sends the graph to tfjs, with the reason.
    expect(kernelPlan(chain('readout', lif, true), cfg, 1)).toMatchObject({ ok: true, names: ['fc1', 'fc2'], loopNames: ['rec', undefined], layers: [{ inputs: 10, units: 24, recurrent: true }, { inputs: 24, units: 2 }] });
    const selfLoop = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [4] }, { kind: 'dense', name: 'fc', units: 4 }, { kind: 'spiking', name: 'h', neuron: lif, inputs: ['fc', { from: 'h', recurrent: true }] }, { kind: 'readout', name: 'out' }] });
    expect(kernelPlan(selfLoop, cfg, 1)).toMatchObject({ ok: false, reason: "'h' reads its own output a step late without weights; the kernel trains a loop through a dense node" });
    expect(kernelPlan(templateRsnn('readout'), cfg, 1)).toMatchObject({ ok: true, names: ['fc1', 'fc2'], loopNames: ['rec', undefined], layers: [{ inputs: 10, units: 24, recurrent: true }, { inputs: 24, units: 2 }] });
    const biasedLoop = networkSchema.parse({ layers: chain('readout', lif, true).layers.map((l) => (l.name === 'rec' ? { ...l, bias: true } : l)) });
    expect(kernelPlan(biasedLoop, cfg, 1)).toMatchObject({ ok: false, reason: "'rec' has a bias" });
    const wider = chain('readout', lif, true);
    const shared = networkSchema.parse({ layers: wider.layers.map((l) => (l.name === 'fc2' ? { ...l, inputs: ['rec'] } : l)) });
    expect(kernelPlan(shared, cfg, 1)).toMatchObject({ ok: false, reason: "the loop's dense node 'rec' feeds more than 'h'" });
    const skip = networkSchema.parse({ layers: wider.layers.map((l) => (l.name === 'h' ? { ...l, inputs: ['fc1', 'in', { from: 'rec', recurrent: true }] } : l)) });
    expect(kernelPlan({ ...skip, layers: skip.layers.map((l) => (l.name === 'fc1' ? { ...l, units: 10 } : l.name === 'rec' ? { ...l, units: 10 } : l)) }, cfg, 1)).toMatchObject({ ok: false, reason: "'h' reads more than the node before it and its loop" });
    const biased = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [4] }, { kind: 'dense', name: 'fc', units: 4, bias: true }, { kind: 'spiking', name: 'h', neuron: lif }, { kind: 'readout', name: 'out' }] });
    expect(kernelPlan(biased, cfg, 1)).toMatchObject({ ok: false, reason: "'fc' has a bias" });
  });

  // One batch = the whole training split, one epoch: the epoch's loss is the first forward pass,
  // and the weights after it are one update away from the same start.
  for (const [name, last, extra, real, neuron] of [
    ['max membrane, Adam', 'readout', { loss: 'ceMaxMembrane' }, false, lif],
    ['a held (static) input vector, max membrane', 'readout', { loss: 'ceMaxMembrane' }, 'held', lif],
    ['mean membrane, SGD with momentum, real-valued input', 'readout', { loss: 'ceMeanMembrane', optimizer: 'sgd', learningRate: 0.05 }, true, lif],
    ['spike counts, class weights, decay, clipping, rate penalty', 'spiking', { loss: 'ceCount', classWeighting: 'balanced', weightDecay: 0.01, clipNorm: 0.05, rateRegularization: 0.5 }, false, lif],
    ['count read-out, IF neurons', 'readout-count', { loss: 'ceCount' }, false, { model: 'if', threshold: 1 }],
    ['current-based LIF, max membrane, SGD', 'readout', { loss: 'ceMaxMembrane', optimizer: 'sgd', learningRate: 0.05 }, false, { model: 'cubaLif', alpha: 0.7, beta: 0.85 }],
    ['adaptive LIF, max membrane, SGD', 'readout', { loss: 'ceMaxMembrane', optimizer: 'sgd', learningRate: 0.05 }, false, { model: 'alif', beta: 0.85, rho: 0.9, adaptation: 0.3, threshold: 0.7 }],
    ['adaptive LIF in both layers, spike counts, real-valued input, SGD', 'spiking', { loss: 'ceCount', optimizer: 'sgd', learningRate: 0.05 }, true, { model: 'alif', tauMemMs: 8, tauAdaptMs: 20, adaptation: 0.5, threshold: 0.6 }],
    ['current-based LIF in both layers, spike counts, real-valued input, SGD', 'spiking', { loss: 'ceCount', optimizer: 'sgd', learningRate: 0.05 }, true, { model: 'cubaLif', tauSynMs: 3, tauMemMs: 8, threshold: 0.8 }],
  ] as const) {
    it(`gives tfjs's loss and update: ${name}`, async () => {
      const set = real === 'held' ? heldSet(48, 2) : xorSet(48, 2, real);
      const cfg = trainingSchema.parse({ epochs: 1, batchSize: 64, learningRate: 0.01, patience: 0, validationFraction: 0.25, ...extra });
      const net = compileNetwork(chain(last, neuron), undefined, 3);
      const viaTfjs = await trainNetwork(net, set, cfg, 1, createRng(7));
      const viaKernel = await trainWithKernel(await loadBpttKernel(kernel), net, set, cfg, 1, createRng(7));
      expect(viaKernel.history[0]?.loss).toBeCloseTo(viaTfjs.history[0]?.loss ?? NaN, 4);
      expect(viaKernel.history[0]?.valAccuracy).toBe(viaTfjs.history[0]?.valAccuracy);
      expect(viaKernel.history[0]?.layerSpikes).toEqual(viaTfjs.history[0]?.layerSpikes);
      for (const layer of ['fc1', 'fc2']) {
        const a = viaTfjs.weights[layer]?.values ?? new Float32Array();
        const b = viaKernel.weights[layer]?.values ?? new Float32Array();
        const start = net.weights[layer]?.values ?? new Float32Array();
        const moved = Math.max(...a.map((v, i) => Math.abs(v - (start[i] ?? NaN))));
        expect(moved).toBeGreaterThan(1e-5);
        expect(Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? NaN))))).toBeLessThan(1e-3 * moved + 1e-7);
      }
    });
  }

  // RSNNs: the loop's matrix ('rec') learns through time; tfjs steps the same graph (forward.ts).
  for (const [name, last, extra, real, neuron] of [
    ['RSNN, max membrane, Adam', 'readout', { loss: 'ceMaxMembrane' }, false, lif],
    ['RSNN, spike counts, rate penalty, clipping, SGD', 'spiking', { loss: 'ceCount', rateRegularization: 0.3, clipNorm: 0.5, optimizer: 'sgd', learningRate: 0.05 }, false, lif],
    ['RSNN, held input, mean membrane', 'readout', { loss: 'ceMeanMembrane' }, 'held', lif],
    ['RSNN of IF neurons, real-valued input, last membrane', 'readout-count', { loss: 'ceCount', optimizer: 'sgd', learningRate: 0.05 }, true, { model: 'if', threshold: 1 }],
    ['RSNN of current-based LIF, max membrane, SGD', 'readout', { loss: 'ceMaxMembrane', optimizer: 'sgd', learningRate: 0.05 }, false, { model: 'cubaLif', alpha: 0.7, beta: 0.85 }],
    ['RSNN of adaptive LIF, spike counts, SGD', 'spiking', { loss: 'ceCount', optimizer: 'sgd', learningRate: 0.05 }, true, { model: 'alif', tauMemMs: 8, tauAdaptMs: 20, adaptation: 0.5, threshold: 0.6 }],
    ["RSNN as the editor's template writes it, max membrane, SGD", 'template', { loss: 'ceMaxMembrane', optimizer: 'sgd', learningRate: 0.05 }, false, lif],
  ] as const) {
    it(`gives tfjs's loss and update: ${name}`, async () => {
      const set = real === 'held' ? heldSet(48, 2) : xorSet(48, 2, real);
      const cfg = trainingSchema.parse({ epochs: 1, batchSize: 64, learningRate: 0.01, patience: 0, validationFraction: 0.25, ...extra });
      const spec = last === 'template' ? templateRsnn('readout') : chain(last, neuron, true);
      expect(kernelPlan(spec, cfg, 1)).toMatchObject({ ok: true, loopNames: ['rec', undefined] });
      const net = compileNetwork(spec, undefined, 3);
      const viaTfjs = await trainNetwork(net, set, cfg, 1, createRng(7));
      const viaKernel = await trainWithKernel(await loadBpttKernel(kernel), net, set, cfg, 1, createRng(7));
      expect(viaKernel.history[0]?.loss).toBeCloseTo(viaTfjs.history[0]?.loss ?? NaN, 4);
      expect(viaKernel.history[0]?.valAccuracy).toBe(viaTfjs.history[0]?.valAccuracy);
      // Same forward spikes (the loop's currents are the engines'), so the same counts per layer.
      expect(viaKernel.history[0]?.layerSpikes).toEqual(viaTfjs.history[0]?.layerSpikes);
      expect(viaTfjs.history[0]?.layerSpikes['h']).toBeGreaterThan(0);
      for (const layer of ['fc1', 'rec', 'fc2']) {
        const a = viaTfjs.weights[layer]?.values ?? new Float32Array();
        const b = viaKernel.weights[layer]?.values ?? new Float32Array();
        const start = net.weights[layer]?.values ?? new Float32Array();
        expect(b.length, layer).toBe(start.length);
        const moved = Math.max(...a.map((v, i) => Math.abs(v - (start[i] ?? NaN))));
        expect(moved, layer).toBeGreaterThan(1e-5);
        expect(Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? NaN)))), layer).toBeLessThan(1e-3 * moved + 1e-7);
      }
    });
  }

  // Conv layers: event frames (a bar's side, left or right, in either polarity), real-valued
  // spectra, padding 'same' and 'valid', strides, sum and average pools, two convs stacked.
  for (const [name, layers, extra, real] of [
    ['conv, sum pool, dense read-out', [conv('c1', 4, 3, 1, 'same'), spike('h1'), { kind: 'pool2d', name: 'p', mode: 'sum', size: 2 }, { kind: 'flatten', name: 'f' }, dense('fc', 2), readout()], { loss: 'ceMaxMembrane' }, false],
    ['1-D conv on real values, mean membrane, SGD', [conv('c1', 3, 5, 1, 'same'), spike('h1'), { kind: 'flatten', name: 'f' }, dense('fc', 2), readout()], { loss: 'ceMeanMembrane', optimizer: 'sgd', learningRate: 0.05 }, true],
    ['two convs, stride 2, valid, overlapping average pool, spike counts, rate penalty', [conv('c1', 3, 3, 1, 'valid'), spike('h1'), conv('c2', 5, 2, 2, 'valid'), spike('h2'), { kind: 'pool2d', name: 'p', mode: 'avg', size: 2, stride: 1 }, { kind: 'flatten', name: 'f' }, dense('fc', 2), spike('o')], { loss: 'ceCount', rateRegularization: 0.3, optimizer: 'sgd', learningRate: 0.05 }, false],
  ] as const) {
    it(`gives tfjs's loss and update: ${name}`, async () => {
      const set = real ? spectrumSet(40, 3) : frameSet(40, 3);
      const cfg = trainingSchema.parse({ epochs: 1, batchSize: 64, learningRate: 0.01, patience: 0, validationFraction: 0.25, ...extra });
      const spec = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: real ? [12, 1, 1] : [8, 8, 2] }, ...layers] });
      const plan = kernelPlan(spec, cfg, 1);
      expect(plan.ok, plan.ok ? '' : plan.reason).toBe(true);
      const net = compileNetwork(spec, undefined, 3);
      const viaTfjs = await trainNetwork(net, set, cfg, 1, createRng(7));
      const viaKernel = await trainWithKernel(await loadBpttKernel(kernel), net, set, cfg, 1, createRng(7));
      expect(viaKernel.history[0]?.loss).toBeCloseTo(viaTfjs.history[0]?.loss ?? NaN, 4);
      expect(viaKernel.history[0]?.valAccuracy).toBe(viaTfjs.history[0]?.valAccuracy);
      expect(viaKernel.history[0]?.layerSpikes).toEqual(viaTfjs.history[0]?.layerSpikes);
      for (const layer of plan.ok ? plan.names : []) {
        const a = viaTfjs.weights[layer]?.values ?? new Float32Array();
        const b = viaKernel.weights[layer]?.values ?? new Float32Array();
        const start = net.weights[layer]?.values ?? new Float32Array();
        const moved = Math.max(...a.map((v, i) => Math.abs(v - (start[i] ?? NaN))));
        expect(moved, layer).toBeGreaterThan(1e-5);
        expect(Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? NaN)))), layer).toBeLessThan(1e-3 * moved + 1e-7);
      }
    });
  }

  it('learns XOR-like spike timing to 100 % validation accuracy', async () => {
    const set = xorSet(160, 1);
    const cfg = trainingSchema.parse({ epochs: 60, batchSize: 16, learningRate: 0.02, loss: 'ceMaxMembrane', patience: 0, validationFraction: 0.25 });
    const result = await trainWithKernel(await loadBpttKernel(kernel), compileNetwork(chain('readout'), undefined, 3), set, cfg, 1, createRng(7));
    expect(result.validation.accuracy).toBe(1);
    expect(result.history.length).toBe(60);
  });
});
