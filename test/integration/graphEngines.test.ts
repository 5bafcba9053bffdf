import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine/index.ts';
import type { SimulationResult } from '../../src/core/engine/types.ts';
import { compileNetwork } from '../../src/core/network/compile.ts';
import { shapeSize } from '../../src/core/network/shapes.ts';
import { createRng } from '../../src/core/rng.ts';
import { networkSchema } from '../../src/core/spec/network.ts';
import { residualLayers, rsnnLayers } from '../support/graphCases.ts';

/**
 * The tfjs engine steps any graph (skips, sums, loops, biases, padded / dilated / grouped convs,
 * rectangular pools, accumulators, value read-outs, scales, delays, read-outs mid-graph) and gives the event engine's spikes: the
 * graphs of src/core/engine/event/eventGraph.test.ts plus random recurrent / residual ones.
 */
const lif = { model: 'lif', threshold: 0.6, tauMemMs: 10 };

async function bothEngines(layers: unknown[], seed: number, steps = 25, p = 0.3, batch = 2): Promise<{ ev: SimulationResult; tfr: SimulationResult }> {
  const spec = networkSchema.parse({ layers });
  const net = compileNetwork(spec, undefined, seed);
  // Seeded non-zero biases, so the bias path counts (initial biases are zero).
  const weights = { ...net.weights };
  for (const [k, w] of Object.entries(net.weights)) if (k.endsWith('.bias')) weights[k] = { shape: w.shape, values: w.values.map((_v, i) => Math.fround(0.05 * ((i % 5) - 2))) };
  // Scale factors other than the initial ones, some negative, so that the scale counts.
  for (const l of spec.layers) {
    const w = net.weights[l.name];
    if (l.kind === 'scale' && w) weights[l.name] = { shape: w.shape, values: w.values.map((_v, i) => Math.fround(0.4 + 0.3 * (i % 7) - (i % 11 === 3 ? 1.5 : 0))) };
  }
  const compiled = { ...net, weights };
  const neurons = shapeSize(net.shapes[0] ?? [1]);
  const r = createRng(seed, 'graph-input');
  const values = new Float32Array(steps * batch * neurons).map(() => (r.next() < p ? 1 : 0));
  const input = { steps, batch, neurons, values };
  const ev = await (await createEngine('events')).simulate(compiled, input, { dtMs: 1 });
  const tfr = await (await createEngine('tfjs-cpu')).simulate(compiled, input, { dtMs: 1 });
  expect(tfr.layers.map((l) => [l.name, l.spikeCount])).toEqual(ev.layers.map((l) => [l.name, l.spikeCount]));
  ev.layers.forEach((l, i) =>
    l.spikes.forEach((s, k) => {
      expect(tfr.layers[i]?.spikes[k]?.times, `spike times of '${l.name}', sample ${k}`).toEqual(s.times);
      expect(tfr.layers[i]?.spikes[k]?.ids, `spike ids of '${l.name}', sample ${k}`).toEqual(s.ids);
    }),
  );
  ev.readouts.forEach((ro, i) => {
    const got = tfr.readouts[i]?.values ?? new Float32Array();
    expect(got.length).toBe(ro.values.length);
    ro.values.forEach((v, j) => expect(Math.abs(v - (got[j] ?? NaN)), `read-out '${ro.name}'[${j}]`).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
  });
  return { ev, tfr };
}

const total = (r: SimulationResult): number => r.layers.slice(1).reduce((a, l) => a + l.spikeCount, 0);

describe('tfjs-cpu steps any graph with the event engine\'s spikes', () => {
  it('a recurrent SNN (lif → rec → lif a step late)', async () => {
    const { ev } = await bothEngines(
      rsnnLayers(lif),
      3,
    );
    expect(total(ev)).toBeGreaterThan(20);
  });

  it('a residual block with padded convs, a skip sum and a rectangular sum pool', async () => {
    const { ev } = await bothEngines(
      residualLayers(lif),
      5,
    );
    expect(total(ev)).toBeGreaterThan(20);
  });

  it('convolutions with explicit padding, stride, dilation, groups and biases; max and avg pools', async () => {
    const { ev } = await bothEngines(
      [
        { kind: 'input', name: 'in', shape: [11, 9, 4] },
        { kind: 'conv2d', name: 'c1', filters: 6, kernel: [5, 3], stride: [2, 1], padding: [1, 2, 0, 1], bias: true, weightGain: 2 },
        { kind: 'spiking', name: 's1', neuron: lif },
        { kind: 'conv2d', name: 'c2', filters: 4, kernel: 3, dilation: 2, groups: 2, padding: 'same', bias: true, weightGain: 2 },
        { kind: 'spiking', name: 's2', neuron: lif },
        { kind: 'conv2d', name: 'c3', filters: 4, kernel: [2, 3], dilation: [1, 2], padding: 'valid', weightGain: 2 },
        { kind: 'spiking', name: 's3', neuron: lif },
        { kind: 'pool2d', name: 'pm', size: [1, 2], mode: 'max' },
        { kind: 'pool2d', name: 'pa', size: 2, stride: 1, mode: 'avg' },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'fc', units: 3, weightGain: 3 },
        { kind: 'spiking', name: 'o', neuron: lif },
      ],
      7,
    );
    expect(ev.layers.find((l) => l.name === 's2')?.spikeCount).toBeGreaterThan(10);
  });

  it('an SNN → accumulator → ANN hybrid with a value read-out', async () => {
    const { ev, tfr } = await bothEngines(
      [
        { kind: 'input', name: 'in', shape: [10] },
        { kind: 'dense', name: 'fc', units: 8, weightGain: 2 },
        { kind: 'spiking', name: 's', neuron: lif },
        { kind: 'accumulator', name: 'acc', window: 10 },
        { kind: 'dense', name: 'h', units: 6, bias: true },
        { kind: 'relu', name: 'r' },
        { kind: 'identity', name: 'id' },
        { kind: 'dense', name: 'o', units: 3 },
        { kind: 'readout', name: 'logits', mode: 'value', reduce: 'last' },
      ],
      11,
      30,
    );
    expect(ev.readouts[0]?.values.some((v) => v !== 0)).toBe(true);
    expect(tfr.readouts[0]?.values.length).toBe(6);
  });

  it('scale and delay nodes (per-element and shared delays, one inside a loop), with a CubaLI-like pair of membrane read-outs', async () => {
    await (await createEngine('tfjs-cpu')).simulate(compileNetwork(networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [2] }, { kind: 'delay', name: 'd', steps: [1, 3] }, { kind: 'readout', name: 'r' }] }), undefined, 1), { steps: 2, batch: 1, neurons: 2, values: new Float32Array(4) }, { dtMs: 1 });
    const before = tf.memory().numTensors;
    const { ev } = await bothEngines(
      [
        { kind: 'input', name: 'in', shape: [6, 6, 2] },
        { kind: 'conv2d', name: 'c', filters: 3, kernel: 3, padding: 'same', weightGain: 2 },
        { kind: 'spiking', name: 's', neuron: lif, inputs: ['c', { from: 'dl', recurrent: true }] },
        { kind: 'scale', name: 'sc' },
        { kind: 'delay', name: 'dl', steps: Array.from({ length: 108 }, (_v, i) => (i * 7) % 5) },
        { kind: 'pool2d', name: 'p', size: 2, mode: 'sum' },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'fc', units: 8, weightGain: 2 },
        { kind: 'delay', name: 'd2', steps: 2 },
        { kind: 'spiking', name: 'o', neuron: lif },
        { kind: 'readout', name: 'syn', mode: 'membrane', beta: 0.8 },
        { kind: 'readout', name: 'mem', mode: 'membrane', beta: 0.9, reduce: 'mean' },
      ],
      13,
      30,
    );
    expect(ev.layers.find((l) => l.name === 's')?.spikeCount).toBeGreaterThan(20);
    expect(ev.layers.find((l) => l.name === 'o')?.spikeCount).toBeGreaterThan(5);
    // The delays' kept inputs are freed with the run.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an Integrator mid-graph (a count read-out passing its running sum on) into a scale and neurons', async () => {
    const { ev } = await bothEngines(
      [
        { kind: 'input', name: 'in', shape: [8] },
        { kind: 'dense', name: 'fc', units: 6, weightGain: 2 },
        { kind: 'spiking', name: 's', neuron: lif },
        { kind: 'readout', name: 'i', mode: 'count' },
        { kind: 'scale', name: 'g' },
        { kind: 'dense', name: 'fc2', units: 4, weightGain: 0.5 },
        { kind: 'spiking', name: 'o', neuron: lif },
      ],
      17,
      30,
    );
    expect(ev.layers.find((l) => l.name === 'o')?.spikeCount).toBeGreaterThan(5);
  });

  it('random graphs with skips, sums and loops, over several seeds', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = createRng(seed, 'graph-shape');
      const width = 6 + Math.floor(r.next() * 6);
      const layers: Record<string, unknown>[] = [{ kind: 'input', name: 'in', shape: [width] }];
      const pops: string[] = [];
      for (let k = 0; k < 3; k++) {
        const from = pops.length > 0 && r.next() < 0.5 ? [pops[Math.floor(r.next() * pops.length)] as string] : undefined;
        layers.push({ kind: 'dense', name: `d${k}`, units: width, weightGain: 2.5, ...(from ? { inputs: from } : {}) });
        const loop = r.next() < 0.5 ? [{ from: `l${k}`, recurrent: true }] : [];
        const self = r.next() < 0.3 ? [{ from: `s${k}`, recurrent: true }] : [];
        const skip = pops.length > 0 && r.next() < 0.5 ? [pops[0] as string] : [];
        layers.push({ kind: 'spiking', name: `s${k}`, neuron: lif, inputs: [`d${k}`, ...skip, ...loop, ...self] });
        if (loop.length > 0) layers.push({ kind: 'dense', name: `l${k}`, units: width, weightGain: 1.5, inputs: [`s${k}`] });
        pops.push(`s${k}`);
      }
      layers.push({ kind: 'sum', name: 'all', inputs: pops });
      layers.push({ kind: 'readout', name: 'ro', mode: 'count' });
      const { ev } = await bothEngines(layers, seed, 20, 0.35);
      expect(total(ev)).toBeGreaterThan(0);
    }
  });

  it('leaves no tensors behind on a recurrent graph', async () => {
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [6] },
        { kind: 'dense', name: 'fc', units: 6, weightGain: 2 },
        { kind: 'spiking', name: 's', neuron: lif, inputs: ['fc', { from: 's', recurrent: true }] },
        { kind: 'accumulator', name: 'acc' },
        { kind: 'readout', name: 'ro', mode: 'value', reduce: 'mean' },
      ],
    });
    const net = compileNetwork(spec, undefined, 2);
    const e = await createEngine('tfjs-cpu');
    const input = { steps: 10, batch: 1, neurons: 6, values: new Float32Array(60).fill(1) };
    await e.simulate(net, input, { dtMs: 1 });
    const before = tf.memory().numTensors;
    await e.simulate(net, input, { dtMs: 1, membrane: [{ layer: 's', neuron: 0 }] });
    expect(tf.memory().numTensors).toBe(before);
  });
});
