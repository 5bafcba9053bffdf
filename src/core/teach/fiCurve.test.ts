import { describe, expect, it } from 'vitest';
import { fiCurve, rateUnder } from './fiCurve.ts';

describe('fiCurve', () => {
  it('is 0 below the LIF rheobase θ(1 − β), rises monotonically above it, and puts the rheobase there', () => {
    // Constant I from rest: m → I/(1 − β), so the neuron fires only when I/(1 − β) > θ.
    const beta = 0.9;
    const curve = fiCurve({ model: 'lif', beta, threshold: 1, reset: 'subtract', refractoryMs: 0 }, { fromI: 0, toI: 0.5, points: 26, durationMs: 1000, dtMs: 1 });
    const rheo = 1 * (1 - Math.fround(beta));
    curve.currents.forEach((i, k) => {
      if (i < rheo) expect(curve.ratesHz[k], `I = ${i}`).toBe(0);
    });
    for (let k = 1; k < curve.ratesHz.length; k++) expect(curve.ratesHz[k] as number).toBeGreaterThanOrEqual(curve.ratesHz[k - 1] as number);
    expect(curve.ratesHz[curve.ratesHz.length - 1] as number).toBeGreaterThan(100);
    // Near the rheobase the first spike takes ever longer, so a finite run puts it slightly above.
    expect(curve.rheobase).not.toBeNull();
    expect(curve.rheobase as number).toBeGreaterThanOrEqual(rheo);
    expect(curve.rheobase as number).toBeLessThan(rheo * 1.02);
  });

  it('gives the IF neuron the analytic rate I/θ per step', () => {
    // Reset by subtraction keeps the residue: over any n steps the neuron fires n·I/θ times, give or
    // take one; the rate is read over the second 500 steps of 1000, so ±1 spike is ±2 Hz.
    for (const [i, theta] of [
      [0.1, 1],
      [0.37, 1],
      [0.5, 2],
    ] as const) {
      const hz = rateUnder({ model: 'if', threshold: theta, reset: 'subtract' }, i, 1000, 1);
      expect(Math.abs(hz - (1000 * i) / theta), `I = ${i}, θ = ${theta}`).toBeLessThanOrEqual(2);
    }
    expect(rateUnder({ model: 'if', threshold: 1, reset: 'subtract' }, 0.2, 1000, 0.5)).toBeCloseTo(400, -1);
  });

  it('leaves out the onset: a neuron that fires once from rest and then falls silent has rate 0', () => {
    // Izhikevich's chattering set starts at v = c = −50 mV, its unstable fixed point at I = 0: it
    // fires once while it settles, then rests.
    const ch = { model: 'izhikevich' as const, a: 0.02, b: 0.2, c: -50, d: 2, vPeakMv: 30 };
    expect(rateUnder(ch, 0, 500, 0.5)).toBe(0);
    expect(rateUnder(ch, 10, 500, 0.5)).toBeGreaterThan(20);
  });

  it('has no rheobase when nothing fires, and refuses a grid it cannot draw', () => {
    expect(fiCurve({ model: 'lif', beta: 0.9, threshold: 1, reset: 'subtract', refractoryMs: 0 }, { fromI: 0, toI: 0.05, points: 5, durationMs: 200, dtMs: 1 }).rheobase).toBeNull();
    expect(() => fiCurve({ model: 'if', threshold: 1, reset: 'subtract' }, { fromI: 1, toI: 0, points: 5, durationMs: 100, dtMs: 1 })).toThrow(/toI above fromI/);
    expect(() => fiCurve({ model: 'if', threshold: 1, reset: 'subtract' }, { fromI: 0, toI: 1, points: 1, durationMs: 100, dtMs: 1 })).toThrow(/at least 2 points/);
  });
});
