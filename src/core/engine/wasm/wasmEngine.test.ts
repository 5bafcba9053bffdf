import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../../cli/kernelFile.ts';
import { w1Input, w1Network } from '../../bench/canonical.ts';
import { compileNetwork } from '../../network/compile.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { toEventBatch } from '../eventBatch.ts';
import { createEngine } from '../index.ts';
import type { Engine, SimInput, SimOptions, SimulationResult } from '../types.ts';

// The real kernel: built from assembly/ on demand (kernelFile.ts) and loaded from its bytes.
let kernel: Uint8Array;
let events: Engine;
beforeAll(async () => {
  kernel = await kernelBytes();
  events = await createEngine('events');
}, 120_000);

const wasm = () => createEngine('wasm', { kernel });

function withEvents(input: SimInput): SimInput {
  return { ...input, events: toEventBatch(input.values, input.steps, input.batch, input.neurons) };
}

function randomInput(steps: number, batch: number, neurons: number, p: number, seed: number, real = false): SimInput {
  const r = createRng(seed, 'wasm-input');
  const values = new Float32Array(steps * batch * neurons).map(() => (real ? Math.fround(r.next() * 0.6) : r.next() < p ? 1 : 0));
  return { steps, batch, neurons, values };
}

/** A chain input → (dense → spiking)* with the given widths and one neuron spec for every layer. */
function denseChain(widths: readonly number[], neuron: Record<string, unknown>, gain: number, seed: number) {
  const layers: Record<string, unknown>[] = [{ kind: 'input', name: 'in', shape: [widths[0]] }];
  widths.slice(1).forEach((units, i) => {
    layers.push({ kind: 'dense', name: `fc${i}`, units, weightGain: gain }, { kind: 'spiking', name: `s${i}`, neuron });
  });
  return compileNetwork(networkSchema.parse({ layers }), undefined, seed);
}

/** Same counts, same spike trains (times and ids) and bit-identical membrane traces. */
function expectIdentical(ref: SimulationResult, got: SimulationResult): void {
  expect(got.engine).toBe('wasm');
  expect(got.layers.map((l) => [l.name, l.spikeCount])).toEqual(ref.layers.map((l) => [l.name, l.spikeCount]));
  ref.layers.forEach((l, i) =>
    l.spikes.forEach((s, b) => {
      expect(got.layers[i]?.spikes[b]?.times).toEqual(s.times);
      expect(got.layers[i]?.spikes[b]?.ids).toEqual(s.ids);
    }),
  );
  expect(got.membranes.map((m) => Array.from(m.values))).toEqual(ref.membranes.map((m) => Array.from(m.values)));
}

async function compare(net: ReturnType<typeof denseChain>, input: SimInput, options: SimOptions): Promise<SimulationResult> {
  const ref = await events.simulate(net, input, options);
  const got = await (await wasm()).simulate(net, input, options);
  expectIdentical(ref, got);
  return ref;
}

const LIF = { model: 'lif' };
const conv = (name: string, filters: number, kernel: number, stride: number, padding: 'same' | 'valid') => ({ kind: 'conv2d', name, filters, kernel, stride, padding, weightGain: 3 });
const spike = (name: string) => ({ kind: 'spiking', name, neuron: { model: 'lif', beta: 0.9 } });
const pool = (name: string, mode: 'max' | 'avg' | 'sum', size: number, stride?: number) => ({ kind: 'pool2d', name, mode, size, ...(stride ? { stride } : {}) });
const flat = () => ({ kind: 'flatten', name: 'flat' });
const dense = (name: string, units: number) => ({ kind: 'dense', name, units, weightGain: 3 });

