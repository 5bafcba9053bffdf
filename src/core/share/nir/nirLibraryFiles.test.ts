import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEventEngine } from '../../engine/event/eventEngine.ts';
import type { SimulationResult } from '../../engine/types.ts';
import { compileNetwork } from '../../network/compile.ts';
import { chainGraph, full, randomTensor, tensor } from '../../../../test/support/nirGraphs.ts';
import { nirFromHdf5Bytes } from './nirHdf5.ts';
import { networkToNir } from './networkToNir.ts';
import { nirToNetwork, type NirImport, type NirImportOptions } from './nirToNetwork.ts';
import type { NirGraph } from './nirGraph.ts';

/** NIR files from the NIR paper (BSD-3-Clause; provenance in test/fixtures/nir/README.md). */
const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'nir');
const fixture = (name: string) => nirFromHdf5Bytes(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
const load = async (name: string, options: NirImportOptions = {}) => nirToNetwork(await fixture(name), options);

/** Runs an imported network on per-step inputs in the event engine, probing one neuron's membrane. */
function run(imp: NirImport, steps: number, input: (t: number) => number[], probe?: string): Promise<SimulationResult> {
  const net = compileNetwork(imp.network, imp.weights, 1);
  const first = input(0);
  const values = new Float32Array(steps * first.length);
  for (let t = 0; t < steps; t++) values.set(input(t), t * first.length);
  return createEventEngine().simulate(net, { steps, batch: 1, neurons: first.length, values }, { dtMs: imp.dtMs, ...(probe ? { membrane: [{ layer: probe, neuron: 0 }] } : {}) });
}

/**
 * Simulates an import on seeded random spikes, writes it back as NIR, reads that again and checks
 * the network, the weights and every spike are unchanged; returns the spikes of the first spiking
 * layer (hidden) and the last (out).
 */
async function roundTripSpikes(imp: NirImport, steps: number, neurons: number, p: number): Promise<{ hidden: number; out: number }> {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const values = Float32Array.from({ length: steps * neurons }, () => (rand() < p ? 1 : 0));
  const sim = (i: NirImport) => createEventEngine().simulate(compileNetwork(i.network, i.weights, 1), { steps, batch: 1, neurons, values }, { dtMs: i.dtMs });
  const before = await sim(imp);
  const back = nirToNetwork(networkToNir(imp.network, imp.weights, imp.dtMs).graph);
  expect(back.network).toEqual(imp.network);
  expect(Object.keys(back.weights)).toEqual(Object.keys(imp.weights));
  for (const [k, w] of Object.entries(imp.weights)) expect(Array.from(back.weights[k]?.values ?? []), k).toEqual(Array.from(w.values));
  const after = await sim(back);
  expect(after.layers.map((l) => [l.name, l.spikeCount])).toEqual(before.layers.map((l) => [l.name, l.spikeCount]));
  const spiking = before.layers.filter((l) => l.kind === 'spiking');
  return { hidden: spiking[0]?.spikeCount ?? 0, out: spiking[spiking.length - 1]?.spikeCount ?? 0 };
}

const spikeTimes = (r: SimulationResult, layer: string) => [...(r.layers.find((l) => l.name === layer)?.spikes[0]?.times ?? [])];
const spikeCount = (r: SimulationResult, layer: string) => r.layers.find((l) => l.name === layer)?.spikeCount ?? -1;

describe('NIR files written by Norse, Rockpool, Sinabs and snnTorch', () => {
  it('Norse’s LIF (lif_norse.nir) at its Δt = 0.1 ms reproduces Norse’s own run, spike for spike', async () => {
    const imp = await load('lif_norse.nir', { dtMs: 0.1 });
    // τ = 2.5 ms: β = 1 − 0.1/2.5 = 0.96; input gain Δt·R/τ = 0.04 folded into the 1×1 weight.
    expect(imp.network.layers.map((l) => l.kind)).toEqual(['input', 'dense', 'spiking']);
    const lif = imp.network.layers[2];
    expect(lif?.kind === 'spiking' && lif.neuron).toMatchObject({ model: 'lif', reset: 'zero' });
    expect(lif?.kind === 'spiking' && (lif.neuron as { beta: number }).beta).toBeCloseTo(0.96, 7);
    expect(imp.weights['affine_0']?.values[0]).toBeCloseTo(0.04, 7);
    // lif_norse.csv: input spike, membrane after reset, output spike — one row per step.
    const rows = readFileSync(join(FIXTURES, 'lif_norse.csv'), 'utf8').trim().split('\n').map((l) => l.split(',').map(Number));
    const result = await run(imp, rows.length, (t) => [rows[t]?.[0] ?? 0], 'lif_1');
    const norseSpikes = rows.flatMap((r, t) => ((r[2] ?? 0) > 0 ? [t] : []));
    expect(norseSpikes).toEqual([460, 510, 710, 760]);
    expect(spikeTimes(result, 'lif_1')).toEqual(norseSpikes);
    // Norse records v after its reset; Spikelab resets at the next step, so compare between spikes.
    const v = result.membranes[0]?.values ?? new Float32Array(0);
    rows.forEach((r, t) => {
      if ((r[2] ?? 0) === 0) expect(Math.abs((v[t] as number) - (r[1] ?? 0))).toBeLessThan(1e-6);
    });
  });

  it('Rockpool’s re-export (lif_rockpool.nir) imports with Δt from R = τ/Δt and fires in the same input bursts', async () => {
    const imp = await load('lif_rockpool.nir');
    expect(imp.dtMs).toBeCloseTo(0.104, 3);
    expect(imp.notes[0]).toMatch(/snnTorch's convention R = τ\/Δt/);
    const rows = readFileSync(join(FIXTURES, 'lif_norse.csv'), 'utf8').trim().split('\n').map((l) => l.split(',').map(Number));
    const result = await run(imp, rows.length, (t) => [rows[t]?.[0] ?? 0]);
    // Rockpool's run of this file (lif_rockpool.csv) spikes at 450, 500, 710 and 760.
    const times = spikeTimes(result, 'lif_1_LIFNeuronTorch');
    expect(times.length).toBe(4);
    [450, 500, 710, 760].forEach((t, i) => expect(Math.abs((times[i] ?? 0) - t)).toBeLessThanOrEqual(20));
  });

  it('Sinabs’s N-MNIST CNN of the NIR paper (cnn_sinabs.nir) imports with its explicit padding, simulates, and survives export → import', async () => {
    const imp = await load('cnn_sinabs.nir');
    expect(imp.network.layers.map((l) => l.kind).join(' ')).toBe('input conv2d spiking conv2d spiking pool2d conv2d spiking pool2d flatten dense spiking dense spiking');
    // Kernel 5, stride 2, padding 1 on 34×34 → 16×16: neither 'valid' nor 'same', so explicit.
    expect(imp.network.layers[1]).toMatchObject({ kernel: 5, stride: 2, padding: [1, 1, 1, 1], filters: 16 });
    expect(compileNetwork(imp.network, imp.weights, 1).shapes[1]).toEqual([16, 16, 16]);
    const spikes = await roundTripSpikes(imp, 30, 34 * 34 * 2, 0.05);
    expect(spikes.out).toBeGreaterThan(0);
  });

  it('snnTorch’s recurrent Braille reader of the NIR paper imports with its loop read a step late, simulates, and survives export → import', async () => {
    const imp = await load('braille_noDelay_noBias_subtract.nir');
    const lif1 = imp.network.layers.find((l) => l.name === 'lif1_lif');
    expect(lif1).toMatchObject({ kind: 'spiking', inputs: expect.arrayContaining(['fc1', { from: 'lif1_w_rec', recurrent: true }]) });
    expect(imp.network.layers.find((l) => l.name === 'lif1_w_rec')).toMatchObject({ kind: 'dense', units: 40 });
    const spikes = await roundTripSpikes(imp, 60, 12, 0.3);
    expect(spikes.hidden).toBeGreaterThan(0);
  });

  it('a LIF with v_leak ≠ 0 (two_lif_neurons.nir) is refused, or imported without it when asked', async () => {
    await expect(load('two_lif_neurons.nir')).rejects.toThrow(/NIR node 'lif1' \(LIF\): v_leak is not zero \(up to 1\.2\)/);
    const imp = await load('two_lif_neurons.nir', { dropBias: true });
    expect(imp.network.layers.map((l) => l.name)).toEqual(['in', 'linear1', 'lif1', 'linear2', 'lif2']);
    expect(imp.notes).toContainEqual(expect.stringMatching(/lif1.*ignored v_leak \(up to 1\.2\)/));
  });
});

/** snnTorch's exporter: Leaky(β) → LIF with τ = Δt/(1 − β), R = τ/Δt, Δt = 1e-4 s (export_nir.py). */
function snntorchLif(beta: number, n: number) {
  const tau = 1e-4 / (1 - beta);
  return { type: 'LIF' as const, tau: full([n], tau), r: full([n], tau / 1e-4), vLeak: full([n], 0), vThreshold: full([n], 1), vReset: full([n], 0) };
}

describe('graphs in the conventions of snnTorch and Sinabs', () => {
  it('an snnTorch Leaky chain gets β and Δt back and fires at the closed-form rate', async () => {
    const graph: NirGraph = chainGraph([
      ['input', { type: 'Input', shape: [2] }],
      ['flatten', { type: 'Flatten', startDim: 0, endDim: -1 }],
      ['fc', { type: 'Affine', weight: tensor([2, 2], [1, 0, 0, 1]), bias: full([2], 0) }],
      ['lif', snntorchLif(0.9, 2)],
      ['output', { type: 'Output', shape: [2] }],
    ]);
    const imp = nirToNetwork(graph);
    expect(imp.dtMs).toBe(0.1);
    const lif = imp.network.layers.find((l) => l.kind === 'spiking');
    expect(lif?.kind === 'spiking' && (lif.neuron as { beta: number }).beta).toBeCloseTo(0.9, 9);
    // Constant current 0.3 with β = 0.9: v = 0.3, 0.57, 0.813, 1.0317 > θ = 1, so a spike every 4th
    // step (reset to zero); current 0.05 never reaches θ (v → 0.05/(1 − 0.9) = 0.5).
    const result = await run(imp, 40, () => [0.3, 0.05]);
    const train = result.layers.find((l) => l.name === 'lif')?.spikes[0];
    expect([...(train?.times ?? [])]).toEqual([3, 7, 11, 15, 19, 23, 27, 31, 35, 39]);
    expect([...(train?.ids ?? [])].every((id) => id === 0)).toBe(true);
  });

  it('a Sinabs Conv2d → IF → SumPool2d → Flatten → Affine → IF network maps to conv2d "same" and runs, in channel-first order', async () => {
    // A 3×3 kernel that copies input channel 0 into filter 0 with weight 0.25 (centre tap only).
    const w = new Array(4 * 2 * 9).fill(0);
    w[4] = 0.25;
    const graph = chainGraph([
      ['input', { type: 'Input', shape: [2, 6, 6] }],
      ['0', { type: 'Conv2d', weight: tensor([4, 2, 3, 3], w), bias: full([4], 0), stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1, inputShape: [6, 6] }],
      ['1', { type: 'IF', r: full([4, 6, 6], 1), vThreshold: full([4, 6, 6], 1), vReset: full([4, 6, 6], 0) }],
      ['2', { type: 'SumPool2d', kernelSize: [2, 2], stride: [2, 2], padding: [0, 0] }],
      ['3', { type: 'Flatten', startDim: 0, endDim: -1, inputType: [4, 3, 3] }],
      ['4', { type: 'Affine', weight: tensor([1, 36], new Array(36).fill(0.1)), bias: full([1], 0) }],
      ['5', { type: 'IF', r: full([1], 1), vThreshold: full([1], 1), vReset: full([1], 0) }],
      ['output', { type: 'Output', shape: [1] }],
    ]);
    const zero = nirToNetwork(graph);
    expect(zero.network.layers.map((l) => `${l.kind}:${l.name}`)).toEqual(['input:input', 'conv2d:conv2d_0', 'spiking:if_1', 'pool2d:sumpool2d_2', 'flatten:flatten_3', 'dense:affine_4', 'spiking:if_5']);
    expect(zero.network.layers[0]).toMatchObject({ shape: [6, 6, 2] });
    expect(zero.network.layers[1]).toMatchObject({ kernel: 3, padding: 'same', filters: 4 });
    // Input: channel 0 on everywhere (our layout (y·6 + x)·2 + c), channel 1 off.
    const input = () => Array.from({ length: 72 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    // Current 0.25 per step, θ = 1 (spike when v > 1): reset to zero fires every 5th step (8 in 40);
    // Sinabs's subtraction keeps the residue, every 4th step after the first (at step 5): 9 in 40.
    const z = await run(zero, 40, input);
    expect(spikeCount(z, 'if_1')).toBe(36 * 8);
    const sub = await run(nirToNetwork(graph, { reset: 'subtract' }), 40, input);
    expect(spikeCount(sub, 'if_1')).toBe(36 * 9);
    expect(spikeCount(z, 'if_5')).toBeGreaterThan(0);
  });

  it('a Conv1d over [channels, length] runs as a conv2d with a k×1 kernel on [length, 1, channels] with the same currents', async () => {
    const weight = randomTensor([3, 2, 3], 0.5, 4);
    const graph = chainGraph([
      ['input', { type: 'Input', shape: [2, 10] }],
      ['conv', { type: 'Conv1d', weight, bias: full([3], 0), stride: 1, padding: 1, dilation: 1, groups: 1, inputShape: 10 }],
      ['spk', { type: 'IF', r: full([3, 10], 1), vThreshold: full([3, 10], 100), vReset: full([3, 10], 0) }],
      ['output', { type: 'Output', shape: [3, 10] }],
    ]);
    const imp = nirToNetwork(graph);
    expect(imp.network.layers[1]).toMatchObject({ kind: 'conv2d', kernel: [3, 1], padding: [1, 1, 0, 0], filters: 3 });
    // One step of input x[c][n] (ours: n·2 + c); the IF membrane after it is the convolution.
    const x = (c: number, n: number) => ((3 * c + n) % 4 === 0 ? 1 : 0);
    const ours = Array.from({ length: 20 }, (_, i) => x(i % 2, Math.floor(i / 2)));
    const probes = Array.from({ length: 30 }, (_, neuron) => ({ layer: 'spk', neuron }));
    const net = compileNetwork(imp.network, imp.weights, 1);
    const result = await createEventEngine().simulate(net, { steps: 1, batch: 1, neurons: 20, values: Float32Array.from(ours) }, { dtMs: 1, membrane: probes });
    for (let o = 0; o < 3; o++)
      for (let n = 0; n < 10; n++) {
        let want = 0;
        for (let c = 0; c < 2; c++) for (let k = 0; k < 3; k++) if (n + k - 1 >= 0 && n + k - 1 < 10) want += (weight.values[(o * 2 + c) * 3 + k] as number) * x(c, n + k - 1);
        expect(result.membranes[n * 3 + o]?.values[0]).toBeCloseTo(want, 5);
      }
  });
});

