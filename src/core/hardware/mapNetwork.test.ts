import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { networkSchema, type NetworkSpec } from '../spec/network.ts';
import { CHIP_TARGET_DEFAULT, type ChipTarget } from './chipTarget.ts';
import type { StepEvents } from './costModel.ts';
import { mapNetwork } from './mapNetwork.ts';
import { hopsBetween, meshGeometry } from './meshGeometry.ts';
import { populationsOf } from './populations.ts';
import { tinyMeshChip } from './testChips.ts';

const lif = { model: 'lif' };

/** A random feed-forward network: a conv stage or not, then 1–2 dense layers, from a seed. */
function randomNetwork(seed: number): NetworkSpec {
  const r = createRng(seed, 'net');
  const layers: unknown[] = [];
  if (r.next() < 0.5) {
    const side = 6 + r.int(5);
    layers.push({ kind: 'input', name: 'in', shape: [side, side, 1 + r.int(2)] });
    layers.push({ kind: 'conv2d', name: 'c1', filters: 2 + r.int(3), kernel: 3, padding: r.next() < 0.5 ? 'same' : 'valid' });
    layers.push({ kind: 'spiking', name: 'h1', neuron: lif });
    layers.push({ kind: 'flatten', name: 'f' });
  } else layers.push({ kind: 'input', name: 'in', shape: [10 + r.int(40)] });
  layers.push({ kind: 'dense', name: 'd1', units: 10 + r.int(60) });
  layers.push({ kind: 'spiking', name: 'h2', neuron: lif });
  if (r.next() < 0.5) {
    layers.push({ kind: 'dense', name: 'd2', units: 3 + r.int(8) });
    layers.push({ kind: 'readout', name: 'out', mode: 'membrane' });
  }
  return networkSchema.parse({ layers });
}

/** Random spike trains over `steps` steps, `rate` spikes per neuron-step, scaled by `gain`. */
function randomEvents(net: NetworkSpec, seed: number, steps = 20, rate = 0.1, gain = 1): StepEvents {
  const g = populationsOf(net);
  const r = createRng(seed, 'spikes');
  const train = (n: number, isReadout = false) => {
    const times: number[] = [];
    const ids: number[] = [];
    if (isReadout) return { times: new Uint32Array(0), ids: new Uint32Array(0) };
    for (let t = 0; t < steps; t++) for (let i = 0; i < n; i++) if (r.next() < rate * gain) {
      times.push(t);
      ids.push(i);
    }
    return { times: Uint32Array.from(times), ids: Uint32Array.from(ids) };
  };
  return { steps, inferences: 1, dtMs: 1, input: train(g.input.size), pops: g.populations.map((p) => train(p.size, p.kind === 'readout')) };
}

const target = (seed = 1): ChipTarget => ({ ...CHIP_TARGET_DEFAULT, id: 'tiny', seed });

