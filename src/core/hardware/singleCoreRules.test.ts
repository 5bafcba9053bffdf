import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { chipById } from './chips/index.ts';
import { populationsOf, type PopulationGraph } from './populations.ts';
import { projectionFanout, xyloDesignRules } from './singleCoreRules.ts';

const xylo = chipById('xylo-audio2');

function graphOf(layers: unknown[]): PopulationGraph {
  return populationsOf(networkSchema.parse({ layers }));
}
const spike = (name: string, model = 'lif') => ({ kind: 'spiking', name, neuron: { model } });
const dense = (name: string, units: number) => ({ kind: 'dense', name, units });
const input = (n: number) => ({ kind: 'input', name: 'in', shape: [n] });
const readout = { kind: 'readout', name: 'out' };

/** 16 inputs → 64 hidden → 32 hidden → 8 outputs: within every Xylo Audio 2 limit. */
const GOOD = [input(16), dense('d1', 64), spike('h1'), dense('d2', 32), spike('h2', 'cubaLif'), dense('d3', 8), readout];

function only(graph: PopulationGraph, constraint: string) {
  return xyloDesignRules(graph, xylo).violations.filter((v) => v.constraint === constraint);
}

describe('xyloDesignRules', () => {
  it('passes a 16 → 64 → 32 → 8 network and counts its ids and fan-out', () => {
    const r = xyloDesignRules(graphOf(GOOD), xylo);
    expect(r.violations).toEqual([]);
    expect([r.inputs, r.hidden, r.outputs, r.maxFanout]).toEqual([16, 96, 8, 32]);
  });

  it('computes the rockpool worst-case cycles and the clock a dt needs', () => {
    const r = xyloDesignRules(graphOf(GOOD), xylo);
    // Nin = 16, Nhid = 96, Nout = 8, W_rec synapses = 64·32 = 2048 (fan-out average 2048/96):
    // 16·(1 + 96·3.5) + (96·3 + 2048·7) + 96·(1 + 8·8) + 96·(19 + 3) + 8·12 = 28,464.
    expect(r.cyclesPerStep).toBeCloseTo(5392 + 14624 + 6240 + 2112 + 96, 6);
    // est_clock_freq: cycles · 1.2 / 1 ms.
    expect(r.clockHzFor(1)).toBeCloseTo(28464 * 1.2 * 1000, 3);
    expect(r.clockHzFor(1, 0)).toBeCloseTo(28464 * 1000, 3);
  });

  it('flags a dt the 50 MHz clock cannot keep up with', () => {
    const ok = xyloDesignRules(graphOf(GOOD), xylo, { dtMs: 1 });
    expect(ok.violations).toEqual([]);
    const v = xyloDesignRules(graphOf(GOOD), xylo, { dtMs: 0.5 }).violations;
    expect(v).toEqual([expect.objectContaining({ constraint: 'clock', limit: 50e6, severity: 'error' })]);
    expect(v[0]?.value).toBeCloseTo(28464 * 1.2 * 2000, 3);
  });

  it('rejects more than 1000 hidden neurons', () => {
    const v = only(graphOf([input(16), dense('d1', 1001), spike('h1'), dense('d2', 8), readout]), 'hidden_neurons');
    expect(v).toEqual([expect.objectContaining({ layer: 'h1', limit: 1000, value: 1001, severity: 'error' })]);
  });

  it('rejects a hidden neuron driving 65 others and names its layer', () => {
    const v = only(graphOf([input(16), dense('d1', 100), spike('h1'), dense('d2', 65), spike('h2'), dense('d3', 8), readout]), 'fanout');
    expect(v).toEqual([expect.objectContaining({ layer: 'h1', limit: 64, value: 65, severity: 'error' })]);
  });

  it('does not count the outputs against the fan-out limit (they are W_out, not W_rec)', () => {
    const r = xyloDesignRules(graphOf([input(16), dense('d1', 100), spike('h1'), dense('d2', 8), readout]), xylo);
    expect(r.maxFanout).toBe(0);
    expect(r.violations).toEqual([]);
  });

  it('needs two neuron layers', () => {
    const v = only(graphOf([input(16), dense('d1', 8), readout]), 'neuron_layers');
    expect(v).toEqual([expect.objectContaining({ limit: 2, value: 1, severity: 'error' })]);
  });

  it('rejects two weight layers in a row', () => {
    const v = only(graphOf([input(16), dense('a', 32), dense('b', 32), spike('h1'), dense('d', 8), readout]), 'consecutive_weights');
    expect(v).toEqual([expect.objectContaining({ layer: 'h1', limit: 1, value: 2, severity: 'error' })]);
  });

  it('rejects a neuron layer fed without weights', () => {
    const v = only(graphOf([input(16), dense('a', 32), spike('h1'), spike('h2'), dense('d', 8), readout]), 'missing_weights');
    expect(v).toEqual([expect.objectContaining({ layer: 'h2', severity: 'error' })]);
  });

  it('rejects neuron models the core does not implement, naming the model', () => {
    const v = only(graphOf([input(16), dense('a', 32), spike('h1', 'izhikevich'), dense('d', 8), readout]), 'neuron_model');
    expect(v).toEqual([expect.objectContaining({ layer: 'h1', severity: 'error' })]);
    expect(v[0]?.message).toContain("'izhikevich'");
  });

  it('accepts only the last layer as the read-out', () => {
    const v = only(graphOf([input(16), dense('a', 32), { kind: 'readout', name: 'r' }, dense('b', 32), spike('h'), dense('d', 8), readout]), 'output_neurons');
    expect(v).toEqual([expect.objectContaining({ layer: 'r', severity: 'error' })]);
  });

  it('requires the output to come from neurons', () => {
    const empty: PopulationGraph = { input: { name: 'in', size: 4, shape: [4] }, populations: [], unsupported: [] };
    expect(xyloDesignRules(empty, xylo).violations.map((v) => v.constraint).sort()).toEqual(['neuron_layers', 'output_neurons']);
  });

  it('refuses more than its 16 input channels (rockpool only warns, but the chip has 16 inputs)', () => {
    const v = only(graphOf([input(20), dense('a', 32), spike('h'), dense('d', 8), readout]), 'input_channels');
    expect(v).toEqual([expect.objectContaining({ layer: 'in', limit: 16, value: 20, severity: 'error' })]);
  });

  it('rejects more than 8 outputs, which rockpool cannot allocate ids for', () => {
    const v = only(graphOf([input(16), dense('a', 32), spike('h'), dense('d', 10), readout]), 'output_channels');
    expect(v).toEqual([expect.objectContaining({ layer: 'out', limit: 8, value: 10, severity: 'error' })]);
  });

  it('refuses a chip without single-core rules', () => {
    expect(() => xyloDesignRules(graphOf(GOOD), chipById('loihi'))).toThrow(/single-core/);
  });
});

