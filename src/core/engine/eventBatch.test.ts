import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { sliceEventBatch, toEventBatch } from './eventBatch.ts';

describe('sliceEventBatch', () => {
  it('gives the event lists of the slice’s own dense input, for every slice of a batch', () => {
    const r = createRng(3, 'slice-events');
    const [steps, batch, inputs] = [9, 7, 13];
    // Real values in sample 5 only: the other slices hold spikes alone.
    const values = new Float32Array(steps * batch * inputs).map((_, k) => (r.next() < 0.3 ? (Math.floor(k / inputs) % batch === 5 && r.next() < 0.5 ? 0.5 : 1) : 0));
    const all = toEventBatch(values, steps, batch, inputs);
    for (const [start, n] of [[0, 7], [0, 3], [3, 4], [6, 1], [2, 0]] as const) {
      const own = new Float32Array(steps * n * inputs);
      for (let t = 0; t < steps; t++) own.set(values.subarray((t * batch + start) * inputs, (t * batch + start + n) * inputs), t * n * inputs);
      const slice = sliceEventBatch(all, start, n);
      expect(slice).toEqual(toEventBatch(own, steps, n, inputs));
      expect(slice.binary).toBe(start > 5 || start + n <= 5);
    }
  });
});
