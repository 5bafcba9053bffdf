import { describe, expect, it } from 'vitest';
import { buildW3Csr } from './w3.ts';
import { buildPart, checkNet, partCapacity, splitRange, SKIP_BLOCK, type NeuronRange, type W3Net } from './w3Net.ts';

/** The rows of `net` onto `range`, each as [global target, weight] pairs in stored order. */
function rowsOf(net: W3Net, range: NeuronRange): [number, number][][] {
  const cap = partCapacity(net, range.end - range.first);
  const out = { rowStart: new Uint32Array(net.inputs + 1), targets: new Uint16Array(cap), weights: new Float32Array(cap) };
  buildPart(net, range, out);
  return Array.from({ length: net.inputs }, (_, i) => {
    const row: [number, number][] = [];
    for (let q = out.rowStart[i] as number; q < (out.rowStart[i + 1] as number); q++) row.push([(out.targets[q] as number) + range.first, out.weights[q] as number]);
    return row;
  });
}

/** The rows of `net` built as `parts` partitions, joined back per input. */
function joinedRows(net: W3Net, parts: number): [number, number][][] {
  const all = splitRange({ first: 0, end: net.neurons }, parts).map((r) => rowsOf(net, r));
  return Array.from({ length: net.inputs }, (_, i) => all.flatMap((p) => p[i] ?? []));
}

describe('partitioned W3 connectivity', () => {
  it('holds exactly W3’s synapses in input order however the targets are split, P dividing N or not', () => {
    const net: W3Net = { connectivity: 'exact', inputs: 400, neurons: 3001, p: 0.1 };
    const csr = buildW3Csr(net.inputs, net.neurons);
    const reference = Array.from({ length: net.inputs }, (_, i) => {
      const row: [number, number][] = [];
      for (let q = csr.rowStart[i] as number; q < (csr.rowStart[i + 1] as number); q++) row.push([csr.targets[q] as number, csr.weights[q] as number]);
      return row;
    });
    for (const parts of [1, 3, 7]) expect(joinedRows(net, parts)).toEqual(reference);
  });

  it('splits a range into near-equal contiguous parts', () => {
    expect(splitRange({ first: 10, end: 20 }, 3)).toEqual([
      { first: 10, end: 13 },
      { first: 13, end: 16 },
      { first: 16, end: 20 },
    ]);
    expect(splitRange({ first: 0, end: 2 }, 5)).toHaveLength(2);
  });
});

describe('the skip connectivity (geometric gaps, the 100k network)', () => {
  const net: W3Net = { connectivity: 'skip', inputs: 300, neurons: 20_000 + 77, p: 0.01 };

  it('draws the same synapses whatever the partitions, across block edges too', () => {
    const whole = joinedRows(net, 1);
    expect(joinedRows(net, 3)).toEqual(whole);
    expect(joinedRows(net, 7)).toEqual(whole);
  });

  it('has the Bernoulli(p) statistics of W3: count, positions within blocks, distinct ascending targets, weights', () => {
    const rows = joinedRows(net, 1);
    const n = rows.reduce((a, r) => a + r.length, 0);
    const mean = net.inputs * net.neurons * net.p;
    const sd = Math.sqrt(mean * (1 - net.p));
    expect(Math.abs(n - mean)).toBeLessThan(5 * sd);
    for (const r of rows) for (let q = 1; q < r.length; q++) expect((r[q] as [number, number])[0]).toBeGreaterThan((r[q - 1] as [number, number])[0]);
    // An off-by-one at the block edges (a gap counted from the wrong neuron) shows as a surplus or a
    // lack of synapses on the first or last neurons of the blocks.
    const positions = rows.flat().map(([j]) => j % SKIP_BLOCK);
    const edge = positions.filter((x) => x < 8 || x >= SKIP_BLOCK - 8).length;
    const edgeNeurons = Array.from({ length: net.neurons }, (_, j) => j % SKIP_BLOCK).filter((x) => x < 8 || x >= SKIP_BLOCK - 8).length;
    const edgeMean = net.inputs * edgeNeurons * net.p;
    expect(Math.abs(edge - edgeMean)).toBeLessThan(5 * Math.sqrt(edgeMean) + 5);
    // Targets in each half of the population: even.
    const low = rows.flat().filter(([j]) => j < net.neurons / 2).length;
    expect(Math.abs(low - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4));
    const w = rows.flat().map(([, x]) => x);
    expect(w.reduce((a, b) => Math.max(a, Math.abs(b)), 0)).toBeLessThanOrEqual(0.12);
    expect(Math.abs(w.reduce((a, b) => a + b, 0) / w.length)).toBeLessThan(0.12 * 5 / Math.sqrt(3 * w.length));
  });

  it('refuses networks it cannot draw, saying why', () => {
    expect(() => checkNet({ connectivity: 'exact', inputs: 100_000, neurons: 100_000, p: 0.01 })).toThrow(/32-bit counter/);
    expect(() => checkNet({ connectivity: 'skip', inputs: 10, neurons: 10, p: 0 })).toThrow(/0 < p < 1/);
    expect(() => checkNet({ connectivity: 'skip', inputs: 10_000_000, neurons: 1_000_000, p: 0.01 })).toThrow(/counters, more than the generator/);
    expect(() => checkNet({ connectivity: 'dense' as 'exact', inputs: 10, neurons: 10, p: 0.1 })).toThrow(/unknown W3 connectivity 'dense'/);
    expect(() => buildPart(net, { first: 0, end: 70_000 }, { rowStart: new Uint32Array(1), targets: new Uint16Array(1), weights: new Float32Array(1) })).toThrow(/at most 65536 neurons/);
  });
});
