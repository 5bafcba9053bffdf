import { describe, expect, it } from 'vitest';
import { byNearest, closestName, editDistance } from './lessonSpelling.ts';

describe('lessonSpelling', () => {
  it('counts an insertion, a deletion, a substitution and a swap of neighbours as one edit each', () => {
    expect(editDistance('highlight', 'hightlight')).toBe(1);
    expect(editDistance('count', 'cont')).toBe(1);
    expect(editDistance('count', 'coint')).toBe(1);
    expect(editDistance('count', 'cuont')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('Lif', 'lif')).toBe(0);
  });

  it('orders names nearest first and suggests only a close one', () => {
    expect(byNearest('rat', ['delta', 'rate', 'latency'])).toEqual(['rate', 'delta', 'latency']);
    expect(closestName('surogate', ['surrogate'])).toBe('surrogate');
    expect(closestName('banana', ['surrogate', 'raster'])).toBeNull();
  });
});
