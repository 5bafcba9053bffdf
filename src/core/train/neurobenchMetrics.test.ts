import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEventEngine } from '../engine/event/eventEngine.ts';
import { createActivityTally } from '../engine/activityTally.ts';
import { compileNetwork } from '../network/compile.ts';
import type { NetworkWeights } from '../network/weights.ts';
import { networkSchema } from '../spec/network.ts';
import { trainingSchema } from '../spec/trainingConfig.ts';
import { evaluateSetWithActivity } from './evaluate.ts';
import { evaluateOnEventsWithActivity } from './eventEngineScoring.ts';
import { connectionSparsity, footprintBytes, neurobenchMetrics } from './neurobenchMetrics.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * in[3] → fc1 (3×2) → h (IF, θ = 1, reset to zero) → fc2 (2×2) → out (count read-out).
 * W1 rows (one per input): [2, 2], [0, 2], [0, 0] — non-zero weights per row 2, 1, 0.
 * W2 rows: [1, 0], [1, 1] — non-zero weights per row 1, 2.
 * A neuron fires exactly at the steps where a non-zero weight brings it a spike (2 ≥ θ, and the
 * reset to zero leaves nothing behind).
 */
const spec = networkSchema.parse({
  layers: [
    { kind: 'input', name: 'in', shape: [3] },
    { kind: 'dense', name: 'fc1', units: 2 },
    { kind: 'spiking', name: 'h', neuron: { model: 'if', threshold: 1, reset: 'zero' } },
    { kind: 'dense', name: 'fc2', units: 2 },
    { kind: 'readout', name: 'out', mode: 'count' },
  ],
});
const weights = (w1: number[] = [2, 2, 0, 2, 0, 0]): NetworkWeights => ({
  fc1: { shape: [3, 2], values: Float32Array.from(w1) },
  fc2: { shape: [2, 2], values: Float32Array.from([1, 0, 1, 1]) },
});
/** Four steps of one sample: input 0 spikes at t0, input 1 at t1, input 2 at t2, nothing at t3. */
const SPIKES = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];

async function runOnEvents(values: number[], w = weights()) {
  const net = compileNetwork(spec, w, 1);
  const r = await createEventEngine().simulate(net, { steps: 4, batch: 1, neurons: 3, values: Float32Array.from(values) }, { dtMs: 1, countActivity: true });
  if (!r.activity) throw new Error('the run counted no activity');
  return { net, r, m: neurobenchMetrics(net, r.activity) };
}

