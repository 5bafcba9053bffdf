import { describe, expect, it } from 'vitest';
import { MappingError } from '../errors.ts';
import { runGraphReference } from '../../../test/support/graphReference.ts';
import { shapeSize } from '../network/shapes.ts';
import { initWeights } from '../network/weights.ts';
import { networkSchema, type NetworkSpec } from '../spec/network.ts';
import { annMacsPerPass } from './annDevices.ts';
import { CHIP_TARGET_DEFAULT } from './chipTarget.ts';
import { chipById } from './chips/index.ts';
import type { StepEvents } from './costModel.ts';
import { speckDemands } from './layerCores.ts';
import { mapNetwork } from './mapNetwork.ts';
import { assertCanFit } from './mappingPrecheck.ts';
import { buildNetGraph, netOfSource } from './netGraph.ts';
import { populationsOf } from './populations.ts';
import { projectionFanout, xyloDesignRules } from './singleCoreRules.ts';
import { tinyMeshChip } from './testChips.ts';

const lif = { model: 'lif' };

/** in[3] → fc(4) + rec(4, from h a step late) → h → out(2) → readout: a 4-neuron RSNN. */
function rsnn(recurrent = true): NetworkSpec {
  return networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [3] },
      { kind: 'dense', name: 'fc', units: 4 },
      ...(recurrent ? [{ kind: 'dense', name: 'rec', units: 4, inputs: [{ from: 'h', recurrent: true }] }] : []),
      { kind: 'spiking', name: 'h', neuron: lif, ...(recurrent ? { inputs: ['fc', 'rec'] } : {}) },
      { kind: 'dense', name: 'out', units: 2 },
      { kind: 'readout', name: 'o', mode: 'count' },
    ],
  });
}

const train = (pairs: readonly [number, number][]) => ({ times: Uint32Array.from(pairs.map((p) => p[0])), ids: Uint32Array.from(pairs.map((p) => p[1])) });

/** Two input spikes at t = 0; h fires neuron 0 at t = 0 and neurons 1, 2 at t = 1; the read-out never spikes. */
const events: StepEvents = {
  steps: 3,
  inferences: 1,
  dtMs: 1,
  input: train([[0, 0], [0, 1]]),
  pops: [train([[0, 0], [1, 1], [1, 2]]), train([])],
};

const target = { ...CHIP_TARGET_DEFAULT, id: 'tiny', seed: 1 };

describe('populations of a graph', () => {
  it('gives an RSNN population a forward and a recurrent synapse group', () => {
    const g = populationsOf(rsnn());
    expect(g.populations.map((p) => p.name)).toEqual(['h', 'o']);
    const h = g.populations[0];
    expect(h?.groups.map((x) => ({ from: x.from, ops: x.ops.map((o) => o.name), recurrent: x.recurrent }))).toEqual([
      { from: -1, ops: ['fc'], recurrent: false },
      { from: 0, ops: ['rec'], recurrent: true },
    ]);
    expect(g.unsupported).toEqual([]);
  });

  it('counts the biases of weighted nodes, one per output neuron', () => {
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [3] }, { kind: 'dense', name: 'fc', units: 5, bias: true }, { kind: 'spiking', name: 'h', neuron: lif }] });
    expect(populationsOf(net).populations[0]?.biases).toBe(5);
  });
});

