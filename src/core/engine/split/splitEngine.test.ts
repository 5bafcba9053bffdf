import { toEventBatch, wasChecked } from '../eventBatch.ts';
import { probeSpikes, roundingProbe } from '../../../../test/support/precisionProbe.ts';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { kernelBytes } from '../../../cli/kernelFile.ts';
import { compileNetwork } from '../../network/compile.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { createEngine } from '../index.ts';
import type { Engine, SimInput } from '../types.ts';
import { createSplitEngine } from './splitEngine.ts';

let kernel: Uint8Array;
beforeAll(async () => {
  kernel = await kernelBytes();
}, 120_000);

const wasmParts = (n: number): Promise<Engine[]> => Promise.all(Array.from({ length: n }, () => createEngine('wasm', { kernel })));

function randomInput(steps: number, batch: number, neurons: number, p: number, seed: number): SimInput {
  const r = createRng(seed, 'split-input');
  return { steps, batch, neurons, values: new Float32Array(steps * batch * neurons).map(() => (r.next() < p ? 1 : 0)) };
}

const net = compileNetwork(
  networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [33] },
      { kind: 'dense', name: 'fc1', units: 21, weightGain: 3 },
      { kind: 'spiking', name: 'h', neuron: { model: 'lif' } },
      { kind: 'dense', name: 'fc2', units: 6, weightGain: 3 },
      { kind: 'spiking', name: 'out', neuron: { model: 'lif' } },
      { kind: 'readout', name: 'ro', mode: 'membrane', reduce: 'mean' },
    ],
  }),
  undefined,
  4,
);

