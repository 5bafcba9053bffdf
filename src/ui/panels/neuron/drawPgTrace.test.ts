import { describe, expect, it } from 'vitest';
import { traceExtent } from './drawPgTrace.ts';

describe('traceExtent', () => {
  it('covers the series, a fixed or moving threshold and extra values, and never collapses', () => {
    expect(traceExtent(Float32Array.from([0, 0.5]), 1)).toEqual([0, 1]);
    expect(traceExtent(Float32Array.from([0, 0.5]), Float32Array.from([1, 2]))).toEqual([0, 2]);
    expect(traceExtent(Float32Array.from([-65, -70]), null, [30])).toEqual([-70, 30]);
    expect(traceExtent(Float32Array.from([0, 0]), null)).toEqual([-1, 1]);
    expect(traceExtent(new Float32Array(0), null)).toEqual([0, 1]);
  });
});
