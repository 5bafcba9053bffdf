import { describe, expect, it } from 'vitest';
import { applyFit, fitEnergyModel, PRIOR_FIT, type FitPoint } from './fitEnergyModel.ts';

describe('fitEnergyModel', () => {
  it('recovers scale and host power exactly when the points lie on measured = s·model + p·wall', () => {
    // Three points made with s = 0.8, p = 0.07 W: the relative residuals are then all zero.
    const s = 0.8;
    const p = 0.07;
    const pts: FitPoint[] = [
      { id: 'a', modelJ: 20e-6, wallS: 1 / 115, measuredJ: s * 20e-6 + p / 115 },
      { id: 'b', modelJ: 80e-6, wallS: 1 / 114, measuredJ: s * 80e-6 + p / 114 },
      { id: 'c', modelJ: 190e-6, wallS: 1 / 290, measuredJ: s * 190e-6 + p / 290 },
    ];
    const fit = fitEnergyModel(pts);
    expect(fit.scale).toBeCloseTo(s, 9);
    expect(fit.hostPowerW).toBeCloseTo(p, 9);
    expect(fit.fittedOn).toEqual(['a', 'b', 'c']);
    for (const q of pts) expect(applyFit(fit, q.modelJ, q.wallS)).toBeCloseTo(q.measuredJ, 12);
  });

  it('fits only the scale, the mean of measured ÷ modelled weighted as least squares, when no host time separates the two', () => {
    // One point: scale = m/a. Without wall time the same holds for several: scale = Σ(a/m)/Σ(a/m)².
    const one = fitEnergyModel([{ id: 'x', modelJ: 7e-6, wallS: 0, measuredJ: 6.6e-6 }]);
    expect([one.hostPowerW, one.fittedOn]).toEqual([0, ['x']]);
    expect(one.scale).toBeCloseTo(6.6 / 7, 12);
    const two = fitEnergyModel([
      { id: 'x', modelJ: 2, wallS: 0, measuredJ: 1 },
      { id: 'y', modelJ: 1, wallS: 0, measuredJ: 1 },
    ]);
    expect(two.scale).toBeCloseTo((2 + 1) / (4 + 1), 12);
    expect(two.hostPowerW).toBe(0);
  });

  it('never returns a negative host power: it falls back to the scale alone', () => {
    // These points want p < 0 (the longer run is the cheaper one).
    const fit = fitEnergyModel([
      { id: 'a', modelJ: 1e-6, wallS: 0.01, measuredJ: 1e-6 },
      { id: 'b', modelJ: 2e-6, wallS: 0.001, measuredJ: 4e-6 },
    ]);
    expect(fit.hostPowerW).toBe(0);
    expect(fit.scale).toBeGreaterThan(0);
  });

  it('keeps the prior (the per-op model as it stands) when there is nothing to fit on', () => {
    expect(fitEnergyModel([])).toBe(PRIOR_FIT);
    expect(applyFit(PRIOR_FIT, 3e-6, 0.5)).toBe(3e-6);
  });
});
