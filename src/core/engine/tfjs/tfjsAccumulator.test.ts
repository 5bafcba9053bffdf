import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileNetwork } from '../../network/compile.ts';
import { createRng } from '../../rng.ts';
import { networkSchema } from '../../spec/network.ts';
import { createEngine } from '../index.ts';
import type { Engine, SimulationResult } from '../types.ts';

const STEPS = 23;
const UNITS = 6;

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine('tfjs-cpu');
});
afterAll(() => engine.dispose());

/** in[10] → dense → LIF(6) → accumulator → value read-out (the counts themselves), on seeded random input spikes. */
async function run(window: number | undefined, reduce: 'last' | 'max'): Promise<SimulationResult> {
  const spec = networkSchema.parse({
    layers: [
      { kind: 'input', name: 'in', shape: [10] },
      { kind: 'dense', name: 'fc', units: UNITS, weightGain: 3 },
      { kind: 'spiking', name: 'lif', neuron: { model: 'lif', threshold: 0.6, tauMemMs: 10 } },
      { kind: 'accumulator', name: 'acc', ...(window !== undefined ? { window } : {}) },
      { kind: 'readout', name: 'counts', mode: 'value', reduce },
    ],
  });
  const net = compileNetwork(spec, undefined, 4);
  const r = createRng(4, 'acc-input');
  const values = new Float32Array(STEPS * 10).map(() => (r.next() < 0.35 ? 1 : 0));
  const membrane = Array.from({ length: UNITS }, (_, k) => ({ layer: 'counts', neuron: k }));
  return engine.simulate(net, { steps: STEPS, batch: 1, neurons: 10, values }, { dtMs: 1, membrane });
}

/** Per step and neuron, the LIF layer's spikes since the start of that step's window, counted by hand from the recorded train. */
function countsByHand(res: SimulationResult, window: number | undefined): number[][] {
  const train = res.layers.find((l) => l.name === 'lif')?.spikes[0];
  const spikes = Array.from({ length: STEPS }, () => new Array<number>(UNITS).fill(0));
  train?.times.forEach((t, k) => {
    const row = spikes[t] as number[];
    const id = train.ids[k] as number;
    row[id] = (row[id] as number) + 1;
  });
  const out: number[][] = [];
  for (let t = 0; t < STEPS; t++) {
    const start = window === undefined ? 0 : t - (t % window);
    out.push(Array.from({ length: UNITS }, (_, k) => spikes.slice(start, t + 1).reduce((a, row) => a + (row[k] as number), 0)));
  }
  return out;
}

describe('the accumulator on the tfjs engine', () => {
  it.each([
    ['the whole run', undefined],
    ['windows of 5 steps (the last one 3 steps long)', 5],
    ['windows of 1 step (the spikes themselves)', 1],
  ])('over %s passes on the spike counts of its window at every step', async (_name, window) => {
    const res = await run(window, 'last');
    const want = countsByHand(res, window);
    // The LIF layer fires, so the counts are not trivially zero.
    expect(res.layers.find((l) => l.name === 'lif')?.spikeCount).toBeGreaterThan(STEPS);
    for (let k = 0; k < UNITS; k++) {
      const trace = res.membranes.find((m) => m.layer === 'counts' && m.neuron === k)?.values;
      expect(Array.from(trace ?? []), `neuron ${k}`).toEqual(want.map((row) => row[k]));
    }
    expect(Array.from(res.readouts[0]?.values ?? [])).toEqual(want[STEPS - 1]);
  });

  it('reaches its window’s full count at the window’s last step: a max read-out holds the largest window count', async () => {
    const res = await run(5, 'max');
    const want = countsByHand(res, 5);
    const ends = [4, 9, 14, 19, 22].map((t) => want[t] as number[]);
    expect(Array.from(res.readouts[0]?.values ?? [])).toEqual(Array.from({ length: UNITS }, (_, k) => Math.max(...ends.map((row) => row[k] as number))));
  });
});
