import { describe, expect, it } from 'vitest';
import { sampleInput, strokePoints } from './inputDrawing.ts';

describe('input drawing', () => {
  it('samples the input at evenly spaced steps, first and last included', () => {
    const input = Float32Array.from({ length: 101 }, (_, t) => t);
    expect(sampleInput(input, 5)).toEqual([0, 25, 50, 75, 100]);
  });

  it('fills every point a stroke passes over on the line between its ends, in either direction', () => {
    const zeros = [0, 0, 0, 0, 0];
    expect(strokePoints(zeros, 0, 0, 1, 4)).toEqual([0, 1, 2, 3, 4]);
    expect(strokePoints(zeros, 1, 4, 0, 0)).toEqual([0, 1, 2, 3, 4]);
    expect(strokePoints(zeros, 0.5, 2, 0.5, 3)).toEqual([0, 0, 3, 0, 0]);
    // Outside the canvas the stroke is held at its edges.
    expect(strokePoints(zeros, 1.5, 1, 2, 1)).toEqual([0, 0, 0, 0, 1]);
  });
});
