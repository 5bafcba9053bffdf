import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../../cli/kernelFile.ts';
import { residualLayers, rsnnLayers } from '../../../../test/support/graphCases.ts';
import { compileNetwork } from '../../network/compile.ts';
import { shapeSize } from '../../network/shapes.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { createEngine } from '../index.ts';
import type { CompiledNetwork, Engine, SimInput, SimOptions, SimulationResult } from '../types.ts';
import { wasmUnsupportedReason } from './wasmPlan.ts';

// Graphs on the wasm kernel: every spike, membrane and read-out value must be the event engine's, bit for bit.
let kernel: Uint8Array;
let events: Engine;
beforeAll(async () => {
  kernel = await kernelBytes();
  events = await createEngine('events');
}, 120_000);

function randomInput(steps: number, batch: number, neurons: number, p: number, seed: number): SimInput {
  const r = createRng(seed, 'wasm-graph-input');
  return { steps, batch, neurons, values: new Float32Array(steps * batch * neurons).map(() => (r.next() < p ? 1 : 0)) };
}

/** graphCases' RSNN (fc → lif ⟲ rec, out → o) with other widths. */
function rsnn(neuron: Record<string, unknown>, inputs: number, hidden: number, outputs: number): unknown[] {
  const units: Record<string, number> = { fc: hidden, rec: hidden, out: outputs };
  return rsnnLayers(neuron).map((l) => {
    const node = l as { kind: string; name: string };
    if (node.kind === 'input') return { ...node, shape: [inputs] };
    return node.name in units ? { ...node, units: units[node.name] } : node;
  });
}

async function compare(net: CompiledNetwork, input: SimInput, options: SimOptions): Promise<SimulationResult> {
  expect(wasmUnsupportedReason(net, options.dtMs)).toBeUndefined();
  const ref = await events.simulate(net, input, options);
  const got = await (await createEngine('wasm', { kernel })).simulate(net, input, options);
  expect(got.engine).toBe('wasm');
  expect(got.layers.map((l) => [l.name, l.spikeCount])).toEqual(ref.layers.map((l) => [l.name, l.spikeCount]));
  ref.layers.forEach((l, i) =>
    l.spikes.forEach((s, b) => {
      expect(got.layers[i]?.spikes[b]?.times, `${l.name} sample ${b}`).toEqual(s.times);
      expect(got.layers[i]?.spikes[b]?.ids, `${l.name} sample ${b}`).toEqual(s.ids);
    }),
  );
  expect(got.membranes.map((m) => Array.from(m.values))).toEqual(ref.membranes.map((m) => Array.from(m.values)));
  expect(got.readouts).toEqual(ref.readouts);
  // Counting without recording gives the same counts (the input's from the kernel's sum).
  const counts = await (await createEngine('wasm', { kernel })).simulate(net, input, { ...options, recordSpikes: false });
  expect(counts.layers.map((l) => l.spikeCount)).toEqual(ref.layers.map((l) => l.spikeCount));
  return ref;
}

const LIF = { model: 'lif', threshold: 0.6, tauMemMs: 10 };
const IF = { model: 'if', threshold: 0.8 };
const spikesOf = (r: SimulationResult, name: string) => r.layers.find((l) => l.name === name)?.spikeCount ?? 0;

