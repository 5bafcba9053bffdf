import { describe, expect, it } from 'vitest';
import { chainGraph, full, tensor } from '../../../../test/support/nirGraphs.ts';
import { createEventEngine } from '../../engine/event/eventEngine.ts';
import { compileNetwork } from '../../network/compile.ts';
import { shapeSize } from '../../network/shapes.ts';
import type { NetworkWeights } from '../../network/weights.ts';
import { networkToNir } from './networkToNir.ts';
import type { NirGraph, NirNode } from './nirGraph.ts';
import { nirFromHdf5Bytes, nirToHdf5Bytes } from './nirHdf5.ts';
import { nirToNetwork, type NirImport } from './nirToNetwork.ts';

/**
 * NIR's Scale, Delay, CubaLI and Integrator read from NIR files written with the repo's HDF5
 * writer, run on the event engine against values worked out by hand from the spec's equations,
 * and written back unchanged.
 */

const plain = (w: NetworkWeights) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { shape: [...v.shape], values: [...v.values] }]));

/** A graph through its HDF5 bytes, then imported. */
async function viaFile(graph: NirGraph, dtMs?: number): Promise<NirImport> {
  return nirToNetwork(await nirFromHdf5Bytes(await nirToHdf5Bytes(graph)), dtMs === undefined ? {} : { dtMs });
}

/** Export → file → import gives back the same network and weights. */
async function roundTrips(imp: NirImport): Promise<void> {
  const back = await viaFile(networkToNir(imp.network, imp.weights, imp.dtMs).graph);
  expect(back.network).toEqual(imp.network);
  expect(plain(back.weights)).toEqual(plain(imp.weights));
  expect(back.dtMs).toBe(imp.dtMs);
}

/** Per-step values of every element of node `layer` (a read-out), on `frames`. */
async function traces(imp: NirImport, layer: string, frames: number[][]): Promise<number[][]> {
  const n = frames[0]?.length ?? 0;
  const net = compileNetwork(imp.network, imp.weights, 1);
  const size = shapeSize(net.shapes[imp.network.layers.findIndex((l) => l.name === layer)] ?? [0]);
  const membrane = Array.from({ length: size }, (_v, neuron) => ({ layer, neuron }));
  const res = await createEventEngine().simulate(net, { steps: frames.length, batch: 1, neurons: n, values: Float32Array.from(frames.flat()) }, { dtMs: imp.dtMs, membrane });
  return res.membranes.map((m) => Array.from(m.values, (v) => v + 0));
}

