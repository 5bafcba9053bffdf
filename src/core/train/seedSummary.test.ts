import { describe, expect, it } from 'vitest';
import { compareSpreads, formatPercentSpread, summarize, summarizeRuns } from './seedSummary.ts';

describe('the spread of a figure over seeds', () => {
  it('gives the mean, the sample sd (n − 1), the range and the count', () => {
    const s = summarize([0.9, 0.8, 0.7]);
    expect(s.mean).toBeCloseTo(0.8, 12);
    // deviations 0.1, 0, −0.1: (0.01 + 0 + 0.01) / 2 = 0.01, sd 0.1
    expect(s.sd).toBeCloseTo(0.1, 12);
    expect([s.min, s.max, s.n]).toEqual([0.7, 0.9, 3]);
    expect(summarize([0.5]).sd).toBe(0);
  });

  it('refuses no runs and figures that are not finite', () => {
    expect(() => summarize([])).toThrow(/no runs/);
    expect(() => summarize([0.5, Number.NaN])).toThrow(/not a finite number/);
  });

  it('summarises every numeric figure all runs report, one level of objects deep, never the seed', () => {
    const runs = [
      { seed: 1, accuracy: 0.9, macro_f1: 0.8, model: 'a.json', synaptic_operations: { dense: 100, eff_acs: 10 }, only_here: 3 },
      { seed: 2, accuracy: 0.7, macro_f1: 0.6, model: 'b.json', synaptic_operations: { dense: 100, eff_acs: 30 } },
    ];
    const s = summarizeRuns(runs);
    expect(Object.keys(s).sort()).toEqual(['accuracy', 'macro_f1', 'synaptic_operations.dense', 'synaptic_operations.eff_acs']);
    expect(s['accuracy']?.mean).toBeCloseTo(0.8, 12);
    expect(s['synaptic_operations.eff_acs']).toMatchObject({ mean: 20, min: 10, max: 30, n: 2 });
    expect(s['synaptic_operations.dense']?.sd).toBe(0);
  });

  it('calls a difference smaller than the spread that, and a single run never a win', () => {
    const a = summarize([0.8, 0.84, 0.88]); // sd 0.04
    expect(compareSpreads(a, summarize([0.79, 0.81, 0.83]))).toBe('within the spread');
    expect(compareSpreads(a, summarize([0.6, 0.62, 0.64]))).toBe('higher');
    expect(compareSpreads(summarize([0.6, 0.62, 0.64]), a)).toBe('lower');
    expect(compareSpreads(summarize([0.99]), summarize([0.1]))).toBe('within the spread');
  });

  it('prints a fraction as a percentage with its spread', () => {
    expect(formatPercentSpread(summarize([0.9, 0.8, 0.7]))).toBe('80.0 ± 10.0 % (n = 3, 70.0–90.0)');
    expect(formatPercentSpread(summarize([0.75]))).toBe('75.0 % (one run)');
  });
});