describe('projectionFanout', () => {
  it('counts k·k·filters targets for an interior pixel of a same-padded conv and fewer at the borders', () => {
    const f = projectionFanout([8, 8, 4], [{ kind: 'conv2d', name: 'c', filters: 2, kernel: 3, stride: 1, padding: 'same', weightGain: 1 }]);
    expect(f.worst).toBe(3 * 3 * 2);
    // Along each axis the 8 inputs are covered 2, 3, 3, 3, 3, 3, 3, 2 times = 22.
    expect(f.synapses).toBe(22 * 22 * 4 * 2);
  });

  it('counts every unit of a dense layer, through a flatten', () => {
    const f = projectionFanout([2, 2, 3], [
      { kind: 'flatten', name: 'f' },
      { kind: 'dense', name: 'd', units: 5, weightGain: 1 },
    ]);
    expect(f).toEqual({ worst: 5, synapses: 12 * 5 });
  });

  it('bounds a strided conv by the outputs it can reach', () => {
    // k = 3, stride 2, valid on 7: outputs 0..2; input 2 and 4 are covered twice, the others once.
    const f = projectionFanout([7, 7, 1], [{ kind: 'conv2d', name: 'c', filters: 1, kernel: 3, stride: 2, padding: 'valid', weightGain: 1 }]);
    expect(f.worst).toBe(4);
    expect(f.synapses).toBe(9 * 9);
  });
});