const frames = [
  [1, 0, 1],
  [0, 1, 1],
  [1, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
];

describe('NIR Scale, Delay, CubaLI and Integrator', () => {
  it('Scale → Delay → Integrator: element-wise factors, delays in seconds as whole steps, a running sum (by hand)', async () => {
    const graph = chainGraph([
      ['in', { type: 'Input', shape: [3] }],
      ['gain', { type: 'Scale', scale: tensor([3], [2, -1, 0.5]) }],
      ['late', { type: 'Delay', delay: { shape: [3], values: Float64Array.from([0, 0.002, 0.006]) } }],
      ['sum', { type: 'I', r: full([3], 1) }],
      ['out', { type: 'Output', shape: [3] }],
    ]);
    // Δt = 2 ms: delays of 0, 1 and 3 steps.
    const imp = await viaFile(graph, 2);
    expect(imp.network.layers).toEqual([
      { kind: 'input', name: 'in', shape: [3] },
      { kind: 'scale', name: 'gain' },
      { kind: 'delay', name: 'late', steps: [0, 1, 3] },
      { kind: 'readout', name: 'sum', mode: 'count', beta: 0.9, reduce: 'max' },
    ]);
    expect(Array.from(imp.weights['gain']?.values ?? [])).toEqual([2, -1, 0.5]);
    // sum0 = 2·x0 so far; sum1 = −x1 one step late; sum2 = 0.5·x2 three steps late.
    expect(await traces(imp, 'sum', frames)).toEqual([
      [2, 2, 4, 4, 4, 4],
      [0, 0, -1, -1, -1, -1],
      [0, 0, 0, 0.5, 1, 1],
    ]);
    await roundTrips(imp);
  });

  it('a Delay that every element shares is one number; on an image, Scale factors are reordered to channels last', async () => {
    // [c, h, w] = [2, 1, 2]: NIR order (c, y, x) = 10, 20, 30, 40; ours (y, x, c) = 10, 30, 20, 40.
    const img = chainGraph([
      ['in', { type: 'Input', shape: [2, 1, 2] }],
      ['s', { type: 'Scale', scale: tensor([2, 1, 2], [10, 20, 30, 40]) }],
      ['d', { type: 'Delay', delay: full([2, 1, 2], 0.003) }],
      ['sp', { type: 'SumPool2d', kernelSize: [1, 1], stride: [1, 1], padding: [0, 0] }],
      ['n', { type: 'IF', r: full([2, 1, 2], 1), vThreshold: full([2, 1, 2], 15), vReset: full([2, 1, 2], 0) }],
      ['out', { type: 'Output', shape: [2, 1, 2] }],
    ]);
    const imp = await viaFile(img, 1);
    expect(imp.network.layers[0]).toEqual({ kind: 'input', name: 'in', shape: [1, 2, 2] });
    expect(Array.from(imp.weights['s']?.values ?? [])).toEqual([10, 30, 20, 40]);
    expect(imp.network.layers[2]).toEqual({ kind: 'delay', name: 'd', steps: 3 });
    await roundTrips(imp);
  });

  it('CubaLI: two leaky integrators in a row, the current then the membrane, equal to the spec’s Euler steps; written back as a CubaLI', async () => {
    const dt = 0.001;
    const p = { tauSyn: 0.005, tauMem: 0.01, r: 2, wIn: 1.5 };
    const w = [0.5, -0.25, 1, 0.75, 0.1, -0.5];
    const graph = chainGraph([
      ['in', { type: 'Input', shape: [3] }],
      ['fc', { type: 'Linear', weight: tensor([2, 3], w) }],
      ['cli', { type: 'CubaLI', tauSyn: full([2], p.tauSyn), tauMem: full([2], p.tauMem), r: full([2], p.r), vLeak: full([2], 0), wIn: full([2], p.wIn) }],
      ['out', { type: 'Output', shape: [2] }],
    ]);
    const imp = await viaFile(graph, 1);
    expect(imp.network.layers.slice(2)).toEqual([
      { kind: 'readout', name: 'cli_syn', mode: 'membrane', beta: 1 - dt / p.tauSyn, reduce: 'max' },
      { kind: 'readout', name: 'cli', mode: 'membrane', beta: 1 - dt / p.tauMem, reduce: 'max' },
    ]);
    expect(imp.notes).toContainEqual(expect.stringMatching(/NIR node 'cli' \(CubaLI\): its input gain 0\.06 .* folded into the weights of 'fc'/));
    // The spec: τ_syn·dI/dt = −I + w_in·S, τ_mem·dv/dt = −v + R·I, Euler steps of Δt, in float64.
    const want: number[][] = [[], []];
    const cur = [0, 0];
    const v = [0, 0];
    for (const x of frames) {
      for (let o = 0; o < 2; o++) {
        const s = x.reduce((a, xi, i) => a + (w[o * 3 + i] as number) * xi, 0);
        cur[o] = (cur[o] as number) + (dt / p.tauSyn) * (-(cur[o] as number) + p.wIn * s);
        v[o] = (v[o] as number) + (dt / p.tauMem) * (-(v[o] as number) + p.r * (cur[o] as number));
        want[o]?.push(v[o] as number);
      }
    }
    const got = await traces(imp, 'cli', frames);
    got.forEach((row, o) => row.forEach((g, t) => expect(Math.abs(g - (want[o]?.[t] as number)), `v[${o}] at step ${t}`).toBeLessThan(1e-6)));
    expect(Math.max(...got.flat().map(Math.abs))).toBeGreaterThan(0.005);
    // Written back as one CubaLI (the current's layer in its metadata), read back the same.
    const types = Object.values(networkToNir(imp.network, imp.weights, imp.dtMs).graph.nodes).map((n) => n.type);
    expect(types).toEqual(['Input', 'Linear', 'CubaLI', 'Output']);
    await roundTrips(imp);
    // Read by another tool (no Spikelab metadata), the CubaLI still comes back as the same two read-outs.
    const bare = networkToNir(imp.network, imp.weights, imp.dtMs).graph;
    const stripped = { ...bare, metadata: {}, nodes: Object.fromEntries(Object.entries(bare.nodes).map(([k, n]) => [k, { ...n, metadata: {} }])) };
    const again = await viaFile(stripped, 1);
    expect(again.network.layers.map((l) => [l.kind, l.name])).toEqual(imp.network.layers.map((l) => [l.kind, l.name]));
    again.network.layers.forEach((l, i) => {
      const was = imp.network.layers[i];
      // Decays are written in float32 (as the engines run them): equal to float32 precision.
      if (l.kind === 'readout' && was?.kind === 'readout') expect(Math.abs(l.beta - was.beta)).toBeLessThan(1e-7);
    });
  });

  it('an Integrator mid-graph passes its running sum on (here scaled into an IF)', async () => {
    const graph = chainGraph([
      ['in', { type: 'Input', shape: [1] }],
      ['acc', { type: 'I', r: full([1], 1) }],
      ['half', { type: 'Scale', scale: tensor([1], [0.4]) }],
      ['n', { type: 'IF', r: full([1], 1), vThreshold: full([1], 1), vReset: full([1], 0) }],
      ['out', { type: 'Output', shape: [1] }],
    ]);
    const imp = await viaFile(graph);
    expect(imp.network.layers.map((l) => l.kind)).toEqual(['input', 'readout', 'scale', 'spiking']);
    // acc = 1, 2, 3, …; IF input 0.4, 0.8, 1.2, …; v = 0.4, then 1.2 > 1 fires and resets: every step after the first.
    const res = await createEventEngine().simulate(compileNetwork(imp.network, imp.weights, 1), { steps: 6, batch: 1, neurons: 1, values: Float32Array.from([1, 1, 1, 1, 1, 1]) }, { dtMs: imp.dtMs });
    expect(Array.from(res.layers.find((l) => l.name === 'n')?.spikes[0]?.times ?? [])).toEqual([1, 2, 3, 4, 5]);
    await roundTrips(imp);
  });

  it('refuses, naming the node: a delay that is not a whole number of steps, a negative delay, a Scale or Delay of the wrong size, a CubaLI with v_leak', async () => {
    const chain = (node: NirNode) =>
      chainGraph([
        ['in', { type: 'Input', shape: [2] }],
        ['x', node],
        ['n', { type: 'IF', r: full([2], 1), vThreshold: full([2], 1), vReset: full([2], 0) }],
        ['out', { type: 'Output', shape: [2] }],
      ]);
    await expect(viaFile(chain({ type: 'Delay', delay: tensor([2], [0.001, 0.0015]) }), 1)).rejects.toThrow(/NIR node 'x' \(Delay\): the delay of element 1 is 0\.0015\d* s, 1\.5 steps of Δt = 1 ms, not a whole number of them/);
    await expect(viaFile(chain({ type: 'Delay', delay: tensor([2], [-0.001, 0]) }), 1)).rejects.toThrow(/NIR node 'x' \(Delay\): the delay of element 0 is negative/);
    expect(() => nirToNetwork(chain({ type: 'Delay', delay: tensor([2], [20, 0]) }), { dtMs: 1 })).toThrow(/NIR node 'x' \(Delay\): the delay of element 0 is 20000 steps of Δt = 1 ms; Spikelab delays by at most 10000 steps/);
    expect(() => nirToNetwork(chain({ type: 'Scale', scale: tensor([3], [1, 2, 3]) }))).toThrow(/NIR node 'x' \(Scale\): 'scale' has 3 values \(shape \[3\]\) but its input has 2 elements \[2\]/);
    expect(() => nirToNetwork(chain({ type: 'CubaLI', tauSyn: full([2], 0.005), tauMem: full([2], 0.01), r: full([2], 2), vLeak: full([2], 0.1), wIn: full([2], 1) }))).toThrow(/NIR node 'x' \(CubaLI\): v_leak is not zero/);
    // 1e-6 relative is tolerated: float32 seconds rarely divide exactly.
    expect(nirToNetwork(chain({ type: 'Delay', delay: tensor([2], [0.003, 0.001]) }), { dtMs: 1 }).network.layers[1]).toEqual({ kind: 'delay', name: 'x', steps: [3, 1] });
  });
});