describe('the net graph of an RSNN', () => {
  it('sends h on one net that reaches h itself (the loop) and the read-out', () => {
    const g = buildNetGraph(populationsOf(rsnn()));
    // input → h (3 × 4), h → h (4 × 4), h → o (4 × 2)
    expect(g.synapses).toBe(12 + 16 + 8);
    expect([...g.fanIn]).toEqual([7, 7, 7, 7, 4, 4]);
    const n = netOfSource(g, 0, 2);
    expect([...g.pins.subarray(g.netPinStart[n] as number, g.netPinStart[n + 1] as number)]).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('mapping an RSNN', () => {
  it('counts the recurrent synaptic ops and packets (checked by hand)', async () => {
    // Cores of 4 neurons: h on one core, the read-out on another.
    const chip = tinyMeshChip({ neuronsPerCore: 4 });
    const loop = await mapNetwork({ net: rsnn(true), chip, target, events, staticInput: false });
    const chain = await mapNetwork({ net: rsnn(false), chip, target, events, staticInput: false });
    expect(loop.cores.map((c) => c.layers.map((l) => `${l.layer}:${l.neurons}`).join(' '))).toEqual(['h:4', 'o:2']);
    // 2 input spikes × 4 targets + 3 h spikes × (4 via the loop + 2 to the read-out)
    expect(loop.counts.synOps).toBe(2 * 4 + 3 * (4 + 2));
    expect(chain.counts.synOps).toBe(2 * 4 + 3 * 2);
    // the host sends 2 packets to h's core; each h spike goes to h's own core and the read-out's
    expect(loop.counts.packets).toBe(2 + 3 * 2);
    expect(chain.counts.packets).toBe(2 + 3);
    expect(loop.cores[0]?.synapses).toBe(4 * 7);
    expect(loop.fits).toBe(true);
  });

  it('counts the loop in the ANN twin: fc, rec and out', () => {
    expect(annMacsPerPass(populationsOf(rsnn()))).toBe(12 + 16 + 8);
  });

  it('puts the loop in W_rec on Xylo: each hidden neuron drives its 4 neighbours', () => {
    const r = xyloDesignRules(populationsOf(rsnn()), chipById('xylo-audio2'));
    expect(r.maxFanout).toBe(4);
    expect(r.violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(xyloDesignRules(populationsOf(rsnn(false)), chipById('xylo-audio2')).maxFanout).toBe(0);
  });

  it('is refused on Speck, whose cores read one source layer, naming the population and its groups', () => {
    const v = speckDemands(populationsOf(rsnn()), chipById('speck')).violations.find((x) => x.layer === 'h');
    expect(v?.constraint).toBe('layer_structure');
    expect(v?.message).toContain('sums 2 synapse groups (from in, h (t−1))');
  });
});

describe('mapping a residual net', () => {
  const residual = networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [6, 6, 1] },
      { kind: 'conv2d', name: 'c1', filters: 2, kernel: 3, padding: 'same' },
      { kind: 'spiking', name: 's1', neuron: lif },
      { kind: 'conv2d', name: 'c2', filters: 2, kernel: 3, padding: 'same' },
      { kind: 'sum', name: 'join', inputs: ['c2', 's1'] },
      { kind: 'spiking', name: 's2', neuron: lif },
      { kind: 'flatten', name: 'f' },
      { kind: 'dense', name: 'fc', units: 3, bias: true },
      { kind: 'readout', name: 'o', mode: 'count' },
    ],
  });

  it('gives s2 the conv group and the one-to-one skip', () => {
    const g = buildNetGraph(populationsOf(residual));
    const s2 = 72; // first neuron of s2: after s1's 6·6·2
    // an inner position of s2: a 3×3×2 window of s1, plus its own skip
    const inner = s2 + (2 * 6 + 2) * 2;
    expect(g.fanIn[inner]).toBe(18 + 1);
    expect(g.fanIn[s2]).toBe(8 + 1); // the corner: a 2×2×2 window, plus the skip
  });

  it('maps on a mesh chip and counts the skip spikes', async () => {
    const chip = tinyMeshChip();
    const spikes: StepEvents = { steps: 1, inferences: 1, dtMs: 1, input: train([]), pops: [train([[0, 0]]), train([]), train([])] };
    const m = await mapNetwork({ net: residual, chip, target, events: spikes, staticInput: false });
    expect(m.fits).toBe(true);
    // s1's corner neuron (channel 0) reaches 2×2 positions × 2 filters through c2, and its own twin in s2
    expect(m.counts.synOps).toBe(8 + 1);
    // the bias of fc's 3 outputs is stored with their synapses (72 each from s2)
    const oCore = m.cores.find((c) => c.layers.some((l) => l.layer === 'o'));
    const oNeurons = oCore?.layers.find((l) => l.layer === 'o')?.neurons ?? 0;
    expect(oNeurons).toBe(3);
    expect(oCore?.synapses).toBeGreaterThanOrEqual(3 * (72 + 1));
  });
});

describe('graphs the chip cannot take', () => {
  it('refuses a relu between synapses and neurons with the reason, before simulating', () => {
    const net = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [3] },
        { kind: 'dense', name: 'fc', units: 4 },
        { kind: 'relu', name: 'r' },
        { kind: 'spiking', name: 'h', neuron: lif },
      ],
    });
    let err: unknown;
    try {
      assertCanFit(net, tinyMeshChip());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MappingError);
    const v = (err as MappingError).violations[0];
    expect(v?.layer).toBe('r');
    expect(v?.constraint).toBe('node_kind');
    expect(v?.message).toContain("'r' is a relu between synapses and neurons");
  });

  it('refuses a diamond of sums that multiplies paths past the bound, quickly', () => {
    const sums = Array.from({ length: 12 }, (_, k) => ({ kind: 'sum', name: `s${k}`, inputs: [k === 0 ? 'fc' : `s${k - 1}`, k === 0 ? 'fc' : `s${k - 1}`] }));
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [3] }, { kind: 'dense', name: 'fc', units: 4 }, ...sums, { kind: 'spiking', name: 'h', neuron: lif }] });
    const t0 = Date.now();
    const g = populationsOf(net);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(g.unsupported[0]?.message).toMatch(/^'s8' is reached by 512 paths of synapses; the mapper follows at most 256/);
  });

  it('maps the spiking part of a hybrid and costs the ANN head after the accumulator off the chip', async () => {
    const net = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [3] },
        { kind: 'dense', name: 'fc', units: 4 },
        { kind: 'spiking', name: 'h', neuron: lif },
        { kind: 'accumulator', name: 'acc', window: 2 },
        { kind: 'dense', name: 'd1', units: 5 },
        { kind: 'relu', name: 'r' },
        { kind: 'dense', name: 'd2', units: 2 },
        { kind: 'readout', name: 'v', mode: 'value' },
      ],
    });
    const g = populationsOf(net);
    expect(g.populations.map((p) => p.name)).toEqual(['h']);
    expect(g.head?.macs).toBe(4 * 5 + 5 * 2);
    expect(g.unsupported).toEqual([]);
    const spikes: StepEvents = { steps: 2, inferences: 1, dtMs: 1, input: train([[0, 0]]), pops: [train([[1, 3]])] };
    const m = await mapNetwork({ net, chip: tinyMeshChip(), target, events: spikes, staticInput: false });
    expect(m.fits).toBe(true);
    expect(m.counts.synOps).toBe(4);
    expect(m.notes.some((n) => n.startsWith('the ANN head after acc (d1, r, d2, v) runs off the chip, on NVIDIA Jetson Nano (FP16, 10 W mode) (30 MACs per pass, 1 pass)'))).toBe(true);
    // The chip's figures stay the spiking part's; the pipeline starts from them and adds the rest.
    const [snn, transfer, ann] = m.pipeline?.stages ?? [];
    expect(snn).toMatchObject({ energyJ: m.energyPerInferenceJ, latencyS: m.latencyS });
    expect(transfer?.detail).toMatch(/^4 counts × 8 bit/);
    expect(ann?.detail).toBe('30 MACs');
    expect(m.pipeline?.latencyS).toBeGreaterThan(m.latencyS);
  });

  it('refuses a network too large for every core of the chip, naming the limit', async () => {
    const big = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [3] },
        { kind: 'dense', name: 'fc', units: 2000 },
        { kind: 'dense', name: 'rec', units: 2000, inputs: [{ from: 'h', recurrent: true }] },
        { kind: 'spiking', name: 'h', neuron: lif, inputs: ['fc', 'rec'] },
      ],
    });
    expect(() => assertCanFit(big, tinyMeshChip())).toThrow(/the network's 2000 neurons need at least 125 cores of 16 but 4 Tiny test mesh chips have 96/);
  });
});

