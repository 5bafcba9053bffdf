import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../engine/index.ts';
import { compileNetwork } from '../network/compile.ts';
import { INFERENCE_OPS } from '../neurons/tfTypes.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { createVariables, forward } from './forward.ts';
import { spikeFunction, detach } from './surrogate.ts';
import { chooseTrainEngine } from './trainWorkspace.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const lif = { model: 'lif', threshold: 0.6, tauMemMs: 10 };

/** A recurrent, residual SNN with biases whose counts feed an ANN head (relu, dense with bias) read as a value. */
const graphLayers = [
  { kind: 'input', name: 'in', shape: [10] },
  { kind: 'dense', name: 'fc', units: 12, weightGain: 2, bias: true },
  { kind: 'spiking', name: 's1', neuron: lif, inputs: ['fc', { from: 'rec', recurrent: true }] },
  { kind: 'dense', name: 'rec', units: 12, weightGain: 1.5, inputs: ['s1'] },
  { kind: 'dense', name: 'fc2', units: 12, weightGain: 2, inputs: ['s1'] },
  { kind: 'spiking', name: 's2', neuron: lif, inputs: ['fc2', 's1'] },
  { kind: 'accumulator', name: 'acc', window: 10 },
  { kind: 'dense', name: 'h', units: 6, bias: true },
  { kind: 'relu', name: 'r' },
  { kind: 'dense', name: 'o', units: 3, bias: true },
];

function seededNet(readout: Record<string, unknown>) {
  const spec = networkSchema.parse({ layers: [...graphLayers, readout] });
  const net = compileNetwork(spec, undefined, 4);
  const weights = { ...net.weights };
  for (const [k, w] of Object.entries(net.weights)) if (k.endsWith('.bias')) weights[k] = { shape: w.shape, values: w.values.map((_v, i) => Math.fround(0.05 * ((i % 5) - 2))) };
  return { ...net, weights };
}

function randomBatch(steps: number, batch: number, seed: number): Float32Array {
  const r = createRng(seed, 'graph-train-input');
  return new Float32Array(steps * batch * 10).map(() => (r.next() < 0.3 ? 1 : 0));
}