describe('the wasm engine on graphs', () => {
  it.each([
    { neuron: LIF, inputs: 12, hidden: 16, outputs: 4, batch: 1, rate: 0.3, seed: 1 },
    { neuron: LIF, inputs: 40, hidden: 37, outputs: 5, batch: 3, rate: 0.15, seed: 2 },
    { neuron: LIF, inputs: 70, hidden: 129, outputs: 10, batch: 4, rate: 0.05, seed: 3 },
    { neuron: { model: 'lif', beta: 0.9, reset: 'zero', threshold: 0.5 }, inputs: 20, hidden: 64, outputs: 3, batch: 2, rate: 0.2, seed: 4 },
    { neuron: IF, inputs: 12, hidden: 16, outputs: 4, batch: 2, rate: 0.3, seed: 5 },
    { neuron: { model: 'if', reset: 'zero', threshold: 1 }, inputs: 33, hidden: 50, outputs: 7, batch: 5, rate: 0.1, seed: 6 },
  ])('gives the event engine’s spikes and membranes on an RSNN $inputs → $hidden⟲ → $outputs of $neuron.model, batch $batch, seed $seed', async ({ neuron, inputs, hidden, outputs, batch, rate, seed }) => {
    const net = compileNetwork(networkSchema.parse({ layers: rsnn(neuron, inputs, hidden, outputs) }), undefined, seed);
    const membrane = [{ layer: 'lif', neuron: hidden - 1, sample: batch - 1 }, { layer: 'o', neuron: 0 }];
    const ref = await compare(net, randomInput(60, batch, inputs, rate, seed), { dtMs: 1, membrane });
    expect(spikesOf(ref, 'lif')).toBeGreaterThan(20);
    expect(spikesOf(ref, 'o')).toBeGreaterThan(0);
  });

  it('the loop matters: without the recurrent edge the same weights fire differently', async () => {
    const spec = networkSchema.parse({ layers: rsnnLayers(LIF) });
    const net = compileNetwork(spec, undefined, 3);
    const input = randomInput(50, 2, 12, 0.3, 3);
    const looped = await (await createEngine('wasm', { kernel })).simulate(net, input, { dtMs: 1 });
    const open = { ...net, spec: networkSchema.parse({ layers: spec.layers.map((l) => (l.name === 'lif' ? { ...l, inputs: ['fc'] } : l)) }) };
    const openRun = await (await createEngine('wasm', { kernel })).simulate(open, input, { dtMs: 1 });
    expect(spikesOf(looped, 'lif')).not.toBe(spikesOf(openRun, 'lif'));
  });

  it('runs the RSNN as the editor’s template writes it (the loop’s dense node before the population, reading it a step late) with the same spikes', async () => {
    const spec = networkSchema.parse({ layers: rsnnLayers(IF) });
    const rec = spec.layers.find((l) => l.name === 'rec');
    const rest = spec.layers.filter((l) => l.name !== 'rec').map((l) => (l.name === 'lif' ? { ...l, inputs: ['fc', 'rec'] } : l));
    const template = networkSchema.parse({ layers: [...rest.slice(0, 2), { ...rec, inputs: [{ from: 'lif', recurrent: true }] }, ...rest.slice(2)] });
    const net = compileNetwork(spec, undefined, 12);
    const input = randomInput(50, 3, 12, 0.3, 12);
    // The same weights in the other order of nodes.
    const ref = await compare(compileNetwork(template, net.weights, 12), input, { dtMs: 1, membrane: [{ layer: 'lif', neuron: 3, sample: 2 }] });
    const asCases = await (await createEngine('wasm', { kernel })).simulate(net, input, { dtMs: 1 });
    expect(spikesOf(ref, 'lif')).toBeGreaterThan(20);
    for (const name of ['lif', 'o']) expect(spikesOf(asCases, name), name).toBe(spikesOf(ref, name));
  });

  it('runs an RSNN whose dense nodes have biases (the loop’s too): each bias joins its float32 currents as the event engine adds it', async () => {
    const layers = rsnnLayers(LIF).map((l) => ((l as { kind: string }).kind === 'dense' ? { ...(l as object), bias: true } : l));
    const net = compileNetwork(networkSchema.parse({ layers }), undefined, 14);
    // Seeded biases, some negative (initial biases are zero).
    const weights = { ...net.weights };
    for (const [k, w] of Object.entries(net.weights)) if (k.endsWith('.bias')) weights[k] = { shape: w.shape, values: w.values.map((_v, i) => Math.fround(0.07 * ((i % 5) - 2))) };
    const ref = await compare({ ...net, weights }, randomInput(50, 2, 12, 0.25, 14), { dtMs: 1, membrane: [{ layer: 'lif', neuron: 4, sample: 1 }] });
    expect(spikesOf(ref, 'lif')).toBeGreaterThan(20);
  });

  it('runs a population that reads its own spikes without weights, into a membrane read-out', async () => {
    const layers = [
      { kind: 'input', name: 'in', shape: [10] },
      { kind: 'dense', name: 'fc', units: 24, weightGain: 2 },
      { kind: 'spiking', name: 'h', neuron: LIF, inputs: ['fc', { from: 'h', recurrent: true }] },
      { kind: 'dense', name: 'fc2', units: 3 },
      { kind: 'readout', name: 'r', mode: 'membrane', beta: 0.9, reduce: 'max' },
    ];
    const net = compileNetwork(networkSchema.parse({ layers }), undefined, 8);
    const ref = await compare(net, randomInput(40, 3, 10, 0.2, 8), { dtMs: 1, membrane: [{ layer: 'h', neuron: 5, sample: 2 }] });
    expect(spikesOf(ref, 'h')).toBeGreaterThan(20);
  });

  it('runs a residual sum and a skip from the input when its windows are square', async () => {
    const square = residualLayers(LIF).map((l) => {
      const node = l as { name: string };
      if (node.name === 'c1') return { ...node, padding: 'same' };
      if (node.name === 'p') return { ...node, size: 2 };
      return node;
    });
    const net = compileNetwork(networkSchema.parse({ layers: square }), undefined, 4);
    const n = shapeSize(net.shapes[0] ?? [1]);
    const ref = await compare(net, randomInput(30, 2, n, 0.2, 4), { dtMs: 1, membrane: [{ layer: 's1', neuron: 3, sample: 1 }] });
    expect(spikesOf(ref, 's1')).toBeGreaterThan(0);
    expect(spikesOf(ref, 'o')).toBeGreaterThan(0);
    // A dense node reading the input and a population at once (a skip from the input) sums them too.
    const skip = compileNetwork(
      networkSchema.parse({
        layers: [
          { kind: 'input', name: 'in', shape: [16] },
          { kind: 'dense', name: 'a', units: 16, weightGain: 2 },
          { kind: 'spiking', name: 'sa', neuron: IF },
          { kind: 'sum', name: 'both', inputs: ['in', 'sa'] },
          { kind: 'dense', name: 'b', units: 6, weightGain: 2 },
          { kind: 'spiking', name: 'sb', neuron: IF },
        ],
      }),
      undefined,
      6,
    );
    const viaSkip = await compare(skip, randomInput(30, 2, 16, 0.25, 6), { dtMs: 1 });
    expect(spikesOf(viaSkip, 'sb')).toBeGreaterThan(0);
  });

  it('names what it still cannot run (a window, a relu, a conv2d’s bias, a neuron model), and the engine refuses it with that reason', async () => {
    const reasonOf = (layers: unknown[]) => wasmUnsupportedReason(compileNetwork(networkSchema.parse({ layers }), undefined, 1), 1);
    expect(reasonOf(residualLayers(LIF))).toBe("'c1' has a rectangular, dilated, grouped or explicitly padded window");
    const relu = [{ kind: 'input', name: 'in', shape: [4] }, { kind: 'dense', name: 'fc', units: 4 }, { kind: 'relu', name: 'act' }, { kind: 'dense', name: 'o', units: 2 }, { kind: 'spiking', name: 's', neuron: LIF }];
    expect(reasonOf(relu)).toBe("'act' is a relu node");
    const convBias = residualLayers(LIF).map((l) => ((l as { name: string }).name === 'c0' ? { ...(l as object), bias: true } : (l as { name: string }).name === 'c1' ? { ...(l as object), padding: 'same' } : l));
    expect(reasonOf(convBias)).toBe("'c0' has a bias");
    const alif = rsnnLayers({ model: 'alif' });
    expect(reasonOf(alif)).toMatch(/layer 'lif' has alif neurons/);
    expect(reasonOf(rsnnLayers({ model: 'inputAdaptive' }))).toMatch(/layer 'lif' has inputAdaptive neurons \(only lif and if are supported\)/);
    const net = compileNetwork(networkSchema.parse({ layers: residualLayers(LIF) }), undefined, 1);
    await expect((await createEngine('wasm', { kernel })).simulate(net, randomInput(3, 1, 128, 0.2, 1), { dtMs: 1 })).rejects.toThrow(/'c1' has a rectangular, dilated, grouped or explicitly padded window; use the events engine/);
  });
});