describe('bias memory in the partition', () => {
  // 100 inputs → 12 biased units: 12 × 100 synapse words fill the tiny core's 1,200 8-bit words
  // exactly; the 12 bias words do not fit beside them.
  const biased = (bias: boolean) =>
    networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [100] }, { kind: 'dense', name: 'fc', units: 12, bias }, { kind: 'spiking', name: 'h', neuron: lif }] });
  const quiet: StepEvents = { steps: 1, inferences: 1, dtMs: 1, input: train([]), pops: [train([])] };

  it('stores one word per biased neuron with its synapses, in every core the partitioner fills', async () => {
    const chip = tinyMeshChip({ weightBits: [8] });
    const plain = await mapNetwork({ net: biased(false), chip, target, events: quiet, staticInput: false });
    expect(plain.cores.map((c) => c.synapses)).toEqual([1200]);
    const m = await mapNetwork({ net: biased(true), chip, target, events: quiet, staticInput: false });
    // Counted in the loads and in the capacity: the layer spills onto a second core, none over its memory.
    expect(m.cores.reduce((a, c) => a + c.synapses, 0)).toBe(12 * 101);
    expect(m.cores.length).toBe(2);
    for (const c of m.cores) expect(c.synapseBits).toBeLessThanOrEqual(8 * 1200);
    expect(m.fits).toBe(true);
  });
});

