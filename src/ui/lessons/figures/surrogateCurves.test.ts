import { describe, expect, it } from 'vitest';
import { SURROGATES } from '../../../core/train/surrogate.ts';
import { fastSigmoidDerivative, heaviside, sampleCurve, surrogateHalfWidth } from './surrogateCurves.ts';

describe('surrogate figure curves', () => {
  it('draws the same fast-sigmoid derivative as training uses', () => {
    for (const k of [1, 5, 25, 50]) for (const x of [-1, -0.3, 0, 0.01, 0.7]) expect(fastSigmoidDerivative(x, k)).toBeCloseTo(SURROGATES.fastSigmoid(x, k), 12);
  });

  it('steps from 0 to 1 at the threshold', () => {
    expect([heaviside(-1e-9), heaviside(0), heaviside(0.5)]).toEqual([0, 1, 1]);
  });

  it('a steeper slope gives a narrower bump: half height at (√2 − 1)/k either side', () => {
    const k = 10;
    const w = surrogateHalfWidth(k) / 2;
    expect(fastSigmoidDerivative(w, k)).toBeCloseTo(0.5, 12);
    expect(surrogateHalfWidth(40)).toBeLessThan(surrogateHalfWidth(10));
  });

  it('samples the x range end to end', () => {
    const pts = sampleCurve((x) => x, 5);
    expect(pts.map((p) => p[0])).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});
