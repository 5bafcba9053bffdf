import { describe, expect, it } from 'vitest';
import { createEventEngine } from '../../engine/event/eventEngine.ts';
import { spikeCountsPerNeuron } from '../../engine/recording.ts';
import { compileNetwork } from '../../network/compile.ts';
import { inferShapes, shapeSize } from '../../network/shapes.ts';
import { initWeights } from '../../network/weights.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { runNirReference } from '../../../../test/support/nirReference.ts';
import { networkToNir } from './networkToNir.ts';

/** Our index of element (y, x, c) → NIR's (channels first); identity for flat shapes. */
function toChannelsFirst(values: ArrayLike<number>, shape: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  if (shape.length !== 3) return Float64Array.from(values);
  const [h = 0, w = 0, c = 0] = shape;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) out[(ch * h + y) * w + x] = values[(y * w + x) * c + ch] as number;
  return out;
}

/**
 * Runs a network in Spikelab's event engine and its NIR export in the spec-level reference
 * (test/support/nirReference.ts) on the same seeded input spikes, and compares spikes per neuron
 * of every spiking layer and the read-out. Neurons reset to zero here, the reset NIR states.
 */
async function compare(layers: unknown[], dtMs: number, steps: number, factors: Record<string, (i: number) => number> = {}) {
  const network = networkSchema.parse({ layers });
  const init = initWeights(network, 3);
  // Scale nodes' factors, chosen by the test (initially ones).
  const weights = { ...init, ...Object.fromEntries(Object.entries(factors).map(([k, f]) => [k, { shape: init[k]?.shape ?? [], values: (init[k]?.values ?? new Float32Array()).map((_v, i) => Math.fround(f(i))) }])) };
  const { shapes } = inferShapes(network);
  const inShape = shapes[0] ?? [1];
  const n = shapeSize(inShape);
  const rng = createRng(9, 'nir-semantics');
  const values = Float32Array.from({ length: steps * n }, () => (rng.next() < 0.3 ? 1 : 0));
  const ours = await createEventEngine().simulate(compileNetwork(network, weights, 3), { steps, batch: 1, neurons: n, values }, { dtMs });
  const { graph } = networkToNir(network, weights, dtMs);
  const ref = runNirReference(graph, (t) => toChannelsFirst(values.subarray(t * n, t * n + n), inShape), steps, dtMs / 1000);
  let spikes = 0;
  network.layers.forEach((layer, i) => {
    if (layer.kind !== 'spiking') return;
    const rec = ours.layers.find((l) => l.name === layer.name)?.spikes[0];
    if (!rec) throw new Error(`no recording of ${layer.name}`);
    const counts = toChannelsFirst(spikeCountsPerNeuron(rec), shapes[i] ?? [1]);
    // A LIF without reset is LI + Threshold in NIR; the spikes are the Threshold's.
    const refCounts = ref.spikeCounts[layer.name] ?? ref.spikeCounts[`${layer.name}_threshold`];
    expect([...counts], layer.name).toEqual([...(refCounts ?? [])]);
    spikes += counts.reduce((a, b) => a + b, 0);
  });
  // The last read-out (a membrane read-out may feed another: a CubaLI's current its membrane).
  const readout = ours.readouts[ours.readouts.length - 1];
  if (!readout) throw new Error('no read-out');
  const final = ref.finals[readout.name] ?? new Float64Array(0);
  expect(final.length).toBe(readout.values.length);
  // Spikelab sums in float32, the reference in float64: equal to float32 precision.
  readout.values.forEach((v, k) => expect(Math.abs(v - (final[k] as number))).toBeLessThan(1e-5 * Math.max(1, Math.abs(final[k] as number))));
  return spikes;
}

describe('an exported NIR graph, run by the spec’s own equations', () => {
  it('spikes like the network in Spikelab: dense layers, LIF, IF, LIF without reset, membrane read-out', async () => {
    const spikes = await compare(
      [
        { kind: 'input', name: 'in', shape: [12] },
        { kind: 'dense', name: 'fc1', units: 16, weightGain: 3 },
        { kind: 'spiking', name: 'lif', neuron: { model: 'lif', beta: 0.9, reset: 'zero' } },
        { kind: 'dense', name: 'fc2', units: 10, weightGain: 3 },
        { kind: 'spiking', name: 'if', neuron: { model: 'if', reset: 'zero' } },
        { kind: 'dense', name: 'fc3', units: 8, weightGain: 3 },
        { kind: 'spiking', name: 'free', neuron: { model: 'lif', tauMemMs: 5, reset: 'none', threshold: 0.5 } },
        { kind: 'dense', name: 'fc4', units: 4 },
        { kind: 'readout', name: 'out', mode: 'membrane', beta: 0.8, reduce: 'last' },
      ],
      0.5,
      200,
    );
    expect(spikes).toBeGreaterThan(100);
  });

  it('spikes like the network in Spikelab: conv2d, sum pooling, flatten (channels first in NIR), count read-out', async () => {
    const spikes = await compare(
      [
        { kind: 'input', name: 'events', shape: [8, 8, 2] },
        { kind: 'conv2d', name: 'conv', filters: 4, kernel: 3, padding: 'same', weightGain: 3 },
        { kind: 'spiking', name: 'lif', neuron: { model: 'lif', beta: 0.8, reset: 'zero' } },
        { kind: 'pool2d', name: 'pool', mode: 'sum', size: 2 },
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc', units: 6, weightGain: 3 },
        { kind: 'spiking', name: 'if', neuron: { model: 'if', reset: 'zero' } },
        { kind: 'dense', name: 'fc2', units: 3 },
        { kind: 'readout', name: 'out', mode: 'count' },
      ],
      2,
      150,
    );
    expect(spikes).toBeGreaterThan(100);
  });

  it('spikes like the network in Spikelab: scale, per-element and shared delays, a CubaLI (a membrane read-out of the current into one of the membrane)', async () => {
    const spikes = await compare(
      [
        { kind: 'input', name: 'events', shape: [6, 6, 2] },
        { kind: 'conv2d', name: 'conv', filters: 3, kernel: 3, padding: 'same', weightGain: 3 },
        { kind: 'spiking', name: 'lif', neuron: { model: 'lif', beta: 0.8, reset: 'zero' } },
        { kind: 'scale', name: 'gain' },
        { kind: 'delay', name: 'late', steps: Array.from({ length: 108 }, (_v, i) => (i * 5) % 4) },
        { kind: 'pool2d', name: 'pool', mode: 'sum', size: 2 },
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'fc', units: 6, weightGain: 3 },
        { kind: 'delay', name: 'wait', steps: 2 },
        { kind: 'spiking', name: 'if', neuron: { model: 'if', reset: 'zero' } },
        { kind: 'dense', name: 'fc2', units: 3 },
        { kind: 'readout', name: 'out_syn', mode: 'membrane', beta: 0.7, reduce: 'last' },
        { kind: 'readout', name: 'out', mode: 'membrane', beta: 0.9, reduce: 'last' },
      ],
      0.5,
      150,
      { gain: (i) => 0.25 + 0.5 * (i % 5) - (i % 7 === 2 ? 1 : 0) },
    );
    expect(spikes).toBeGreaterThan(100);
  });
});