describe('dilated convolutions on the chip', () => {
  // Two dilated convs (rectangular, strided, padded) around a pool, into one population: the
  // synapses of each input pixel are the outputs its taps reach, gaps included.
  const dilatedNet = networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [11, 10, 2] },
      { kind: 'conv2d', name: 'c1', filters: 3, kernel: [3, 2], dilation: [2, 3], stride: [1, 1], padding: 'same' },
      { kind: 'pool2d', name: 'p', mode: 'sum', size: [1, 2] },
      { kind: 'conv2d', name: 'c2', filters: 2, kernel: 2, dilation: [3, 1], stride: [2, 1], padding: [1, 0, 0, 1] },
      { kind: 'spiking', name: 'h', neuron: lif },
    ],
  });

  it('wires every input pixel to exactly the neurons the naive reference conv reaches from it', () => {
    const g = buildNetGraph(populationsOf(dilatedNet));
    expect(populationsOf(dilatedNet).unsupported).toEqual([]);
    const ones = Object.fromEntries(Object.entries(initWeights(dilatedNet, 1)).map(([k, w]) => [k, { ...w, values: new Float32Array(w.values.length).fill(1) }]));
    const inputs = shapeSize([11, 10, 2]);
    let synapses = 0;
    for (let i = 0; i < inputs; i++) {
      const x = new Float32Array(inputs);
      x[i] = 1;
      // Node 3 (c2) is the summed current into h: positive exactly where pixel i reaches.
      const current = runGraphReference(dilatedNet, ones, [x], 1)[0]?.[3] ?? new Float32Array(0);
      const reached = [...current.keys()].filter((j) => (current[j] as number) > 0);
      const n = netOfSource(g, -1, i);
      expect([...g.pins.subarray(g.netPinStart[n] as number, g.netPinStart[n + 1] as number)], `pixel ${i}`).toEqual(reached);
      synapses += reached.length;
    }
    expect(synapses).toBeGreaterThan(inputs);
    expect(g.synapses).toBe(synapses);
  });

  it('maps, counts the synaptic ops of a spike through the gaps, and agrees with the single-core fan-out', async () => {
    const one = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [7, 7, 1] },
        { kind: 'conv2d', name: 'c', filters: 1, kernel: 3, dilation: 2 },
        { kind: 'spiking', name: 'h', neuron: lif },
      ],
    });
    // Output o (0…2) reads inputs o, o+2, o+4 per axis: pixel (2, 2) is read by outputs {0, 2} × {0, 2}.
    const spikes: StepEvents = { steps: 1, inferences: 1, dtMs: 1, input: train([[0, 2 * 7 + 2]]), pops: [train([])] };
    const m = await mapNetwork({ net: one, chip: tinyMeshChip(), target, events: spikes, staticInput: false });
    expect(m.violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(m.fits).toBe(true);
    expect(m.counts.synOps).toBe(4);
    expect(m.cores.reduce((a, c) => a + c.synapses, 0)).toBe(9 * 9);
    const pop = populationsOf(one).populations[0];
    if (!pop) throw new Error('no population');
    // Xylo's rules count the same synapses, and pixel (2, 2)'s four targets as the worst fan-out.
    expect(projectionFanout(pop.inShape, pop.ops)).toEqual({ worst: 4, synapses: 81 });
  });

  it('is refused on Speck, whose kernels read adjacent pixels, naming the conv', () => {
    const v = speckDemands(populationsOf(dilatedNet), chipById('speck')).violations.find((x) => x.layer === 'h');
    expect(v?.constraint).toBe('layer_structure');
    expect(v?.message).toContain('c1 is a dilated convolution');
  });
});