describe('NeuroBench metrics of a hand-counted two-layer dense network', () => {
  it('counts dense ops, effective ACs and activation sparsity as NeuroBench does, from a real event-engine run', async () => {
    const { r, m } = await runOnEvents(SPIKES);
    // Hidden spikes: t0 both (input 0 reaches both), t1 neuron 1 (input 1 reaches it only), then none.
    expect(r.layers.find((l) => l.name === 'h')?.spikeCount).toBe(3);
    // Dense: every synapse of both layers at every step, (3·2 + 2·2) · 4 steps = 40.
    expect(m.synapticOperations.dense).toBe(40);
    // fc1: input 0 (2 non-zero weights) + input 1 (1) + input 2 (0) = 3; fc2: t0 both hidden (1 + 2) + t1 neuron 1 (2) = 5.
    expect(m.synapticOperations.effAcs).toBe(8);
    expect(m.synapticOperations.effMacs).toBe(0);
    // 2 neurons × 4 steps = 8 outputs, 3 of them spikes: 5 / 8 zeros.
    expect(m.activationSparsity).toBe(5 / 8);
  });

  it('counts connection sparsity over all weights, and one more zero weight raises it by exactly 1/N', () => {
    // Zeros: 3 in W1, 1 in W2, of N = 10 weights.
    expect(connectionSparsity(spec, weights())).toBe(4 / 10);
    expect(connectionSparsity(spec, weights([2, 0, 0, 2, 0, 0]))).toBe(5 / 10);
  });

  it('counts a real-valued (direct-encoded) input as MACs and the spikes after it as ACs', async () => {
    // The same pattern with real values: 2.5 · 2 and 0.7 · 2 both reach θ = 1, so the hidden spikes are the same.
    const { m } = await runOnEvents(SPIKES.map((v, k) => (v === 0 ? 0 : k < 4 ? 2.5 : 0.7)));
    expect(m.synapticOperations.effMacs).toBe(3);
    expect(m.synapticOperations.effAcs).toBe(5);
    expect(m.synapticOperations.dense).toBe(40);
  });

  it('counts the footprint as every weight at 4 bytes plus each numeric neuron parameter', () => {
    // 10 weights · 4 bytes + the IF threshold (one float32); the count read-out holds no parameter.
    expect(footprintBytes(spec, weights())).toBe(44);
    // Weights quantised to 8 bits: 10 bytes, the threshold stays a float32.
    expect(footprintBytes(spec, weights(), 8)).toBe(14);
    expect(() => footprintBytes(spec, weights(), 0)).toThrow(/weightBits must be a whole number of bits in 1…32, got 0/);
  });

  it('gives zeros, not NaN, before any sample has run', () => {
    const net = compileNetwork(spec, weights(), 1);
    const m = neurobenchMetrics(net, createActivityTally(net));
    expect([m.activationSparsity, m.synapticOperations.dense, m.synapticOperations.effAcs, m.synapticOperations.effMacs]).toEqual([0, 0, 0, 0]);
  });
});

describe('NeuroBench metrics of an ANN head', () => {
  it('counts a relu as an activation and its real-valued outputs into the next layer as MACs, on both scorers', async () => {
    // in[2] → fc1 (W rows [1, −1], [1, 1]) → relu → fc2 (W rows [1, 0], [0, 0]) → value read-out, 2 steps.
    const ann = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [2] },
        { kind: 'dense', name: 'fc1', units: 2 },
        { kind: 'relu', name: 'r' },
        { kind: 'dense', name: 'fc2', units: 2 },
        { kind: 'readout', name: 'out', mode: 'value' },
      ],
    });
    const net = compileNetwork(ann, { fc1: { shape: [2, 2], values: Float32Array.from([1, -1, 1, 1]) }, fc2: { shape: [2, 2], values: Float32Array.from([1, 0, 0, 0]) } }, 1);
    // t0: x = [2, 0] → fc1 = [2, −2] → relu [2, 0]; t1: nothing.
    const set = { inputs: [Float32Array.from([2, 0, 0, 0])], labels: Int32Array.from([0]), steps: 2, neurons: 2, classes: 2 };
    const onEvents = neurobenchMetrics(net, (await evaluateOnEventsWithActivity(net, set, 1)).activity);
    const onTf = neurobenchMetrics(net, evaluateSetWithActivity(net, set, 1, trainingSchema.parse({})).activity);
    expect(onTf).toEqual(onEvents);
    // relu: 1 non-zero of 2 neurons × 2 steps.
    expect(onEvents.activationSparsity).toBe(3 / 4);
    // fc1: input 0 (value 2) × 2 non-zero weights; fc2: relu 0 (value 2) × 1 non-zero weight; all MACs.
    expect(onEvents.synapticOperations).toEqual({ dense: (4 + 4) * 2, effMacs: 3, effAcs: 0 });
  });
});