describe('createSplitEngine', () => {
  it.each([
    { parts: 3, batch: 7 },
    { parts: 2, batch: 2 },
    { parts: 4, batch: 3 },
  ])('gives one engine’s result when $parts parts share a batch of $batch', async ({ parts, batch }) => {
    const input = randomInput(60, batch, 33, 0.15, batch);
    const membrane = [{ layer: 'h', neuron: 3, sample: batch - 1 }, { layer: 'out', neuron: 5 }, { layer: 'h', neuron: 0, sample: Math.floor(batch / 2) }];
    const one = await (await createEngine('wasm', { kernel })).simulate(net, input, { dtMs: 1, membrane });
    const split = createSplitEngine(await wasmParts(parts), { name: 'wasm', backend: 'wasm-simd', reason: 'test' });
    const r = await split.simulate(net, input, { dtMs: 1, membrane });
    expect(r.layers).toEqual(one.layers);
    expect(r.membranes).toEqual(one.membranes);
    expect(r.readouts).toEqual(one.readouts);
    expect(r.batch).toBe(batch);
    expect(one.layers.at(-1)?.spikeCount).toBeGreaterThan(0);
    // The input's event lists, when given, are cut into the same slices.
    const withEvents = { ...input, events: toEventBatch(input.values, input.steps, input.batch, input.neurons) };
    const r2 = await split.simulate(net, withEvents, { dtMs: 1, membrane });
    expect(r2.layers).toEqual(one.layers);
    expect(r2.membranes).toEqual(one.membranes);
    // The reused shared slice buffers must not leak one run into the next.
    const again = await split.simulate(net, randomInput(60, batch, 33, 0.3, 99), { dtMs: 1, recordSpikes: false });
    const ref = await (await createEngine('wasm', { kernel })).simulate(net, randomInput(60, batch, 33, 0.3, 99), { dtMs: 1, recordSpikes: false });
    expect(again.layers.map((l) => l.spikeCount)).toEqual(ref.layers.map((l) => l.spikeCount));
    // The first input again (cut anew: the buffers now hold the second's), then once more (its kept slices).
    expect((await split.simulate(net, input, { dtMs: 1, membrane })).layers).toEqual(one.layers);
    expect((await split.simulate(net, input, { dtMs: 1, membrane })).layers).toEqual(one.layers);
    // A refused input between two runs of the same one: the kept slices are not served stale.
    const bad = { ...withEvents, events: { ...withEvents.events, starts: withEvents.events.starts.map((v, i) => (i === 3 ? 0 : v)) } };
    await expect(split.simulate(net, bad, { dtMs: 1 })).rejects.toThrow(/event lists/);
    expect((await split.simulate(net, input, { dtMs: 1, membrane })).layers).toEqual(one.layers);
  });

  it('hands its parts the weights and checked event lists in shared memory, the weights copied anew at every run', async () => {
    const seen: { weights: boolean; events: boolean; checked: boolean }[] = [];
    const spy = (e: Engine): Engine => ({
      ...e,
      simulate(n, x, o) {
        const shared = (a: ArrayBufferView | undefined) => a !== undefined && a.buffer instanceof SharedArrayBuffer;
        // The slices of a checked batch arrive vouched for, so a thread does not read them again.
        seen.push({ weights: Object.values(n.weights).every((w) => shared(w.values)), events: shared(x.events?.index), checked: x.events !== undefined && wasChecked(x.events) });
        return e.simulate(n, x, o);
      },
    });
    const split = createSplitEngine((await wasmParts(2)).map(spy), { name: 'wasm', backend: 'wasm-simd', reason: 'test' });
    const plain = randomInput(40, 4, 33, 0.2, 5);
    const input = { ...plain, events: toEventBatch(plain.values, plain.steps, plain.batch, plain.neurons) };
    // A copy of the network whose weights are then edited in place: the next run must see the edit.
    const edited = { ...net, weights: Object.fromEntries(Object.entries(net.weights).map(([k, w]) => [k, { ...w, values: w.values.slice() }])) };
    const before = await split.simulate(edited, input, { dtMs: 1, recordSpikes: false });
    (edited.weights['fc1']?.values as Float32Array).fill(0.5);
    const after = await split.simulate(edited, input, { dtMs: 1, recordSpikes: false });
    const ref = await (await createEngine('wasm', { kernel })).simulate(edited, input, { dtMs: 1, recordSpikes: false });
    expect(seen).toEqual(Array.from({ length: 4 }, () => ({ weights: true, events: true, checked: true })));
    expect(after.layers.map((l) => l.spikeCount)).toEqual(ref.layers.map((l) => l.spikeCount));
    expect(after.layers[2]?.spikeCount).not.toBe(before.layers[2]?.spikeCount);
  });

  it('without shared memory (a page that is not cross-origin isolated) hands its parts plain copies, with the same result', async () => {
    const plain = randomInput(40, 4, 33, 0.2, 6);
    const input = { ...plain, events: toEventBatch(plain.values, plain.steps, plain.batch, plain.neurons) };
    const ref = await (await createEngine('wasm', { kernel })).simulate(net, input, { dtMs: 1 });
    const seen: boolean[] = [];
    const spy = (e: Engine): Engine => ({
      ...e,
      simulate(n, x, o) {
        seen.push(Object.values(n.weights).some((w) => !(w.values.buffer instanceof ArrayBuffer)) || !(x.values.buffer instanceof ArrayBuffer) || !(x.events?.index.buffer instanceof ArrayBuffer));
        return e.simulate(n, x, o);
      },
    });
    vi.stubGlobal('SharedArrayBuffer', undefined);
    try {
      const split = createSplitEngine((await wasmParts(2)).map(spy), { name: 'wasm', backend: 'wasm-simd', reason: 'test' });
      expect((await split.simulate(net, input, { dtMs: 1 })).layers).toEqual(ref.layers);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(seen).toEqual([false, false]);
  });

  it('rejects a membrane probe on a sample outside the batch', async () => {
    const split = createSplitEngine(await wasmParts(2), { name: 'wasm', backend: 'wasm-simd', reason: 'test' });
    await expect(split.simulate(net, randomInput(5, 2, 33, 0.1, 1), { dtMs: 1, membrane: [{ layer: 'h', neuron: 0, sample: 5 }] })).rejects.toThrow(/sample 5/);
  });
});

describe('createSplitEngine and the events-per-run budget', () => {
  it('shares the run\'s budget among its parts, so together they record no more than it, and carries their notes', async () => {
    const split = createSplitEngine(await Promise.all([createEngine('events'), createEngine('events')]), { name: 'events', backend: 'typed-arrays', reason: 'test' });
    const input = randomInput(200, 4, 33, 0.5, 7);
    const r = await split.simulate(net, input, { dtMs: 1, eventBudget: 1000 });
    split.dispose();
    const recorded = r.layers.reduce((a, l) => a + l.spikes.reduce((b, s) => b + s.ids.length, 0), 0);
    // Each of the 2 parts may keep 500; both reach it (the input alone offers about 13,000).
    expect(recorded).toBe(1000);
    expect(r.notes.map((n) => n.code)).toEqual(['recording_stopped', 'recording_stopped']);
    expect(r.layers.find((l) => l.name === 'in')?.spikeCount).toBeGreaterThan(10_000);
  });

  it('carries the sums’ precision to its parts', async () => {
    const { net: probe, input } = roundingProbe(3);
    const split = createSplitEngine(await wasmParts(2), { name: 'wasm', backend: 'wasm-simd', reason: 'test' });
    expect(probeSpikes(await split.simulate(probe, input, { dtMs: 1 }))).toBe(3);
    expect(probeSpikes(await split.simulate(probe, input, { dtMs: 1, precision: 'float32' }))).toBe(0);
  });
});
