import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../cli/kernelFile.ts';
import { compileNetwork } from '../network/compile.ts';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { toEventBatch } from './eventBatch.ts';
import { createEngine } from './index.ts';
import { spikeFlips } from './precisionFlips.ts';
import type { Engine, SimInput, SimulationResult } from './types.ts';
import { probeSpikes, roundingProbe } from '../../../test/support/precisionProbe.ts';

let kernel: Uint8Array;
let events: Engine;
let wasm: Engine;
beforeAll(async () => {
  kernel = await kernelBytes();
  events = await createEngine('events');
  wasm = await createEngine('wasm', { kernel });
}, 120_000);

function chain(widths: readonly number[], seed: number) {
  const layers: Record<string, unknown>[] = [{ kind: 'input', name: 'in', shape: [widths[0]] }];
  widths.slice(1).forEach((units, i) => layers.push({ kind: 'dense', name: `fc${i}`, units, weightGain: 3 }, { kind: 'spiking', name: `s${i}`, neuron: { model: 'lif' } }));
  return compileNetwork(networkSchema.parse({ layers }), undefined, seed);
}

function input(steps: number, batch: number, neurons: number, p: number, seed: number, real: boolean): SimInput {
  const r = createRng(seed, 'precision-input');
  const values = new Float32Array(steps * batch * neurons).map(() => (r.next() < p ? (real ? Math.fround(0.2 + r.next()) : 1) : 0));
  return { steps, batch, neurons, values };
}

function trains(r: SimulationResult) {
  return r.layers.map((l) => [l.name, l.spikeCount, l.spikes.map((s) => [Array.from(s.times), Array.from(s.ids)])]);
}

describe('the float32 precision mode', () => {
  // Widths around the float32 kernel's blocks (32 columns, then 4, then one) and the float64 one's (16).
  it.each([
    { widths: [50, 70, 37, 5], batch: 3, real: false },
    { widths: [33, 32, 31, 3], batch: 2, real: true },
    { widths: [9, 100, 6], batch: 4, real: false },
  ])('gives the same spikes on the event engine and the wasm kernel: $widths, real input $real', async ({ widths, batch, real }) => {
    const net = chain(widths, widths.length);
    const x = input(80, batch, widths[0] ?? 1, 0.2, batch, real);
    const a = await events.simulate(net, x, { dtMs: 1, precision: 'float32' });
    const b = await wasm.simulate(net, x, { dtMs: 1, precision: 'float32' });
    expect(trains(b)).toEqual(trains(a));
    expect(a.layers.at(-1)?.spikeCount).toBeGreaterThan(0);
    if (!real) expect(trains(await wasm.simulate(net, { ...x, events: toEventBatch(x.values, x.steps, x.batch, x.neurons) }, { dtMs: 1, precision: 'float32' }))).toEqual(trains(a));
  });

  it('sums in float32, one rounding per add: 1 + 2⁻²⁴ + 2⁻²⁴ stays 1 (no spike at θ = 1), where float64 sums fire', async () => {
    const { net, input: x } = roundingProbe(1);
    for (const engine of [events, wasm]) {
      const f64 = await engine.simulate(net, x, { dtMs: 1, precision: 'float64' });
      const f32 = await engine.simulate(net, x, { dtMs: 1, precision: 'float32' });
      expect(probeSpikes(f64)).toBe(1);
      expect(probeSpikes(f32)).toBe(0);
      expect(spikeFlips(f64, f32)).toEqual({ reference: 1, flipped: 1, perMillion: 1e6 });
    }
  });

  // Rounding moves a current by about 1e-7 of its size: flips need a membrane that close to θ, so a
  // run this size may well have none. The counts must still be consistent.
  it('counts the spikes that flip against float64 sums consistently', async () => {
    const net = chain([200, 300, 10], 7);
    const x = input(200, 4, 200, 0.3, 9, true);
    const f64 = await wasm.simulate(net, x, { dtMs: 1 });
    const f32 = await wasm.simulate(net, x, { dtMs: 1, precision: 'float32' });
    expect(spikeFlips(f64, f64)).toEqual({ reference: f64.layers.reduce((a, l) => a + (l.kind === 'spiking' ? l.spikeCount : 0), 0), flipped: 0, perMillion: 0 });
    const flips = spikeFlips(f64, f32);
    // Both directions agree, and a flip is a spike in one run only.
    expect(spikeFlips(f32, f64).flipped).toBe(flips.flipped);
    const countGap = f64.layers.reduce((a, l, i) => a + (l.kind === 'spiking' ? Math.abs(l.spikeCount - (f32.layers[i]?.spikeCount ?? 0)) : 0), 0);
    expect(flips.flipped).toBeGreaterThanOrEqual(countGap);
    expect(flips.flipped % 2).toBe(countGap % 2);
    expect(flips.perMillion).toBeLessThan(1e5);
  });
});