describe('NeuroBench synaptic operations of a convolution', () => {
  /**
   * in[3, 3, 1] → conv (2×2, 'same', 1 filter) → spiking. tfjs 'same' for k = 2 pads one row and
   * column after, so the output is 3×3 and the padded taps are not synapses: output row (and
   * column) 0 and 1 have 2 taps inside, row 2 has 1, so Dense = (2 + 2 + 1)² = 25 per step.
   * Kernel W[ky][kx] = [[1, 0], [1, 1]]: the centre input (1, 1) meets all 4 taps, 3 non-zero.
   */
  const conv = networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [3, 3, 1] },
      { kind: 'conv2d', name: 'c', filters: 1, kernel: 2, padding: 'same' },
      { kind: 'spiking', name: 's', neuron: { model: 'if', threshold: 1 } },
    ],
  });

  it('counts padded taps in neither Dense nor effective ops, and zero weights only in Dense', async () => {
    const net = compileNetwork(conv, { c: { shape: [2, 2, 1, 1], values: Float32Array.from([1, 0, 1, 1]) } }, 1);
    // One step: a spike at the centre only.
    const values = Float32Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const r = await createEventEngine().simulate(net, { steps: 1, batch: 1, neurons: 9, values }, { dtMs: 1, countActivity: true });
    const m = neurobenchMetrics(net, r.activity ?? createActivityTally(net));
    expect(m.synapticOperations.dense).toBe(25);
    expect(m.synapticOperations.effAcs).toBe(3);
    expect(m.connectionSparsity).toBe(1 / 4);
  });
});

describe('both scorers count the same activity', () => {
  const chain = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [6] },
        { kind: 'dense', name: 'fc1', units: 5 },
        { kind: 'spiking', name: 'h', neuron: { model: 'lif', tauMemMs: 10, threshold: 0.5 } },
        { kind: 'dense', name: 'fc2', units: 3 },
        { kind: 'readout', name: 'out', mode: 'membrane' },
      ],
  });
  // Seeded weights with two set to zero.
  const net = compileNetwork(chain, undefined, 11);
  net.weights.fc1?.values.set([0, 0], 0);
  const cfg = trainingSchema.parse({ batchSize: 4 });

  it('gives the same NeuroBench metrics on tfjs (evaluateSet) and the event engine on a chain', async () => {
    // 7 samples mixing spikes and real values.
    const steps = 12;
    const inputs = Array.from({ length: 7 }, (_, s) =>
      Float32Array.from({ length: steps * 6 }, (_, k) => ((k * 7 + s * 3) % 5 === 0 ? (s % 3 === 0 ? 0.8 : 1) : 0)),
    );
    const set = { inputs, labels: Int32Array.from([0, 1, 2, 0, 1, 2, 0]), steps, neurons: 6, classes: 3 };
    const onTf = evaluateSetWithActivity(net, set, 1, cfg);
    const onEvents = await evaluateOnEventsWithActivity(net, set, 1);
    const a = neurobenchMetrics(net, onTf.activity);
    const b = neurobenchMetrics(net, onEvents.activity);
    expect(a).toEqual(b);
    // The run is not trivial: some spikes, some MACs (the 0.8 samples), some ACs.
    expect(a.activationSparsity).toBeGreaterThan(0);
    expect(a.activationSparsity).toBeLessThan(1);
    expect(a.synapticOperations.effMacs).toBeGreaterThan(0);
    expect(a.synapticOperations.effAcs).toBeGreaterThan(0);
    expect(onTf.activity.samples).toBe(7);
  });

  it('counts a held (static) input once per step on both, though tfjs computes its currents once', async () => {
    const inputs = [Float32Array.from([0.9, 0, 0.4, 0, 0, 0.7]), Float32Array.from([0, 0.6, 0, 0, 0.8, 0])];
    const set = { inputs, labels: Int32Array.from([0, 1]), steps: 10, neurons: 6, classes: 3, held: true };
    const a = neurobenchMetrics(net, evaluateSetWithActivity(net, set, 1, cfg).activity);
    const b = neurobenchMetrics(net, (await evaluateOnEventsWithActivity(net, set, 1)).activity);
    expect(a).toEqual(b);
    // fc1's input: 3 and 2 non-zero real values at each of 10 steps, 5 non-zero weights per row but
    // row 0 (two zeros: 3): (3 + 5 + 5) · 10 and (5 + 5) · 10, averaged over the 2 samples.
    expect(a.synapticOperations.effMacs).toBe(((3 + 5 + 5) * 10 + (5 + 5) * 10) / 2);
  });
});