describe('loop spikes, step by step', () => {
  // An event-driven chip updates a neuron only in a step where it receives input or fires, so the
  // updates show in which step each spike is integrated.
  const asyncChip = (neuronsPerCore = 16) => tinyMeshChip({ neuronsPerCore, timeBase: 'async' });

  it('a dense loop: packets and synaptic ops when h fires, h’s updates a step later', async () => {
    const loop = await mapNetwork({ net: rsnn(true), chip: asyncChip(4), target, events, staticInput: false });
    const chain = await mapNetwork({ net: rsnn(false), chip: asyncChip(4), target, events, staticInput: false });
    // t0: input → h (4), h0 → o (2); t1: the loop → h (4), h1, h2 → o (2); t2: the loop → h (4).
    expect(loop.counts.neuronUpdatesActive).toBe(6 + 6 + 4);
    // Without the loop: t0 h (4) and o (2); t1 h1, h2 fire (2) and o (2).
    expect(chain.counts.neuronUpdatesActive).toBe(6 + 4);
    // Sent and accumulated when fired: unchanged by when they are integrated.
    expect(loop.counts.synOps).toBe(2 * 4 + 3 * (4 + 2));
    expect(loop.counts.packets).toBe(2 + 3 * 2);
  });

  // A conv loop: h's spike at (1, 1) reaches its 3 × 3 neighbourhood of h one step later (and a read-out at once).
  const convLoop = networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [4, 4, 1] },
      { kind: 'conv2d', name: 'c', filters: 1, kernel: 3, padding: 'same' },
      { kind: 'spiking', name: 'h', neuron: lif, inputs: ['c', { from: 'r', recurrent: true }] },
      { kind: 'conv2d', name: 'r', filters: 1, kernel: 3, padding: 'same' },
      { kind: 'flatten', name: 'f', inputs: ['h'] },
      { kind: 'dense', name: 'fc', units: 2 },
      { kind: 'readout', name: 'o', mode: 'count' },
    ],
  });
  const fired = (steps: number): StepEvents => ({ steps, inferences: 1, dtMs: 1, input: train([]), pops: [train([[0, 1 * 4 + 1]]), train([])] });

  it('a conv loop: the neighbours a spike reaches update in the next step, and not at all after the last step', async () => {
    const two = await mapNetwork({ net: convLoop, chip: asyncChip(), target, events: fired(2), staticInput: false });
    // t0: the neuron that fires (1) and the read-out (2); t1: its 9 neighbours, itself included, integrate its spike.
    expect(two.counts.neuronUpdatesActive).toBe(1 + 2 + 9);
    expect(two.counts.synOps).toBe(9 + 2);
    const one = await mapNetwork({ net: convLoop, chip: asyncChip(), target, events: fired(1), staticInput: false });
    // The spike is still sent and accumulated, but the run ends before any neuron integrates it.
    expect(one.counts.neuronUpdatesActive).toBe(1 + 2);
    expect(one.counts.synOps).toBe(9 + 2);
  });
});
