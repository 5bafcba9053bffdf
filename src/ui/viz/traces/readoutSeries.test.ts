import { describe, expect, it } from 'vitest';
import type { ReadoutTrace } from '../../../core/engine/readout/readoutOverTime.ts';
import { CLASS_COLOURS, readoutSeries } from './readoutSeries.ts';

/** Three steps of two classes: class 0 rises 1, 2, 3; class 1 falls 6, 5, 4. */
const trace: ReadoutTrace = {
  kind: 'trace',
  name: 'out',
  units: 2,
  steps: 3,
  values: Float32Array.of(1, 6, 2, 5, 3, 4),
  final: Float32Array.of(3, 6),
  decidedBy: 'max',
  scores: Float32Array.of(3, 6),
  predicted: 1,
};

describe('readoutSeries', () => {
  it('splits the step-major trace into one line per class, with its score', () => {
    const s = readoutSeries(trace, ['N', 'V']);
    expect(s.map((c) => [c.name, Array.from(c.values), c.score])).toEqual([
      ['N', [1, 2, 3], 3],
      ['V', [6, 5, 4], 6],
    ]);
    expect(s.map((c) => c.color)).toEqual([CLASS_COLOURS[0], CLASS_COLOURS[1]]);
  });

  it('numbers the classes when the names are missing or do not name every class', () => {
    expect(readoutSeries(trace, undefined).map((c) => c.name)).toEqual(['0', '1']);
    expect(readoutSeries(trace, ['N', 'S', 'V']).map((c) => c.name)).toEqual(['0', '1']);
  });
});