describe('the mesh mapper (property tests over random networks)', () => {
  const chip = tinyMeshChip();
  for (let seed = 1; seed <= 12; seed++) {
    it(`places every neuron once and exceeds no limit (network ${seed})`, async () => {
      const net = randomNetwork(seed);
      const m = await mapNetwork({ net, chip, target: target(), events: randomEvents(net, seed), staticInput: false });
      const g = populationsOf(net);
      const neurons = g.populations.reduce((a, p) => a + p.size, 0);
      expect(m.cores.reduce((a, c) => a + c.neurons - c.splitters, 0)).toBe(neurons);
      for (const p of g.populations) expect(m.cores.reduce((a, c) => a + (c.layers.find((l) => l.layer === p.name)?.neurons ?? 0), 0)).toBe(p.size);
      expect(new Set(m.cores.map((c) => c.index)).size).toBe(m.cores.length);
      if (m.fits) for (const c of m.cores) for (const [k, v] of Object.entries(c.utilisation)) expect(v, `core ${c.index} ${k}`).toBeLessThanOrEqual(1 + 1e-9);
      // Traffic is conserved: what the host and the cores send is what the cores receive.
      const sent = m.traffic.reduce((a, e) => a + e.packets, 0);
      expect(m.cores.reduce((a, c) => a + c.packetsIn, 0)).toBeCloseTo(sent, 6);
      // Refinement and annealing never make things worse.
      expect(m.packetsRefined).toBeLessThanOrEqual(m.packetsGreedy + 1e-9);
      expect(m.placementCostFinal).toBeLessThanOrEqual(m.placementCostInitial);
    });
  }

  it('gives the same mapping for the same seed, and searches differently for another', async () => {
    const net = randomNetwork(3);
    const ev = randomEvents(net, 3);
    const a = await mapNetwork({ net, chip, target: target(7), events: ev, staticInput: false });
    const b = await mapNetwork({ net, chip, target: target(7), events: ev, staticInput: false });
    expect(b.cores.map((c) => c.index)).toEqual(a.cores.map((c) => c.index));
    expect(b.energyPerInferenceJ).toBe(a.energyPerInferenceJ);
    expect(b.annealCurve).toEqual(a.annealCurve);
    const c = await mapNetwork({ net, chip, target: target(8), events: ev, staticInput: false });
    expect(c.annealCurve).not.toEqual(a.annealCurve);
  });

  it('never returns a placement costlier than the serpentine start, and reports the one it returns', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const net = randomNetwork(seed + 20);
      const m = await mapNetwork({ net, chip, target: target(seed), events: randomEvents(net, seed), staticInput: false });
      expect(m.placementCostFinal).toBeLessThanOrEqual(m.placementCostInitial);
      // The traffic edges are routed on the returned placement: their packets × hops is the final figure.
      const hops = m.traffic.reduce((a, e) => a + e.packets * e.hops, 0);
      expect(hops).toBeCloseTo(m.trafficHopsFinal, 6);
    }
  });

  it('costs more energy for more spikes', async () => {
    const net = randomNetwork(5);
    const low = await mapNetwork({ net, chip, target: target(), events: randomEvents(net, 5, 20, 0.05), staticInput: false });
    const high = await mapNetwork({ net, chip, target: target(), events: randomEvents(net, 5, 20, 0.05, 3), staticInput: false });
    expect(high.counts.synOps).toBeGreaterThan(low.counts.synOps);
    expect(high.energyPerInferenceJ).toBeGreaterThan(low.energyPerInferenceJ);
  });

  it('counts hops only between tiles, never negative', async () => {
    const g = meshGeometry(chip, 2);
    for (let a = 0; a < g.slots; a += 5)
      for (let b = 0; b < g.slots; b += 3) {
        const h = hopsBetween(g, a, b);
        expect(h.ew).toBeGreaterThanOrEqual(0);
        expect(h.ns).toBeGreaterThanOrEqual(0);
        expect(h.ew + h.ns === 0).toBe(g.tileOf[a] === g.tileOf[b]);
      }
  });

  it('names the layer, the limit and the excess when one neuron cannot fit a core', async () => {
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [300] }, { kind: 'dense', name: 'fc', units: 4 }, { kind: 'spiking', name: 'wide', neuron: lif }] });
    const m = await mapNetwork({ net, chip, target: target(), events: randomEvents(net, 1), staticInput: false });
    expect(m.fits).toBe(false);
    const v = m.violations.find((x) => x.constraint === 'input_axons');
    expect(v).toMatchObject({ layer: 'wide', limit: 200, value: 300, severity: 'error' });
    expect(v?.message).toContain('1.50×');
    expect(v?.suggestions.length).toBeGreaterThan(0);
  });

  it('spills over onto more chips when one is full, and refuses beyond the last', async () => {
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [8] }, { kind: 'dense', name: 'fc', units: 500 }, { kind: 'spiking', name: 'big', neuron: lif }] });
    const m = await mapNetwork({ net, chip, target: target(), events: randomEvents(net, 1), staticInput: false });
    expect(m.coresUsed).toBe(Math.ceil(500 / 16));
    expect(m.chipsUsed).toBe(2);
    expect(m.fits).toBe(true);
    const huge = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [8] }, { kind: 'dense', name: 'fc', units: 2000 }, { kind: 'spiking', name: 'huge', neuron: lif }] });
    const h = await mapNetwork({ net: huge, chip, target: target(), events: randomEvents(huge, 1, 2), staticInput: false });
    expect(h.fits).toBe(false);
    expect(h.violations.find((v) => v.constraint === 'cores')).toMatchObject({ limit: 96, value: 125 });
  });

  it('inserts splitter neurons where a neuron may reach only one core', async () => {
    const one = tinyMeshChip({ fanoutCoresPerNeuron: 1 });
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [8] }, { kind: 'dense', name: 'a', units: 10 }, { kind: 'spiking', name: 'h', neuron: lif }, { kind: 'dense', name: 'b', units: 40 }, { kind: 'spiking', name: 'o', neuron: lif }] });
    const m = await mapNetwork({ net, chip: one, target: target(), events: randomEvents(net, 2), staticInput: false });
    // h (10) and o (40) fill 16-neuron cores in order: o lies on 4 cores ([h + 6 of o], 16, 16, 2),
    // so each of the 10 hidden neurons relays through 4 splitter neurons, one per destination core.
    expect(m.splitterNeurons).toBe(40);
    expect(m.cores.filter((c) => c.splitters > 0).length).toBeGreaterThan(0);
  });
});