describe('the wasm engine', () => {
  it('reproduces the W1 reference counts exactly (input 223,653, hidden 107,713, output 29,477)', async () => {
    const r = await (await wasm()).simulate(w1Network(), w1Input(), { dtMs: 1, recordSpikes: false });
    expect(r.layers.map((l) => l.spikeCount)).toEqual([223_653, 107_713, 29_477]);
  });

  // Widths chosen around the kernel's blocks (16 columns, then pairs, then one) and SIMD lanes (4).
  it.each([
    { widths: [40, 32, 24, 8], batch: 3, rate: 0.15, seed: 1 },
    { widths: [37, 23, 5], batch: 1, rate: 0.3, seed: 2 },
    { widths: [3, 1], batch: 5, rate: 0.5, seed: 3 },
    { widths: [70, 33, 17, 2], batch: 7, rate: 0.05, seed: 4 },
    { widths: [129, 65, 31, 3], batch: 2, rate: 0.02, seed: 5 },
    { widths: [18, 16, 15, 49], batch: 4, rate: 0.6, seed: 6 },
  ])('gives the event engine’s spikes and membranes on dense $widths, batch $batch, rate $rate', async ({ widths, batch, rate, seed }) => {
    const net = denseChain(widths, LIF, 3, seed);
    const input = randomInput(90, batch, widths[0] ?? 1, rate, seed);
    const membrane = [{ layer: 's0', neuron: 0, sample: batch - 1 }, { layer: `s${widths.length - 2}`, neuron: (widths.at(-1) ?? 1) - 1 }];
    const ref = await compare(net, input, { dtMs: 1, membrane });
    expect(ref.layers.at(-1)?.spikeCount).toBeGreaterThan(0);
    // The same input given as event lists too: the first dense layer reads them, unscanned.
    expectIdentical(ref, await (await wasm()).simulate(net, withEvents(input), { dtMs: 1, membrane }));
  });

  it('reads spike inputs given as event lists, counted and recorded, and refuses lists that do not match', async () => {
    const input = w1Input();
    const r = await (await wasm()).simulate(w1Network(), withEvents(input), { dtMs: 1, recordSpikes: false });
    expect(r.layers.map((l) => l.spikeCount)).toEqual([223_653, 107_713, 29_477]);
    // The input read by a second layer as well: the dense copy is still made for it.
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [30] },
        { kind: 'dense', name: 'a', units: 12, weightGain: 3 },
        { kind: 'spiking', name: 'sa', neuron: LIF },
        { kind: 'dense', name: 'b', units: 12, weightGain: 3, inputs: ['in'] },
        { kind: 'sum', name: 'ab', inputs: ['sa', 'b'] },
        { kind: 'spiking', name: 'out', neuron: LIF },
      ],
    });
    const net = compileNetwork(spec, undefined, 8);
    const small = randomInput(60, 3, 30, 0.2, 9);
    await compare(net, small, { dtMs: 1 });
    expectIdentical(await events.simulate(net, small, { dtMs: 1 }), await (await wasm()).simulate(net, withEvents(small), { dtMs: 1 }));
    const wrong = { ...small, events: toEventBatch(small.values.subarray(0, 59 * 3 * 30), 59, 3, 30) };
    await expect((await wasm()).simulate(net, wrong, { dtMs: 1 })).rejects.toThrow(/event lists describe 59 steps × 3 samples × 30 inputs, not the input's 60 × 3 × 30/);
    // Lists the kernel would read past their rows, out of order or as spikes they are not: refused.
    const good = toEventBatch(small.values, 60, 3, 30);
    const bent = (change: (e: { starts: Uint32Array; index: Uint32Array; value: Float32Array }) => void) => {
      const e = { ...good, starts: good.starts.slice(), index: good.index.slice(), value: good.value.slice() };
      change(e);
      return { ...small, events: e };
    };
    const chain = denseChain([30, 12, 4], LIF, 3, 8);
    const cases: [string, SimInput, RegExp][] = [
      ['an index past the inputs', bent((e) => void (e.index[0] = 30)), /holds input 30 after -1 \(indices must increase and stay below 30\)/],
      ['a repeated index', bent((e) => void (e.index[1] = e.index[0] as number)), /indices must increase/],
      ['rows that go backwards', bent((e) => void (e.starts[5] = (e.starts[6] as number) + 1)), /go backwards at row 5|indices must increase/],
      ['a value that is not a spike', bent((e) => void (e.value[3] = 0.5)), /say they hold spikes, but event 3 has value 0.5/],
      ['lists that stop short', bent((e) => void (e.starts[e.starts.length - 1] = 0)), /do not cover their/],
    ];
    for (const [what, x, message] of cases) await expect((await wasm()).simulate(chain, x, { dtMs: 1 }), what).rejects.toThrow(message);
    // A held input's lists hold its first step only: the engine reads its dense values.
    const held = { ...small, events: { ...good, held: true } };
    expectIdentical(await events.simulate(chain, small, { dtMs: 1 }), await (await wasm()).simulate(chain, held, { dtMs: 1 }));
  });

  it.each([
    { model: 'lif', reset: 'subtract', beta: 0.8 },
    { model: 'lif', reset: 'zero' },
    { model: 'lif', reset: 'none', threshold: 1.5 },
    { model: 'lif', tauMemMs: 12 },
    { model: 'if', reset: 'subtract' },
    { model: 'if', reset: 'zero', threshold: 0.7 },
  ])('gives identical spikes for %o neurons', async (neuron) => {
    const net = denseChain([45, 27, 11], neuron, 2, 11);
    const ref = await compare(net, randomInput(70, 3, 45, 0.1, 12), { dtMs: 1, membrane: [{ layer: 's0', neuron: 26, sample: 2 }] });
    expect(ref.layers.at(-1)?.spikeCount).toBeGreaterThan(0);
  });

  it('gives identical spikes with real-valued input and dense layers fed by currents', async () => {
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [21] },
        { kind: 'dense', name: 'a', units: 19, weightGain: 1.5 },
        { kind: 'dense', name: 'b', units: 13, weightGain: 1.5 },
        { kind: 'spiking', name: 's', neuron: LIF },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'c', units: 6, weightGain: 3 },
        { kind: 'spiking', name: 'out', neuron: { model: 'if' } },
      ],
    });
    const net = compileNetwork(spec, undefined, 5);
    const ref = await compare(net, randomInput(60, 2, 21, 0, 8, true), { dtMs: 1, membrane: [{ layer: 's', neuron: 12 }] });
    expect(ref.layers.find((l) => l.name === 's')?.spikeCount).toBeGreaterThan(0);
  });

  it.each([
    { mode: 'count', reduce: 'max' },
    { mode: 'membrane', reduce: 'max', beta: 0.8 },
    { mode: 'membrane', reduce: 'mean' },
    { mode: 'membrane', reduce: 'last' },
  ])('gives the event engine’s readout values for a $mode readout reduced by $reduce', async (ro) => {
    const spec = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [30] },
        { kind: 'dense', name: 'fc1', units: 18, weightGain: 3 },
        { kind: 'spiking', name: 'h', neuron: LIF },
        { kind: 'dense', name: 'fc2', units: 5, weightGain: 2 },
        { kind: 'readout', name: 'ro', ...ro },
      ],
    });
    const net = compileNetwork(spec, undefined, 13);
    const opts = { dtMs: 1, membrane: [{ layer: 'ro', neuron: 4, sample: 1 }] };
    const input = randomInput(40, 3, 30, 0.2, 14);
    const ref = await compare(net, input, opts);
    const got = await (await wasm()).simulate(net, input, opts);
    expect(got.readouts).toEqual(ref.readouts);
    expect(ref.readouts[0]?.values.some((v) => v !== 0)).toBe(true);
  });

  it('counts the same spikes without recording them, and runs repeatedly from zero state', async () => {
    const net = denseChain([50, 30, 10], LIF, 3, 21);
    const input = randomInput(50, 4, 50, 0.1, 22);
    const e = await wasm();
    const full = await e.simulate(net, input, { dtMs: 1 });
    const counts = await e.simulate(net, input, { dtMs: 1, recordSpikes: false, membrane: [{ layer: 's1', neuron: 9, sample: 3 }] });
    const again = await e.simulate(net, input, { dtMs: 1 });
    expect(counts.layers.map((l) => l.spikeCount)).toEqual(full.layers.map((l) => l.spikeCount));
    expect(counts.layers.every((l) => l.spikes.length === 0)).toBe(true);
    expectIdentical(full, again);
    const ref = await events.simulate(net, input, { dtMs: 1, recordSpikes: false, membrane: [{ layer: 's1', neuron: 9, sample: 3 }] });
    expect(Array.from(counts.membranes[0]?.values ?? [])).toEqual(Array.from(ref.membranes[0]?.values ?? []));
  });

  it('runs overlapping simulate calls one after the other on its single memory', async () => {
    const e = await wasm();
    const a = denseChain([30, 20, 4], LIF, 3, 31);
    const b = denseChain([17, 9], LIF, 3, 32);
    const ia = randomInput(40, 2, 30, 0.2, 33);
    const ib = randomInput(40, 3, 17, 0.3, 34);
    const [ra, rb] = await Promise.all([e.simulate(a, ia, { dtMs: 1 }), e.simulate(b, ib, { dtMs: 1 })]);
    expectIdentical(await events.simulate(a, ia, { dtMs: 1 }), ra);
    expectIdentical(await events.simulate(b, ib, { dtMs: 1 }), rb);
  });

  // Conv and pool layers around the kernel's lanes (filters of 1, 3, 4, 5), strides, both
  // paddings, odd sides, every pool mode, pools right after the input (real values) and two
  // convs stacked; the dvs-shapes preset's own shape.
  it.each([
    { name: 'same 3×3 stride 2, sum pool (dvs-shapes)', shape: [32, 32, 2], layers: [conv('c1', 8, 3, 2, 'same'), spike('s1'), pool('p', 'sum', 2), flat(), dense('fc', 6), spike('o')], batch: 2, rate: 0.05, real: false },
    { name: 'valid 5×5, avg pool with stride 1, odd sides', shape: [11, 9, 3], layers: [conv('c1', 5, 5, 1, 'valid'), spike('s1'), pool('p', 'avg', 2, 1), flat(), dense('fc', 3), spike('o')], batch: 3, rate: 0.2, real: false },
    { name: 'two convs, max pool, one filter', shape: [10, 10, 1], layers: [conv('c1', 3, 3, 1, 'same'), spike('s1'), conv('c2', 1, 2, 2, 'valid'), spike('s2'), pool('p', 'max', 2), flat(), dense('fc', 4), spike('o')], batch: 4, rate: 0.3, real: false },
    { name: '1-D conv across 32 bands on real values (audio-digits)', shape: [32, 1, 1], layers: [conv('c1', 16, 5, 1, 'same'), spike('s1'), flat(), dense('fc', 10), { kind: 'readout', name: 'r', mode: 'membrane', beta: 0.95 }], batch: 2, rate: 1, real: true },
    { name: 'pool on the input, then conv', shape: [8, 8, 4], layers: [pool('p0', 'sum', 2), conv('c1', 4, 3, 1, 'same'), spike('s1')], batch: 1, rate: 0.4, real: true },
  ])('gives the event engine’s spikes and membranes on conv networks: $name', async ({ shape, layers, batch, rate, real }) => {
    const net = compileNetwork(networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape }, ...layers] }), undefined, 9);
    const input = randomInput(40, batch, shape.reduce((a, b) => a * b, 1), rate, 9, real);
    const spiking = layers.filter((l) => l.kind === 'spiking').map((l) => l.name);
    const ref = await compare(net, input, { dtMs: 1, membrane: [{ layer: spiking[0] ?? '', neuron: 1, sample: batch - 1 }] });
    for (const name of spiking) expect(ref.layers.find((l) => l.name === name)?.spikeCount, name).toBeGreaterThan(0);
    // Without recording, the counts alone (the input's from the conv kernel's sum of its values).
    const counts = await (await wasm()).simulate(net, input, { dtMs: 1, recordSpikes: false });
    const refCounts = await events.simulate(net, input, { dtMs: 1, recordSpikes: false });
    expect(counts.layers.map((l) => l.spikeCount)).toEqual(refCounts.layers.map((l) => l.spikeCount));
  });

  it('rejects networks it does not run with an error naming the layer', async () => {
    const e = await wasm();
    const input = randomInput(5, 1, 36, 0.2, 1);
    const alif = denseChain([36, 4], { model: 'alif' }, 1, 1);
    await expect(e.simulate(alif, input, { dtMs: 1 })).rejects.toThrow(/layer 's0' has alif neurons/);
    const refractory = denseChain([36, 4], { model: 'lif', refractoryMs: 2 }, 1, 1);
    await expect(e.simulate(refractory, input, { dtMs: 1 })).rejects.toMatchObject({ code: 'engine_failed' });
  });

  it('rejects an input whose length is not steps × batch × neurons', async () => {
    const net = denseChain([10, 4], LIF, 1, 1);
    const input = { steps: 5, batch: 2, neurons: 10, values: new Float32Array(99) };
    await expect((await wasm()).simulate(net, input, { dtMs: 1 })).rejects.toThrow(/99 values/);
  });

  it('cannot be created without its kernel, and says what to pass', async () => {
    await expect(createEngine('wasm')).rejects.toThrow(/needs its kernel/);
  });
});