describe('training forward runs any graph', () => {
  it('at inference gives the engines\' read-out on a recurrent, residual, hybrid graph with biases', async () => {
    const steps = 30;
    const batch = 3;
    const values = randomBatch(steps, batch, 1);
    for (const reduce of ['last', 'max', 'mean'] as const) {
      const net = seededNet({ kind: 'readout', name: 'logits', mode: 'value', reduce });
      const sim = await (await createEngine('events')).simulate(net, { steps, batch, neurons: 10, values }, { dtMs: 1 });
      const engineOut = sim.readouts[0]?.values ?? new Float32Array();
      expect(engineOut.some((v) => v !== 0)).toBe(true);
      const vars = createVariables(net);
      const logits = tf.tidy(() => forward(net, vars, tf.tensor3d(values, [steps, batch, 10]), 1, INFERENCE_OPS, 'ceCount').logits.dataSync() as Float32Array);
      tf.dispose(Object.values(vars));
      expect(logits.length).toBe(engineOut.length);
      engineOut.forEach((v, i) => expect(Math.abs(v - (logits[i] ?? NaN)), `${reduce}[${i}]`).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
    }
    // Spike counts of a graph ending in a spiking layer, too.
    const spec = networkSchema.parse({ layers: [...graphLayers.slice(0, 6), { kind: 'dense', name: 'out', units: 3, weightGain: 3 }, { kind: 'spiking', name: 'o', neuron: lif }] });
    const net = compileNetwork(spec, undefined, 5);
    const sim = await (await createEngine('events')).simulate(net, { steps, batch, neurons: 10, values }, { dtMs: 1 });
    const vars = createVariables(net);
    const counts = tf.tidy(() => forward(net, vars, tf.tensor3d(values, [steps, batch, 10]), 1, INFERENCE_OPS, 'ceCount').logits.dataSync() as Float32Array);
    tf.dispose(Object.values(vars));
    const o = sim.layers.find((l) => l.name === 'o');
    expect(o?.spikeCount).toBeGreaterThan(0);
    const want = new Float32Array(batch * 3);
    o?.spikes.forEach((s, b) => s.ids.forEach((id) => (want[b * 3 + id] = (want[b * 3 + id] ?? 0) + 1)));
    expect(Array.from(counts)).toEqual(Array.from(want));
  });

  it('takes gradients through time across the loop, into every weight and bias', () => {
    const net = seededNet({ kind: 'readout', name: 'logits', mode: 'value', reduce: 'last' });
    const vars = createVariables(net);
    const ops = { fire: ((fn: (x: tf.Tensor) => tf.Tensor) => (v: tf.Tensor, th: tf.Tensor) => fn(tf.sub(v, th)))(spikeFunction('fastSigmoid', 5)), detach, training: true };
    const x = tf.tensor3d(randomBatch(20, 4, 2), [20, 4, 10]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3);
    const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, forward(net, vars, x, 1, ops, 'ceCount').logits) as tf.Scalar, Object.values(vars));
    const keyOf = new Map(Object.entries(vars).map(([k, v]) => [v.name, k]));
    const norms = Object.fromEntries(Object.entries(grads).map(([name, g]) => [keyOf.get(name) ?? name, tf.norm(g).dataSync()[0] ?? 0]));
    expect(Object.keys(norms).sort()).toEqual(['fc', 'fc.bias', 'fc2', 'h', 'h.bias', 'o', 'o.bias', 'rec']);
    for (const [k, n] of Object.entries(norms)) expect(n, `gradient of '${k}'`).toBeGreaterThan(0);
    tf.dispose([x, y, ...Object.values(grads), ...Object.values(vars)]);
  });

  it('steps scale and delay nodes as the engine does, and takes gradients into the scale and, back in time through the delays, the weights before them', async () => {
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [10] },
        { kind: 'dense', name: 'fc', units: 12, weightGain: 2 },
        { kind: 'spiking', name: 's1', neuron: lif, inputs: ['fc', { from: 'rec', recurrent: true }] },
        { kind: 'scale', name: 'sc' },
        { kind: 'delay', name: 'dl', steps: Array.from({ length: 12 }, (_v, i) => i % 4) },
        { kind: 'dense', name: 'rec', units: 12, weightGain: 1.5 },
        { kind: 'delay', name: 'd2', steps: 3, inputs: ['s1'] },
        { kind: 'dense', name: 'o', units: 3, weightGain: 2 },
        { kind: 'readout', name: 'logits', mode: 'membrane', beta: 0.9, reduce: 'mean' },
      ],
    });
    const base = compileNetwork(spec, undefined, 6);
    const net = { ...base, weights: { ...base.weights, sc: { shape: [12], values: Float32Array.from({ length: 12 }, (_v, i) => Math.fround(0.5 + 0.1 * i)) } } };
    const steps = 20;
    const values = randomBatch(steps, 4, 3);
    const sim = await (await createEngine('events')).simulate(net, { steps, batch: 4, neurons: 10, values }, { dtMs: 1 });
    const engineOut = sim.readouts.find((r) => r.name === 'logits')?.values ?? new Float32Array();
    const vars = createVariables(net);
    const x = tf.tensor3d(values, [steps, 4, 10]);
    const logits = tf.tidy(() => forward(net, vars, x, 1, INFERENCE_OPS, 'ceMeanMembrane').logits.dataSync() as Float32Array);
    expect(engineOut.some((v) => v !== 0)).toBe(true);
    engineOut.forEach((v, i) => expect(Math.abs(v - (logits[i] ?? NaN)), `logits[${i}]`).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
    const ops = { fire: ((fn: (x: tf.Tensor) => tf.Tensor) => (v: tf.Tensor, th: tf.Tensor) => fn(tf.sub(v, th)))(spikeFunction('fastSigmoid', 5)), detach, training: true };
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3);
    const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, forward(net, vars, x, 1, ops, 'ceMeanMembrane').logits) as tf.Scalar, Object.values(vars));
    const keyOf = new Map(Object.entries(vars).map(([k, v]) => [v.name, k]));
    const norms = Object.fromEntries(Object.entries(grads).map(([name, g]) => [keyOf.get(name) ?? name, tf.norm(g).dataSync()[0] ?? 0]));
    expect(Object.keys(norms).sort()).toEqual(['fc', 'o', 'rec', 'sc']);
    for (const [k, n] of Object.entries(norms)) expect(n, `gradient of '${k}'`).toBeGreaterThan(0);
    tf.dispose([x, y, ...Object.values(grads), ...Object.values(vars)]);
  });

  it('a graph the BPTT kernel cannot train falls back to tfjs, saying why', () => {
    const ws = parseWorkspace({
      schemaVersion: 2,
      name: 'g',
      seed: 1,
      network: { layers: [{ kind: 'input', name: 'in', shape: [16] }, ...graphLayers.slice(1), { kind: 'readout', name: 'logits', mode: 'value', reduce: 'last' }] },
      data: { kind: 'synthetic-eeg', eegClass: 'rest', epochS: 1, samplingHz: 80 },
      encoder: { kind: 'delta', threshold: 5 },
    });
    const engine = chooseTrainEngine(ws, trainingSchema.parse({}), 1, {});
    expect(engine.name).toBe('tfjs');
    // The loop into 's1' would train on the kernel; the sum into 's2' does not.
    expect(engine.reason).toMatch(/graph, not a chain \(a skip or a sum into 's2'\)/);
  });
});