describe('refinement after the greedy partition', () => {
  it('sends fewer packets on a conv layer whose greedy cut splits windows', async () => {
    const net = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [16, 16, 2] },
        { kind: 'conv2d', name: 'c', filters: 4, kernel: 3 },
        { kind: 'spiking', name: 'h', neuron: lif },
        { kind: 'conv2d', name: 'c2', filters: 4, kernel: 3 },
        { kind: 'spiking', name: 'h2', neuron: lif },
      ],
    });
    const chip20 = tinyMeshChip({ neuronsPerCore: 20, inAxonsPerCore: 2000, synapseBitsPerCore: 1e7 });
    const m = await mapNetwork({ net, chip: chip20, target: target(), events: randomEvents(net, 1, 10, 0.2), staticInput: false });
    expect(m.fits).toBe(true);
    expect(m.packetsRefined).toBeLessThan(m.packetsGreedy * 0.99);
    for (const c of m.cores) expect(c.neurons).toBeLessThanOrEqual(20);
  });
});

describe('splitter cores (TrueNorth fan-out)', () => {
  it('never fill a splitter core past its neurons, even when a dense net starts mid-core', async () => {
    const tn = tinyMeshChip({ fanoutCoresPerNeuron: 1, neuronsPerCore: 256, inAxonsPerCore: 256, synapseBitsPerCore: null, outAxonsPerCore: 256, meshW: 8, meshH: 8 });
    const net = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [50] },
        { kind: 'dense', name: 'a', units: 100 },
        { kind: 'spiking', name: 'h1', neuron: lif },
        { kind: 'dense', name: 'b', units: 200 },
        { kind: 'spiking', name: 'h2', neuron: lif },
        { kind: 'dense', name: 'c', units: 300 },
        { kind: 'readout', name: 'r', mode: 'membrane' },
      ],
    });
    const m = await mapNetwork({ net, chip: tn, target: target(), events: randomEvents(net, 4), staticInput: false });
    for (const c of m.cores) {
      expect(c.neurons, `core ${c.index}`).toBeLessThanOrEqual(256);
      expect(c.neurons, `core ${c.index} is used`).toBeGreaterThan(0);
    }
    expect(m.violations.filter((v) => v.constraint === 'output_axons')).toEqual([]);
  });
});
