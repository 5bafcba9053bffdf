import { describe, expect, it } from 'vitest';
import type { StudyOffloadPoint } from '../../../core/study/studyTypes.ts';
import { figureText, OFFLOAD_FIGURES, seriesDomain, SLIDER_THRESHOLDS } from './offloadSeries.ts';

const point: StudyOffloadPoint = { task: 'beats', threshold: 0.8, offloaded: 0.125, accuracy: 0.9125, edge_energy_j: 3.2e-5, latency_s: 0.0123 };

describe('offloadSeries', () => {
  it('OFFLOAD_FIGURES shows the offloaded share and accuracy in %, energy and latency in engineering units', () => {
    expect(OFFLOAD_FIGURES.map((f) => [f.key, figureText(point, f)])).toEqual([
      ['offloaded', '12.5 %'],
      ['accuracy', '91.3 %'],
      ['edge_energy_j', '32.0 µJ'],
      ['latency_s', '12.3 ms'],
    ]);
  });

  it('SLIDER_THRESHOLDS runs from 0 to 1 in 101 steps of 0.01, hitting both ends exactly', () => {
    expect(SLIDER_THRESHOLDS).toHaveLength(101);
    expect(SLIDER_THRESHOLDS[0]).toBe(0);
    expect(SLIDER_THRESHOLDS[100]).toBe(1);
    expect(SLIDER_THRESHOLDS[37]).toBeCloseTo(0.37, 12);
  });

  it('seriesDomain keeps fractions on 0–1 and gives energy and latency 8 % of room above their largest value', () => {
    expect(seriesDomain('accuracy', [0.2, 0.4])).toEqual([0, 1]);
    expect(seriesDomain('offloaded', [0, 1])).toEqual([0, 1]);
    const [lo, hi] = seriesDomain('edge_energy_j', [1e-6, 5e-6, Number.NaN]);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(5.4e-6, 18);
    expect(seriesDomain('latency_s', [0, 0])).toEqual([0, 1]);
  });
});
