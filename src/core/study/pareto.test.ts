import { describe, expect, it } from 'vitest';
import { paretoFlags } from './pareto.ts';

describe('paretoFlags', () => {
  it('keeps the points no other point beats on both accuracy and energy', () => {
    const flags = paretoFlags([
      { accuracy: 0.9, energy: 10 }, // front: most accurate
      { accuracy: 0.8, energy: 2 }, // front: cheaper
      { accuracy: 0.8, energy: 5 }, // beaten by the one above (same accuracy, less energy)
      { accuracy: 0.7, energy: 1 }, // front: cheapest
      { accuracy: 0.6, energy: 3 }, // beaten
    ]);
    expect(flags).toEqual([true, true, false, true, false]);
  });

  it('keeps both of two equal points and never a point without energy', () => {
    expect(paretoFlags([{ accuracy: 0.5, energy: 1 }, { accuracy: 0.5, energy: 1 }, { accuracy: 0.99, energy: null }])).toEqual([true, true, false]);
  });
});
