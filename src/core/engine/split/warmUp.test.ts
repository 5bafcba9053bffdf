import { beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../../cli/kernelFile.ts';
import { w1EventInput } from '../../bench/workloads.ts';
import { w1Network } from '../../bench/canonical.ts';
import { createEngine } from '../index.ts';
import type { Engine, SimOptions } from '../types.ts';
import { warmUpEngine } from './warmUp.ts';

let kernel: Uint8Array;
beforeAll(async () => {
  kernel = await kernelBytes();
}, 120_000);

describe('warmUpEngine', () => {
  it('runs the small network through the event-list paths in both precisions, and leaves the engine exact', async () => {
    const wasm = await createEngine('wasm', { kernel });
    const precisions: (SimOptions['precision'] | undefined)[] = [];
    const counts: number[][] = [];
    const spy: Engine = {
      ...wasm,
      simulate: async (n, x, o) => {
        precisions.push(o.precision);
        const r = await wasm.simulate(n, x, o);
        counts.push(r.layers.map((l) => l.spikeCount));
        return r;
      },
    };
    const spikes = await warmUpEngine(spy, 4);
    expect(precisions).toEqual(['float64', 'float32', 'float64', 'float32']);
    expect(spikes).toBe(counts.flat().reduce((a, b) => a + b, 0));
    // Input, hidden and output all fire, so the lists and both dense layers were exercised.
    for (const c of counts) expect(c.length === 3 && c.every((n) => n > 0), String(c)).toBe(true);
    const input = w1EventInput(4);
    const warmed = await wasm.simulate(w1Network(), input, { dtMs: 1, recordSpikes: false });
    const fresh = await (await createEngine('wasm', { kernel })).simulate(w1Network(), input, { dtMs: 1, recordSpikes: false });
    expect(warmed.layers.map((l) => l.spikeCount)).toEqual(fresh.layers.map((l) => l.spikeCount));
  });
});
