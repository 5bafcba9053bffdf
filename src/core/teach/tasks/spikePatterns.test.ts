import { describe, expect, it } from 'vitest';
import { adaptationRatio, burstCount, interSpikeIntervals, intervalVariation } from './spikePatterns.ts';

describe('spike pattern signatures', () => {
  it('reads intervals, and the last over the first as the adaptation ratio', () => {
    expect(interSpikeIntervals([2, 5, 10, 20])).toEqual([3, 5, 10]);
    expect(adaptationRatio([2, 5, 10, 20])).toBeCloseTo(10 / 3, 12);
    expect(adaptationRatio([1, 4])).toBeNull();
  });

  it('finds no burst in a regular train and counts groups split by long pauses', () => {
    expect(burstCount([0, 10, 20, 30, 40])).toBe(0);
    // Intervals 2, 2, 30, 2, 2, 30, 2: cut at sqrt(2·30) ≈ 7.7 → groups of 3, 3 and 2 spikes.
    expect(burstCount([0, 2, 4, 34, 36, 38, 68, 70])).toBe(3);
    // A lone spike after a pause is not a burst: groups of 3 and 1.
    expect(burstCount([0, 2, 4, 40])).toBe(1);
  });

  it('measures the spread of intervals against their mean', () => {
    expect(intervalVariation([0, 5, 10, 15])).toBe(0);
    // Intervals 2 and 6: mean 4, sd 2 → 0.5.
    expect(intervalVariation([0, 2, 8])).toBeCloseTo(0.5, 12);
  });
});
